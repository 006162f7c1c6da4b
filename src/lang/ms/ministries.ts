import type { Ministries } from '../../entities/langdata.ts';
import { ministries as id } from '../id/ministries.ts';

// Ministries in Malay: most portfolios are written as in Indonesian; the ones Malay writes otherwise are added.
export const ministries: Ministries = {
  heads: ['Kementerian', 'Jabatan'],
  homeCountry: 'MY',
  several: ['kedua-dua negara', 'kedua negara', 'kedua-dua pihak', 'masing-masing', 'negara itu', 'negara tersebut', 'negara-negara'],
  portfolios: {
    ...id.portfolios,
    'foreign-affairs': ['Luar Negeri', 'Hal Ehwal Luar Negeri', 'Luar'],
    'home-affairs': ['Dalam Negeri', 'Hal Ehwal Dalam Negeri'],
    finance: ['Kewangan'],
    trade: ['Perdagangan Dalam Negeri dan Kos Sara Hidup', 'Perdagangan'],
    'industry-trade': ['Perdagangan Antarabangsa dan Industri'],
    health: ['Kesihatan'],
    transport: ['Pengangkutan'],
  },
};
