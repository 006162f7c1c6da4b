import type { DateLangData } from '../types.ts';

// Indonesian month and weekday names, full forms first, then abbreviations and older spellings.
export const dates: DateLangData = {
  months: [
    ['januari', 'jan'],
    ['februari', 'pebruari', 'feb', 'peb'],
    ['maret', 'mar'],
    ['april', 'apr'],
    ['mei'],
    ['juni', 'jun'],
    ['juli', 'jul'],
    ['agustus', 'agu', 'agt', 'agst', 'agus', 'ags', 'agust'],
    ['september', 'sep', 'sept'],
    ['oktober', 'okt'],
    ['november', 'nopember', 'nov', 'nop'],
    ['desember', 'des'],
  ],
  weekdays: [
    ['senin', 'sen'],
    ['selasa', 'sel'],
    ['rabu', 'rab'],
    ['kamis', 'kam'],
    ["jumat", "jum'at", 'jum’at', 'jum'],
    ['sabtu', 'sab'],
    ['minggu', 'ahad', 'min'],
  ],
};
