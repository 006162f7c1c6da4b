import type { DateLangData } from '../types.ts';

// Malay (Malaysia) month and weekday names, full forms first, then abbreviations.
export const dates: DateLangData = {
  months: [
    ['januari', 'jan'],
    ['februari', 'feb'],
    ['mac'],
    ['april', 'apr'],
    ['mei'],
    ['jun'],
    ['julai', 'jul'],
    ['ogos', 'ogo'],
    ['september', 'sep', 'sept'],
    ['oktober', 'okt'],
    ['november', 'nov'],
    ['disember', 'dis'],
  ],
  weekdays: [
    ['isnin'],
    ['selasa'],
    ['rabu'],
    ['khamis'],
    ['jumaat'],
    ['sabtu'],
    ['ahad', 'minggu'],
  ],
};
