// Hand-written general news sentences for language tests and the Malay row of eval/language.ts
// (no public Malay eval data is available). Topics vary so no single subject carries a language.

/** Malaysian Malay. */
export const malay: string[] = [
  'Jabatan Meteorologi mengeluarkan amaran hujan lebat di beberapa negeri pantai timur sehingga Ahad ini. Orang ramai dinasihatkan supaya sentiasa berwaspada dan mengikuti maklumat terkini daripada pihak berkuasa.',
  'Jurulatih pasukan bola sepak kebangsaan berkata para pemain perlu memperbaiki prestasi selepas tewas 0-2 dalam perlawanan persahabatan semalam.',
  'Harga petrol dijangka kekal tidak berubah minggu depan, manakala kerajaan akan mengumumkan belanjawan baharu pada bulan Oktober.',
  'Kementerian Kesihatan melaporkan peningkatan kes jangkitan denggi sebanyak 15 peratus berbanding tempoh yang sama tahun lepas.',
  'Polis menahan dua lelaki yang disyaki terlibat dalam kes samun di sebuah kedai serbaneka awal pagi tadi, kata jurucakap polis daerah.',
  'Pelajar universiti awam boleh memohon bantuan kewangan menerusi portal rasmi kementerian sebelum 31 Julai ini.',
  'Syarikat teknologi tempatan itu merancang untuk melabur 50 juta bagi membina pusat data baharu yang akan mewujudkan 300 peluang pekerjaan.',
  'Kesesakan lalu lintas dijangka berlaku di lebuh raya utama menjelang cuti umum, dan pengguna jalan raya dinasihatkan merancang perjalanan lebih awal.',
  'Beliau berkata demikian ketika ditemui pemberita selepas merasmikan majlis itu di sini hari ini.',
  'Filem animasi tempatan itu memenangi anugerah di sebuah festival antarabangsa dan akan ditayangkan di pawagam seluruh negara bulan depan.',
  'Mangsa kemalangan jalan raya itu dikejarkan ke hospital berhampiran tetapi disahkan meninggal dunia setibanya di sana.',
  'Saya tak tahu kenapa dia nak pergi sekarang, sebab kerja di pejabat belum selesai lagi.',
];

/** Indonesian, on the same topics as `malay`. */
export const indonesian: string[] = [
  'Badan Meteorologi, Klimatologi, dan Geofisika memperingatkan potensi hujan lebat di sejumlah provinsi hingga Minggu. Masyarakat diimbau untuk tetap waspada dan mengikuti informasi terbaru dari pihak berwenang.',
  'Pelatih tim nasional sepak bola mengatakan para pemain harus memperbaiki penampilan setelah kalah 0-2 dalam laga uji coba kemarin.',
  'Harga bensin diperkirakan tidak berubah pekan depan, sementara pemerintah akan mengumumkan anggaran baru pada bulan Oktober.',
  'Kementerian Kesehatan melaporkan kenaikan kasus demam berdarah sebesar 15 persen dibandingkan periode yang sama tahun lalu.',
  'Polisi menangkap dua pria yang diduga terlibat kasus perampokan di sebuah minimarket pada Senin dini hari, kata juru bicara kepolisian setempat.',
  'Mahasiswa perguruan tinggi negeri bisa mengajukan bantuan biaya melalui situs resmi kementerian sebelum 31 Juli.',
  'Perusahaan teknologi lokal itu berencana berinvestasi 500 miliar untuk membangun pusat data baru yang akan membuka 300 lapangan kerja.',
  'Hal itu disampaikannya kepada wartawan usai meresmikan acara tersebut, Kamis (12/9).',
  'Korban kecelakaan lalu lintas itu dilarikan ke rumah sakit terdekat, namun dinyatakan meninggal dunia setibanya di sana.',
  'Saya nggak tahu kenapa dia mau pergi sekarang, karena pekerjaan di kantor belum selesai.',
];

export const english: string[] = [
  'The central bank kept interest rates unchanged on Thursday, saying inflation had eased but remained above its target.',
  'Rescue workers searched through the night for survivors after heavy rain triggered landslides in several villages.',
];

export const vietnamese: string[] = [
  'Ngân hàng Nhà nước giữ nguyên lãi suất điều hành trong bối cảnh lạm phát có dấu hiệu hạ nhiệt.',
  'Lực lượng cứu hộ đã làm việc suốt đêm để tìm kiếm người mất tích sau trận mưa lớn gây sạt lở đất.',
];

export const others: Array<[string, string]> = [
  ['de', 'Die Zentralbank hat die Leitzinsen am Donnerstag unverändert gelassen, weil die Inflation zwar gesunken ist, aber noch über dem Ziel liegt.'],
  ['fr', 'La banque centrale a maintenu ses taux directeurs inchangés jeudi, estimant que l’inflation avait ralenti mais restait supérieure à son objectif.'],
  ['es', 'El banco central mantuvo sin cambios los tipos de interés el jueves, al considerar que la inflación se ha moderado pero sigue por encima del objetivo.'],
  ['nl', 'De centrale bank heeft de rente donderdag ongewijzigd gelaten, omdat de inflatie weliswaar is gedaald maar nog boven het doel ligt.'],
  ['pt', 'O banco central manteve as taxas de juro inalteradas na quinta-feira, considerando que a inflação abrandou mas continua acima da meta.'],
];
