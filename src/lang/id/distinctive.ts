// Words that tell Indonesian apart from Malaysian Malay (its closest relative, which general
// detectors confuse it with). Weights: 3 = spelling or word Malaysian Malay does not use,
// 2 = strong preference, 1 = tendency. Entries are lower case; two-word entries match word pairs.
// Chosen from standard-register differences (spelling reform outcomes, everyday vocabulary,
// administrative and news vocabulary) across topics, so no single subject decides.
export const distinctiveWords: Record<string, number> = {
  // spelling differences in frequent function and content words
  karena: 3, bahwa: 3, yaitu: 3, yakni: 2, saja: 1, sebagian: 3, bagian: 3, justru: 3, mau: 2, kapan: 3,
  pikir: 3, berpikir: 3, dipikirkan: 3, paham: 3, dipahami: 2, pemahaman: 2,
  sehat: 3, kesehatan: 3, obat: 3, wabah: 3, dokter: 3, pasien: 3, utang: 3, coba: 3, mencoba: 3, dicoba: 3, percobaan: 3,
  kendaraan: 3, telepon: 3, televisi: 3, film: 2, musik: 3, museum: 2, proyek: 3, kasus: 3, jadwal: 3, menit: 3, tentara: 3,
  jenderal: 3, komandan: 3, letnan: 3, sersan: 3, kopral: 3, inspektur: 3, parlemen: 3, majelis: 3, sekretaris: 3,
  kursi: 3, mantan: 3, kampanye: 3, akun: 3, otomatis: 3, kualitas: 3, kuantitas: 3, universitas: 3, aktivitas: 3,
  komunitas: 3, identitas: 3, fasilitas: 3, kapasitas: 3, mayoritas: 3, minoritas: 3, prioritas: 3, realitas: 3,
  integritas: 3, stabilitas: 3, produktivitas: 3, kreativitas: 3, popularitas: 3, otoritas: 3, elektabilitas: 3,
  imigrasi: 3, investasi: 3, informasi: 2, administrasi: 2, internasional: 2, persen: 3, miliar: 3, triliun: 3,
  inggris: 3, jepang: 3, serikat: 3, 
  // everyday and news vocabulary
  bisa: 2, uang: 3, kantor: 3, polisi: 1, kepolisian: 3, pemerintah: 2, pemerintahan: 1, perusahaan: 1, karyawan: 3,
  mobil: 3, sepeda: 3, truk: 3, bensin: 3, listrik: 3, pabrik: 3, toko: 3, kamar: 1, gedung: 1, bandara: 3, pariwisata: 3,
  wisatawan: 3, liburan: 3, libur: 2, gratis: 3, pajak: 3, bisnis: 2, konsumen: 3, korban: 1, kecelakaan: 3,
  tewas: 1, tersangka: 3, terdakwa: 3, diduga: 3, penyidik: 3, penyidikan: 3, jaksa: 3, pengadilan: 2, pengacara: 3,
  korupsi: 1, narkoba: 3, pemilu: 3, pilkada: 3, gubernur: 3, bupati: 3, walikota: 3, camat: 3, lurah: 3, kabupaten: 3,
  kecamatan: 3, kelurahan: 3, provinsi: 3, desa: 1, kota: 1, pria: 3, 'laki-laki': 1, penelitian: 2, peneliti: 3,
  mahasiswa: 1, pelatih: 1, tim: 2, kejuaraan: 3, medali: 3, situs: 2, koran: 3, pers: 2, publik: 2,
  lokal: 2, pelayanan: 2, layanan: 2, 'juru bicara': 3, jubir: 3, direktur: 3, manajer: 3,
  manajemen: 2, komite: 2, panitia: 3, oposisi: 3, mengonfirmasi: 3, dikonfirmasi: 3, menyebutkan: 2, 
  ujar: 3, ujarnya: 3, tuturnya: 3, ungkapnya: 2, imbuhnya: 3, usai: 1, ternyata: 2, meskipun: 1, setelah: 1, saat: 1,
  kemarin: 2, besok: 3, sore: 3, siang: 1, wib: 3, wita: 3, kendati: 3, sedangkan: 2, seharusnya: 2, harus: 1,
  'rumah sakit': 3, 'luar negeri': 2, 'sepak bola': 3, 'sepeda motor': 3, 
  'kurang lebih': 2, 'bea cukai': 3, 'surat kabar': 3, 'konferensi pers': 3,
  // more spelling and vocabulary differences frequent in reporting
  pribadi: 3, dibandingkan: 2, jawaban: 3, tanggal: 3, kepemimpinan: 3, konstitusi: 2, komisi: 2, pewarta: 2,
  'arus utama': 3, aktifitas: 3, setidaknya: 3, sedikitnya: 2, berbicara: 2, tampak: 2, berbagai: 3, maupun: 3,
  sering: 1, 'saat ini': 2, 'belakangan ini': 2, mendatang: 2, memiliki: 1, selanjutnya: 1,
  // colloquial forms common in quotes and comments
  nggak: 3, enggak: 3, gak: 3, ngga: 3, udah: 3, banget: 3, aja: 3, gimana: 3, kayak: 2, bikin: 3, sih: 2, dong: 3, deh: 2,
  kok: 2, nih: 2, gue: 3, gua: 2, lho: 3, kalo: 2, emang: 3, bapak: 1, 
  // months and weekdays spelled differently in Malaysia
  maret: 3, juni: 3, juli: 3, agustus: 3, desember: 3, senin: 3, kamis: 3, jumat: 3,
};

/** Enclitics and particles that attach to any word ("kualitasnya", "bukankah"); stripped when a form is not listed. */
export const clitics: string[] = ['nya', 'lah', 'kah', 'pun', 'ku', 'mu'];
