import type { SentenceLangData } from '../types.ts';

// Indonesian tokens written with a trailing period that do not end a sentence.
// Matching is case-sensitive except that an all-caps spelling ("PROF") also matches;
// lower-case entries also match when capitalised at a line start.
export const sentences: SentenceLangData = {
  abbreviations: [
    // honorifics and forms of address
    'Tn', 'Ny', 'Nn', 'Sdr', 'Sdri', 'Bpk', 'Bp', 'Yth', 'Kpd', 'H', 'Hj', 'KH', 'Kh', 'Ust', 'Ustz', 
    'Pdt', 'Pst', 'Mgr', 'Rm', 'Sr', 'Br', 'St', 'Sto', 'Rd', 'Ra', 'Gst', 
    // academic and professional titles (prefix and postfix)
    'Dr', 'dr', 'drg', 'drh', 'Prof', 'Ir', 'Drs', 'Dra', 'Lc', 'Ak', 'Apt', 'Ns', 'Sp', 'Amd', 'Kes', 'Psi', 'Hum', 'Ag',
    'Pd', 'Sos', 'Kom', 'Si', 'Sc', 'Eng', 'Ph', 'MBA', 'MM', 'MH', 'MA', 'MT', 'MSi', 'MPd', 'SH', 'SE', 'ST', 'SPd', 'SIP', 'SKom', 'SSos',
    // military and police ranks
    'Jend', 'Jen', 'Letjen', 'Mayjen', 'Brigjen', 'Kol', 'Letkol', 'Kapt', 'Lettu', 'Letda', 'Peltu', 'Pelda',
    'Serma', 'Serka', 'Sertu', 'Serda', 'Kopka', 'Koptu', 'Kopda', 'Praka', 'Pratu', 'Prada',
    'Laksdya', 'Laksda', 'Laksma', 'Marsdya', 'Marsda', 'Marsma', 
    'Komjen', 'Irjen', 'Kombes', 'AKBP', 'Kompol', 'AKP', 'Iptu', 'Ipda', 'Aiptu', 'Aipda', 'Bripka', 'Brigpol', 'Briptu', 'Bripda',
    'Bharada', 'Bharatu', 'Bharaka', 'Pol', 'Inf', 'Pnb', 'Purn',
    // addresses and administrative units
    'Jl', 'Jln', 'Gg', 'No', 'Blk', 'Kav', 'Lt', 'Kec', 'Kab', 'Prov', 'Kp', 'Kpg', 'Ds', 'Dsn', 'Km', 'Kel',
    'Telp', 'Tlp', 'Tel', 'Hp', 'Fax', 'Faks', 
    // organisations and money
    'PT', 'CV', 'UD', 'Fa', 'Yay', 'Kop', 'Rp', 'USD',
    // references, dates and quantities
    'hlm', 'Hlm', 'hal', 'Hal', 'Vol', 'Jil', 'Psl', 'Ps', 'Ayt', 'Ket', 'ket', 'Tgl', 'tgl', 'Thn', 'thn', 'Bln', 'bln',
    'Pk', 'pk', 'Pkl', 'pkl', 'Ca', 'ca', 'kl', 'Min', 'Maks', 'maks', 'Lamp', 'Ttd', 'ttd', 'Ref', 'Sbg',
    'Jan', 'Feb', 'Agt', 'Agu', 'Sept', 'Okt', 'Nop', 'Nov', 'Des',
  ],
  // Written at the end of a list or a name, so they may close a sentence.
  terminalAbbreviations: [
    'dsb', 'dst', 'dkk', 'dll', 'sbb', 'tsb', 'dng', 'yg', 'utk', 'Tbk', 'Persero', 'Red', 'red', 'Ed', 'ed', 'Penj', 'Pen',
  ],
};
