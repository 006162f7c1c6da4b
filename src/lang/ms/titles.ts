import type { EntityTitles } from '../../entities/langdata.ts';
import { titles as id } from '../id/titles.ts';

// Malay shares most Indonesian titles; these are the Malaysian forms and styles on top of them.
export const titles: EntityTitles = {
  titles: [
    ...id.titles,
    'Perdana Menteri', 'Timbalan Perdana Menteri', 'Timbalan Menteri', 'Menteri Besar', 'Ketua Menteri', 'Menteri Luar', 'Setiausaha',
    'Setiausaha Agung', 'Setiausaha Politik', 'Ketua Setiausaha', 'Ketua Setiausaha Negara', 'Timbalan Presiden', 'Naib Presiden',
    'Yang di-Pertuan Agong', 'Yang di-Pertua Negeri', 'Raja Permaisuri Agong', 'Tunku', 'Tuanku', 'Speaker Dewan Rakyat',
    'Yang Dipertua Dewan Rakyat', 'Ahli Parlimen', 'Ahli Dewan Undangan Negeri', 'ADUN', 'Senator', 'Pesuruhjaya', 'Pengarah',
    'Ketua Pengarah', 'Timbalan Ketua Pengarah', 'Ketua Polis Negara', 'Ketua Hakim Negara', 'Peguam Negara', 'Pensyarah',
    'Naib Canselor', 'Canselor', 'Panglima Angkatan Tentera', 'Leftenan', 'Leftenan Jeneral', 'Mejar', 'Mejar Jeneral', 'Jeneral',
    'Laksamana', 'Kolonel', 'Penolong', 'Pegawai', 'Jurucakap', 'Pesuruhjaya Tinggi',
  ],
  titleModifiers: [...id.titleModifiers, 'Timbalan', 'Naib', 'Bekas', 'Pemangku'],
  portfolios: [...id.portfolios, 'Luar', 'Dalam Negeri', 'Kewangan', 'Pertahanan', 'Perdagangan Antarabangsa', 'Kesihatan', 'Pendidikan', 'Pengangkutan'],
  honorifics: [
    ...id.honorifics, 'Encik', 'En.', 'Cik', 'Puan', 'Pn.', 'Tuan', 'Datuk', 'Dato\'', 'Dato', 'Datin', 'Datuk Seri', 'Dato\' Seri',
    'Tan Sri', 'Puan Sri', 'Tun', 'Toh Puan', 'Yang Berhormat', 'YB', 'Yang Amat Berhormat', 'YAB', 'Yang Berbahagia', 'YBhg.',
  ],
};
