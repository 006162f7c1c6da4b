import type { SentenceLangData } from '../types.ts';

// Vietnamese tokens written with a trailing period that do not end a sentence.
// Degree titles stack without spaces ("PGS.TS. Nguyễn"), which never splits; listed forms cover the last part.
export const sentences: SentenceLangData = {
  abbreviations: [
    // academic and professional titles
    'TS', 'Ts', 'ThS', 'Ths', 'THS', 'PGS', 'Pgs', 'GS', 'Gs', 'TSKH', 'NCS', 'BS', 'Bs', 'BSCKI', 'BSCKII', 'CKI', 'CKII', 'BSCK',
    'KS', 'Ks', 'CN', 'Cn', 'KTS', 'DS', 'Ds', 'LS', 'Ls', 'NSND', 'NSƯT', 'NGND', 'NGƯT', 'TTND', 'TTƯT', 'HLV', 'NV', 'PV', 'CTV', 'BTV',
    'Đ/c', 'đ/c', 'Mr', 'Mrs', 'Ms', 'Dr', 'Prof',
    // administrative units and addresses
    'TP', 'Tp', 'tp', 'Q', 'P', 'H', 'X', 'TX', 'Tx', 'TT', 'Tt', 'KP', 'Kp', 'KCN', 'KĐT', 'QL', 'TL', 'HL', 'Đg', 'đg', 
    'Tel', 'ĐT', 'Fax', 'ĐTDĐ',
    // references and quantities
    'tr', 'Tr', 'NXB', 'Nxb', 'nxb', 'Sđd', 'sđd', 'Tlđd', 
  ],
  // "v.v." (etc.) closes lists and often sentences.
  terminalAbbreviations: ['v.v', 'vv', 'etc', 'Cty', 'Ltd', 'Co', 'JSC', 'Corp', 'Inc'],
};
