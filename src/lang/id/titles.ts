import type { EntityTitles } from '../../entities/langdata.ts';

// Indonesian role titles and forms of address. A title is a role, not part of a name:
// "Menteri Luar Negeri Retno" is the person Retno with the role "Menteri Luar Negeri".
export const titles: EntityTitles = {
  titles: [
    // sport
    'Pelatih Kepala', 'Asisten Pelatih', 'Kiper', 'Penjaga Gawang', 'Penyerang', 'Gelandang', 'Bek', 'Wasit', 'Atlet', 'Pemain',
    // heads of state and government
    'Presiden', 'Wakil Presiden', 'Perdana Menteri', 'Wakil Perdana Menteri', 'Kanselir', 'Raja', 'Ratu', 'Sultan',
    'Kaisar', 'Permaisuri', 'Pangeran', 'Putri', 'Putra Mahkota', 'Emir', 'Amir', 'Syekh', 'Syeikh', 'Sheikh', 'Yang Dipertuan Agong',
    'Kepala Negara', 'Kepala Pemerintahan', 'Gubernur Jenderal', 'Pemimpin Tertinggi', 'Pemimpin', 'Ketua Negara',
    'Presiden Terpilih', 'Penjabat Presiden', 'Pelaksana Tugas', 'Plt', 'Pj',
    // ministers and officials
    'Menteri', 'Menteri Koordinator', 'Menko', 'Wakil Menteri', 'Wamen', 'Menteri Negara', 'Menteri Luar Negeri', 'Menlu',
    'Menteri Dalam Negeri', 'Mendagri', 'Menteri Pertahanan', 'Menhan', 'Menteri Keuangan', 'Menkeu', 'Menteri Perdagangan',
    'Mendag', 'Menteri Kesehatan', 'Menkes', 'Menteri Pendidikan', 'Mendikbud', 'Menteri Agama', 'Menag', 'Menteri Sekretaris Negara',
    'Mensesneg', 'Menteri BUMN', 'Menteri Perindustrian', 'Menperin', 'Menteri Pertanian', 'Mentan', 'Menteri Perhubungan', 'Menhub',
    'Menteri Hukum', 'Menkumham', 'Jaksa Agung', 'Sekretaris Kabinet', 'Seskab', 'Sekretaris Negara', 'Kepala Staf Kepresidenan',
    'Juru Bicara', 'Jubir', 'Sekretaris', 'Sekretaris Jenderal', 'Sekjen', 'Sekretaris Pertama', 'Sekretaris Eksekutif',
    'Direktur Jenderal', 'Dirjen', 'Inspektur Jenderal', 'Irjen', 'Direktur', 'Direktur Utama', 'Dirut', 'Direktur Eksekutif',
    'Kepala', 'Kepala Badan', 'Kepala Dinas', 'Kepala Pelaksana', 'Kalaksa', 'Kepala Pelaksana Harian', 'Kepala Biro', 'Kepala Bagian', 'Deputi', 'Asisten Deputi', 'Staf Khusus', 'Stafsus',
    'Penasihat', 'Penasihat Khusus', 'Utusan Khusus', 'Utusan', 'Komisaris', 'Komisaris Utama', 'Komisioner', 'Auditor',
    'Gubernur', 'Wakil Gubernur', 'Bupati', 'Wakil Bupati', 'Wali Kota', 'Walikota', 'Wakil Wali Kota', 'Camat', 'Lurah',
    'Kepala Desa', 'Kades', 'Gubernur Bank Sentral', 'Hakim', 'Hakim Agung', 'Hakim Konstitusi', 'Ketua Mahkamah Agung',
    'Jaksa', 'Jaksa Penuntut Umum', 'Kapolri', 'Kapolda', 'Kapolres', 'Kapolsek', 'Panglima', 'Panglima TNI', 'Kasad', 'Kasal', 'Kasau',
    'Kepala Staf', 'Kepala Staf Umum', 'Pangdam', 'Danrem', 'Dandim', 'Danramil',
    // party posts
    'Ketua', 'Ketua Umum', 'Ketum', 'Wakil Ketua', 'Wakil Ketua Umum', 'Waketum', 'Ketua Harian', 'Bendahara', 'Bendahara Umum',
    'Sekretaris Jenderal', 'Sekretaris Pertama', 'Ketua Dewan Pembina', 'Ketua Dewan Pertimbangan', 'Anggota Politbiro',
    'Anggota Komite Sentral', 'Anggota Presidium', 'Kader', 'Fungsionaris', 'Pendiri', 'Ketua Fraksi', 'Ketua Partai',
    // parliament
    'Ketua DPR', 'Ketua MPR', 'Ketua DPD', 'Ketua DPRD', 'Ketua Parlemen', 'Ketua Majelis', 'Ketua Komisi', 'Anggota DPR',
    'Anggota DPRD', 'Anggota DPD', 'Anggota Parlemen', 'Anggota Kongres', 'Anggota Dewan', 'Anggota', 'Legislator', 'Senator',
    'Juru Bicara Parlemen', 'Pimpinan',
    // diplomats
    'Duta Besar', 'Dubes', 'Duta Besar Luar Biasa dan Berkuasa Penuh', 'Kuasa Usaha', 'Konsul', 'Konsul Jenderal', 'Konjen',
    'Atase', 'Atase Pertahanan', 'Diplomat', 'Perwakilan Tetap', 'Wakil Tetap', 'Utusan Khusus', 'Sekretaris Jenderal PBB',
    // military and police ranks
    'Jenderal', 'Jenderal Besar', 'Letnan Jenderal', 'Mayor Jenderal', 'Brigadir Jenderal', 'Marsekal', 'Marsekal Madya',
    'Marsekal Muda', 'Marsekal Pertama', 'Laksamana', 'Laksamana Madya', 'Laksamana Muda', 'Laksamana Pertama', 'Kolonel',
    'Letnan Kolonel', 'Mayor', 'Kapten', 'Letnan', 'Letnan Satu', 'Letnan Dua', 'Pembantu Letnan', 'Sersan', 'Sersan Mayor',
    'Kopral', 'Prajurit', 'Komandan', 'Panglima Tertinggi', 'Jend', 'Letjen', 'Mayjen', 'Brigjen', 'Kol', 'Letkol', 'Kapt',
    'Laksdya', 'Laksda', 'Laksma', 'Marsdya', 'Marsda', 'Marsma', 'Komisaris Jenderal', 'Komjen', 'Inspektur Jenderal Polisi',
    'Brigadir Jenderal Polisi', 'Komisaris Besar', 'Kombes', 'Ajun Komisaris Besar', 'AKBP', 'Kompol', 'AKP', 'Iptu', 'Ipda',
    'Aiptu', 'Aipda', 'Bripka', 'Brigadir', 'Briptu', 'Bripda', 'Bharada',
    // academic and professional
    'Profesor', 'Prof', 'Guru Besar', 'Rektor', 'Wakil Rektor', 'Dekan', 'Wakil Dekan', 'Dosen', 'Peneliti', 'Peneliti Senior',
    'Pengamat', 'Analis', 'Ekonom', 'Pakar', 'Ahli', 'Direktur Riset', 'Kepala Peneliti', 'Doktor', 'Dokter', 'Insinyur',
    'Pengacara', 'Advokat', 'Kuasa Hukum', 'Notaris', 'Wartawan', 'Jurnalis', 'Koresponden', 'Pemimpin Redaksi', 'Redaktur',
    'Ketua Tim', 'Koordinator', 'Manajer', 'Pelatih', 'Kapten Tim', 'CEO', 'Presiden Direktur', 'Chairman', 'Pemilik', 'Pendiri',
    // clerical
    'Paus', 'Kardinal', 'Uskup', 'Uskup Agung', 'Pastor', 'Romo', 'Pendeta', 'Biarawan', 'Biarawati', 'Imam', 'Imam Besar',
    'Ulama', 'Kiai', 'Kyai', 'Ustaz', 'Ustadz', 'Ustazah', 'Habib', 'Mufti', 'Ayatollah', 'Biksu', 'Bhikkhu', 'Rabi',
    'Dalai Lama', 'Patriark', 'Syaikh',
  ],
  titleModifiers: ['Wakil', 'Mantan', 'eks', 'Eks', 'Penjabat', 'Pelaksana Tugas', 'Plt', 'Pj', 'Calon', 'Kandidat', 'Asisten', 'Deputi', 'Wakil Tetap', 'Sang', 'Almarhum', 'Almarhumah', 'Alm', 'Kepala'],
  portfolios: [
    'Luar Negeri', 'Dalam Negeri', 'Pertahanan', 'Keuangan', 'Perdagangan', 'Kesehatan', 'Pendidikan', 'Kebudayaan',
    'Pendidikan dan Kebudayaan', 'Agama', 'Hukum', 'Hukum dan HAM', 'Hak Asasi Manusia', 'Sekretaris Negara', 'Perindustrian',
    'Pertanian', 'Perhubungan', 'Komunikasi', 'Komunikasi dan Informatika', 'Informasi', 'Ketenagakerjaan', 'Tenaga Kerja',
    'Sosial', 'Energi', 'Energi dan Sumber Daya Mineral', 'Lingkungan Hidup', 'Kehutanan', 'Kelautan', 'Kelautan dan Perikanan',
    'Pariwisata', 'Pemuda dan Olahraga', 'Olahraga', 'Pekerjaan Umum', 'Perumahan', 'Riset', 'Teknologi', 'Sains',
    'Investasi', 'Ekonomi', 'Perekonomian', 'Politik', 'Keamanan', 'Politik, Hukum dan Keamanan', 'Pembangunan', 'Perencanaan',
    'Keadilan', 'Kehakiman', 'Transportasi', 'Imigrasi', 'Pertambangan', 'Koperasi', 'UMKM', 'Desa', 'Transmigrasi', 'Agraria',
    'Tata Ruang', 'Pemberdayaan Perempuan', 'Perlindungan Anak', 'Keluarga', 'BUMN', 'Badan Usaha Milik Negara', 'Urusan Negara',
    'Urusan Luar Negeri', 'Hubungan Luar Negeri', 'Propaganda', 'Organisasi', 'Inspeksi', 'Propaganda dan Pendidikan', 'Pertahanan Nasional',
    'Keamanan Publik', 'Keamanan Nasional', 'Intelijen', 'Unifikasi', 'Reunifikasi', 'Penyatuan',
  ],
  // permanent, acting, elect, plenipotentiary: part of the title, not of the name
  titleSuffixes: ['Tetap', 'Ad Interim', 'Sementara', 'Terpilih', 'Luar Biasa dan Berkuasa Penuh', 'Berkuasa Penuh', 'Senior'],
  honorifics: [
    'Tn.', 'Tn', 'Tuan', 'Ny.', 'Ny', 'Nyonya', 'Nn.', 'Nona', 'Sdr.', 'Sdri.', 'Saudara', 'Saudari', 'Bapak', 'Bpk.', 'Pak',
    'Ibu', 'Bu', 'Mas', 'Mbak', 'Bang', 'Kak', 'Dr.', 'Dr', 'dr.', 'Prof.', 'Prof', 'Profesor', 'Ir.', 'Drs.', 'Dra.', 'H.', 'Hj.',
    'Haji', 'Hajjah', 'KH.', 'K.H.', 'Yang Mulia', 'YM', 'Yth.', 'Almarhum', 'Almarhumah', 'Alm.', 'Sri', 'Baginda', 'Paduka',
    'Raden', 'R.', 'Gusti', 'Kanjeng', 'Andi', 'Teuku', 'Cut', 'Tengku', 'Datuk',
  ],
};
