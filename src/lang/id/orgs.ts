import type { EntityOrgs } from '../../entities/langdata.ts';

// Indonesian organisation and place head words, name-internal function words, and capitalised words
// that are never an entity by themselves.
export const orgs: EntityOrgs = {
  orgHeads: [
    'Kementerian', 'Kemenko', 'Departemen', 'Direktorat', 'Direktorat Jenderal', 'Badan', 'Lembaga', 'Komisi', 'Dewan', 'Majelis',
    'Mahkamah', 'Pengadilan', 'Kejaksaan', 'Kepolisian', 'Polda', 'Polres', 'Partai', 'Fraksi', 'Front', 'Gerakan', 'Persatuan',
    'Perhimpunan', 'Himpunan', 'Ikatan', 'Asosiasi', 'Federasi', 'Konfederasi', 'Serikat', 'Perserikatan', 'Liga', 'Aliansi',
    'Koalisi', 'Uni', 'Organisasi', 'Yayasan', 'Perkumpulan', 'Koperasi', 'Perusahaan', 'PT', 'Perum', 'Persero', 'Bank',
    'Universitas', 'Institut', 'Sekolah', 'Sekolah Dasar', 'Sekolah Menengah', 'Taman Kanak-kanak', 'Kelompok Bermain', 'Akademi', 'Politeknik', 'Fakultas', 'Pusat', 'Kantor', 'Biro', 'Sekretariat',
    'Kedutaan', 'Kedutaan Besar', 'Kedubes', 'Konsulat', 'Konsulat Jenderal', 'Pemerintah', 'Pemerintahan', 'Pemkot', 'Pemkab',
    'Pemprov', 'Kongres', 'Parlemen', 'Senat', 'Kabinet', 'Komite', 'Komite Sentral', 'Politbiro', 'Sekretariat Jenderal',
    'Tentara', 'Angkatan', 'Angkatan Darat', 'Angkatan Laut', 'Angkatan Udara', 'Pasukan', 'Korps', 'Komando', 'Kodam', 'Satuan',
    'Divisi', 'Brigade', 'Batalyon', 'Kantor Berita', 'Harian', 'Majalah', 'Televisi', 'Radio', 'Stasiun', 'Rumah Sakit', 'RS',
    'Masjid', 'Gereja', 'Pura', 'Vihara', 'Klub', 'Tim', 'Tim Nasional', 'Timnas', 'Otoritas', 'Kamar Dagang', 'Grup', 'Kelompok',
    'Perum', 'Dinas', 'Biro', 'Satgas', 'Satuan Tugas', 'Panitia', 'Forum', 'Program', 'Dana', 'Pengurus Besar', 'Pengurus Pusat',
  ],
  conjunctions: ['dan'],
  functionWords: ['dan', 'untuk', 'bagi', 'atas', 'serta', 'tentang', 'de', 'van', 'der', 'bin', 'binti', 'al', 'el', 'la', 'le', 'von', 'da', 'dos', 'del'],
  nameParticles: ['de', 'van', 'der', 'bin', 'binti', 'al', 'el', 'la', 'le', 'von', 'da', 'dos', 'del'],
  nonEntities: [
    // document kinds by themselves name no one (a titled agreement is read by the event stage)
    'Memorandum Kesepahaman', 'Nota Kesepahaman', 'Memorandum', 'Perjanjian', 'Persetujuan', 'Protokol', 'Nota', 'Surat Niat',
    'Surat Pernyataan Kehendak', 'Pernyataan Bersama', 'Komunike Bersama', 'Deklarasi Bersama', 'Notulen', 'Kontrak', 'Kesepakatan',
    'Pertama', 'Kedua', 'Ketiga', 'Keempat', 'Kelima', 'Keenam', 'Ketujuh', 'Kedelapan', 'Kesembilan', 'Kesepuluh', 'Terakhir',
    'Foto', 'Gambar', 'Video', 'Ilustrasi', 'Baca', 'Baca Juga', 'Lihat', 'Simak', 'Sumber', 'Editor', 'Penulis', 'Reporter',
    'Pewarta', 'Oleh', 'Namun', 'Tetapi', 'Sementara', 'Selain', 'Menurut', 'Sebelumnya', 'Kemudian', 'Selanjutnya', 'Dalam',
    'Pada', 'Di', 'Ke', 'Dari', 'Untuk', 'Dengan', 'Ini', 'Itu', 'Hal', 'Para', 'Sang', 'Setelah', 'Sebelum', 'Saat', 'Ketika',
    'Sejak', 'Hingga', 'Sampai', 'Bahkan', 'Karena', 'Oleh karena itu', 'Adapun', 'Selain itu', 'Dia', 'Ia', 'Mereka', 'Kami',
    'Kita', 'Saya', 'Anda', 'Beliau', 'Pihak', 'Negara', 'Partai', 'Pemerintah', 'Rakyat', 'Bangsa', 'Tahun', 'Bulan', 'Hari',
    'Pagi', 'Siang', 'Sore', 'Malam', 'Kini', 'Saat ini', 'Juga', 'Yang', 'Apa', 'Siapa', 'Bagaimana', 'Mengapa', 'Kapan',
    'Jika', 'Kalau', 'Maka', 'Agar', 'Supaya', 'Bagi', 'Tentang', 'Terkait', 'Berdasarkan', 'Sebagai', 'Seperti', 'Antara',
    'Berita', 'Terkini', 'Terpopuler', 'Populer', 'Utama', 'Nasional', 'Internasional', 'Dunia', 'Ekonomi', 'Politik',
    'Olahraga', 'Hiburan', 'Teknologi', 'Opini', 'Sabtu', 'Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'WIB', 'WITA', 'WIT',
    'Dok', 'Istimewa', 'Ist', 'Tangkapan layar', 'Kata', 'Ujar', 'Ungkap', 'Tegas', 'Jelas',
  ],
  // both usual renderings of "workers'" in party and union names
  orgWordVariants: { pekerja: 'buruh' },
  mediaWords: [
    'harian', 'surat kabar', 'koran', 'kantor berita', 'majalah', 'tabloid', 'situs berita', 'portal berita', 'media', 'media daring',
    'stasiun televisi', 'televisi', 'stasiun radio', 'radio', 'laman', 'jaringan televisi', 'lembaga penyiaran', 'buletin',
  ],
  directionWords: ['Utara', 'Selatan', 'Timur', 'Barat', 'Tengah', 'Tenggara', 'Barat Daya', 'Barat Laut', 'Timur Laut', 'Hulu', 'Hilir'],
  documentHeads: [
    'Undang-Undang', 'Undang-undang', 'UU', 'Undang-Undang Dasar', 'Peraturan', 'Peraturan Pemerintah', 'Peraturan Presiden', 'Peraturan Menteri',
    'Peraturan Daerah', 'Perda', 'Perpres', 'Permen', 'Keputusan', 'Keputusan Presiden', 'Keppres', 'Instruksi Presiden', 'Inpres', 'Surat Edaran',
    'Konvensi', 'Traktat', 'Perjanjian', 'Persetujuan', 'Protokol', 'Piagam', 'Deklarasi', 'Resolusi', 'Nota Kesepahaman', 'Memorandum Saling Pengertian',
    'Kesepakatan', 'Komunike', 'Konstitusi', 'Ketetapan', 'Maklumat', 'Dekret', 'Doktrin', 'Rencana Aksi', 'Pakta',
  ],
  placeHeads: [
    'Provinsi', 'Kota', 'Kabupaten', 'Kecamatan', 'Kelurahan', 'Desa', 'Kampung', 'Dusun', 'Distrik', 'Wilayah', 'Daerah',
    'Daerah Istimewa', 'Daerah Khusus', 'Negara Bagian', 'Pulau', 'Kepulauan', 'Selat', 'Laut', 'Samudra', 'Samudera', 'Teluk',
    'Tanjung', 'Gunung', 'Pegunungan', 'Bukit', 'Sungai', 'Danau', 'Lembah', 'Semenanjung', 'Jalan', 'Jl.', 'Bandara', 'Bandar Udara',
    'Pelabuhan', 'Stasiun', 'Istana', 'Lapangan', 'Taman', 'Alun-alun', 'Monumen', 'Gedung', 'Benua', 'Kawasan', 'Zona',
  ],
};
