import type { TimeLexicon } from '../../time/lexicon.ts';
import { time as id } from '../id/time.ts';

// Malay (Malaysia) temporal lexicon: the Indonesian structure with Malay month and weekday names,
// "jam"/"pukul" times with Malaysian zones, and the words where Malay differs ("semalam" = yesterday,
// "minggu" = week, "Ahad" = Sunday, "lepas" = last/ago, "hadapan" = next).
export const time: TimeLexicon = {
  ...id,
  code: 'ms',
  months: [
    ['januari', 'jan'], ['februari', 'feb'], ['mac'], ['april', 'apr'], ['mei'], ['jun'], ['julai', 'jul'],
    ['ogos', 'ogo'], ['september', 'sept', 'sep'], ['oktober', 'okt'], ['november', 'nov'], ['disember', 'dis'],
  ],
  ambiguousMonths: ['jan', 'feb', 'apr', 'jun', 'jul', 'ogo', 'sept', 'sep', 'okt', 'nov', 'dis'],
  weekdays: [['isnin'], ['selasa'], ['rabu'], ['khamis'], ['jumaat'], ['sabtu'], ['ahad']],
  ambiguousWeekdays: [],
  suffixes: { ...id.suffixes, lepas: 'past', 'yang lepas': 'past', hadapan: 'future', 'akan datang': 'future' },
  units: { tahun: 'Y', bulan: 'M', minggu: 'W', hari: 'D', jam: 'H', minit: 'MIN', saat: 'S', dekad: 'DE', abad: 'CE', malam: 'D' },
  oneUnitWords: { setahun: 'Y', sebulan: 'M', seminggu: 'W', sehari: 'D', sejam: 'H', seminit: 'MIN', sedekad: 'DE', seabad: 'CE' },
  agoWords: ['yang lalu', 'lalu', 'lepas', 'yang lepas', 'silam'],
  henceWords: ['lagi', 'akan datang', 'mendatang'],
  periodRelations: {
    before: {},
    after: { ini: 0, lalu: -1, lepas: -1, 'yang lepas': -1, depan: 1, hadapan: 1, 'akan datang': 1, mendatang: 1 },
  },
  deicticDays: {
    'hari ini': { shift: 0 }, semalam: { shift: -1 }, kelmarin: { shift: -2 }, esok: { shift: 1 }, besok: { shift: 1 }, lusa: { shift: 2 },
    'malam tadi': { shift: -1, part: 'NI' }, 'pagi tadi': { shift: 0, part: 'MO' }, 'malam ini': { shift: 0, part: 'NI' },
    'pagi ini': { shift: 0, part: 'MO' }, 'petang ini': { shift: 0, part: 'EV' }, 'keesokan harinya': { shift: 1 },
  },
  clauseFinalParticles: ['dulu', 'dahulu'],
  timeZones: { myt: 8, gmt: 0, utc: 0 },
  decadePatterns: ['(?:(?:tahun|era|dekad)\\s+)?(?<dec>(?:1[0-9]|20)?[0-9]0)-?an'],
};
