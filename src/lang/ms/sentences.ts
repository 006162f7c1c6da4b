import type { SentenceLangData } from '../types.ts';

// Malay (Malaysia, Brunei, Singapore) tokens written with a trailing period that do not end a sentence.
export const sentences: SentenceLangData = {
  abbreviations: [
    // honorifics and forms of address
    'En', 'Enc', 'Pn', 'Cik', 'Tn', 'Sdr', 'Sdri', 'Hj', 'Hjh', 'H', 'Dtk', 'Dtn', 'Dato', 'YB', 'YAB', 'YBhg', 'YM', 'YAM', 'YTM',
    'Tk', 'Ust', 'Ustz', 'Ustzh', 'Bt', 'Bte', 'St', 'Rev', 'Mr', 'Mrs', 'Ms', 'Mdm',
    // academic and professional titles
    'Dr', 'Prof', 'Ir', 'Ar', 'Ts', 'Sr', 'Ph', 'Sc', 'Eng', 'Hons',
    // military and police ranks
    'Jen', 'Lt', 'Kol', 'Mej', 'Kapt', 'Brig', 'Laks', 'Lks', 'Pbt', 'Sjn', 'Kpl', 'Lkpl', 'Kons', 'Konst', 'Insp', 'Supt',
    'ASP', 'DSP', 'ACP', 'SAC', 'DCP', 'CP', 'Tpr', 'Bgd',
    // addresses and administrative units
    'Jln', 'Jl', 'Lrg', 'Lor', 'Tmn', 'Kg', 'Kpg', 'Kamp', 'Bkt', 'Sg', 'Sgi', 'Tjg', 'Tg', 'Pej', 'Bgn', 'No', 'Sksyen',
    'Mkm', 'Km', 'Tel', 'Fax', 'Faks', 'Ptj',
    // organisations and money
    'Sdn', 'Kop', 'RM',
    // references, dates and quantities
    'ms', 'Ms', 'hlm', 'Hlm', 'Jld', 'Bil', 'bil', 'Vol', 'Ruj', 'Tkh', 'tkh', 'Bhg', 'Perk', 'Sek',
    'Jan', 'Feb', 'Apr', 'Jul', 'Ogo', 'Sept', 'Okt', 'Nov', 'Dis',
  ],
  terminalAbbreviations: ['dll', 'dsb', 'dsbnya', 'dst', 'dkk', 'sbg', 'Bhd', 'Berhad', 'Red', 'Ed', 'ed', 'Pnyt', 'Yg'],
};
