import type { TimeLexicon } from '../../time/lexicon.ts';
import { dates } from './dates.ts';

// Indonesian temporal lexicon: months, weekdays, units, number words, relative and deictic words,
// parts of the day, approximators, sets, seasons, decades, centuries, ranges and anniversaries.
export const time: TimeLexicon = {
  code: 'id',
  months: dates.months,
  // abbreviations that are ordinary words or names when standing alone
  ambiguousMonths: ['jan', 'feb', 'peb', 'mar', 'apr', 'jun', 'jul', 'agu', 'agt', 'agst', 'agus', 'ags', 'agust', 'sept', 'sep', 'okt', 'nov', 'nop', 'des'],
  weekdays: [['senin'], ['selasa'], ['rabu'], ['kamis'], ['jumat', "jum'at", 'jum’at'], ['sabtu'], ['minggu', 'ahad']],
  ambiguousWeekdays: ['minggu'],
  numericDateOrder: 'dmy',
  dayPrefixes: ['tanggal', 'tgl.', 'tgl'],
  monthPrefixes: ['bulan'],
  yearPrefixes: ['tahun', 'thn.', 'thn'],
  weekdayPrefixes: ['hari'],
  suffixes: {
    lalu: 'past', 'yang lalu': 'past', silam: 'past', kemarin: 'past', 'yang silam': 'past',
    ini: 'this', itu: 'that', tersebut: 'that',
    kemudian: 'later',
    depan: 'future', mendatang: 'future', 'yang akan datang': 'future', nanti: 'future',
  },
  units: {
    tahun: 'Y', bulan: 'M', minggu: 'W', pekan: 'W', hari: 'D', jam: 'H', menit: 'MIN', detik: 'S',
    dekade: 'DE', dasawarsa: 'DE', windu: 'Y', abad: 'CE', malam: 'D',
  },
  oneUnitWords: {
    setahun: 'Y', sebulan: 'M', seminggu: 'W', sepekan: 'W', sehari: 'D', sejam: 'H', semenit: 'MIN',
    sedetik: 'S', sedekade: 'DE', sedasawarsa: 'DE', seabad: 'CE', semalaman: 'D',
  },
  vagueUnitWords: {
    'bertahun-tahun': 'Y', 'berbulan-bulan': 'M', 'berminggu-minggu': 'W', 'berpekan-pekan': 'W',
    'berhari-hari': 'D', 'berjam-jam': 'H', 'bermenit-menit': 'MIN', 'berabad-abad': 'CE', 'berdekade-dekade': 'DE',
  },
  vagueQuantifiers: ['beberapa', 'sejumlah', 'puluhan', 'ratusan', 'belasan', 'ribuan'],
  vagueDurations: { sejenak: 'PXX', sebentar: 'PXX', 'beberapa saat': 'PXX', 'beberapa waktu': 'PXX', 'sesaat': 'PXX' },
  numbers: {
    nol: 0, satu: 1, dua: 2, tiga: 3, empat: 4, lima: 5, enam: 6, tujuh: 7, delapan: 8, sembilan: 9,
    sepuluh: 10, sebelas: 11, seratus: 100, seribu: 1000, setengah: 0.5,
  },
  multipliers: { puluh: 10, ratus: 100, ribu: 1000 },
  teens: ['belas'],
  agoWords: ['yang lalu', 'lalu', 'silam', 'yang silam'],
  henceWords: ['lagi', 'mendatang', 'ke depan', 'yang akan datang'],
  laterWords: ['kemudian', 'setelahnya', 'sesudahnya', 'berikutnya'],
  earlierWords: ['sebelumnya'],
  periodRelations: {
    before: {},
    after: { ini: 0, lalu: -1, kemarin: -1, 'yang lalu': -1, depan: 1, mendatang: 1, 'yang akan datang': 1 },
  },
  deicticDays: {
    'hari ini': { shift: 0 }, kemarin: { shift: -1 }, 'kemarin lusa': { shift: -2 }, besok: { shift: 1 }, esok: { shift: 1 },
    'esok hari': { shift: 1 }, 'keesokan harinya': { shift: 1 }, lusa: { shift: 2 }, semalam: { shift: -1, part: 'NI' },
    'tadi malam': { shift: -1, part: 'NI' }, 'tadi pagi': { shift: 0, part: 'MO' }, 'tadi siang': { shift: 0, part: 'MI' },
    'tadi sore': { shift: 0, part: 'AF' }, 'malam ini': { shift: 0, part: 'NI' }, 'pagi ini': { shift: 0, part: 'MO' },
    'siang ini': { shift: 0, part: 'MI' }, 'sore ini': { shift: 0, part: 'AF' }, 'nanti malam': { shift: 0, part: 'NI' },
  },
  refs: {
    sekarang: 'PRESENT_REF', kini: 'PRESENT_REF', 'saat ini': 'PRESENT_REF', 'dewasa ini': 'PRESENT_REF', 'masa kini': 'PRESENT_REF',
    'belakangan ini': 'PRESENT_REF', 'akhir-akhir ini': 'PRESENT_REF', 'baru-baru ini': 'PAST_REF',
    dulu: 'PAST_REF', dahulu: 'PAST_REF', 'saat itu': 'PAST_REF', 'waktu itu': 'PAST_REF', 'kala itu': 'PAST_REF', 'masa lalu': 'PAST_REF',
    'saat yang sama': 'PAST_REF', 'zaman dulu': 'PAST_REF', 'tempo dulu': 'PAST_REF',
    'masa depan': 'FUTURE_REF', 'masa mendatang': 'FUTURE_REF', kelak: 'FUTURE_REF', 'ke depan': 'FUTURE_REF', 'suatu hari nanti': 'FUTURE_REF', 'dalam waktu dekat': 'FUTURE_REF', 'sebentar lagi': 'FUTURE_REF',
  },
  anaphoric: { 'hari itu': 'D', 'hari tersebut': 'D', 'hari yang sama': 'D', 'bulan itu': 'M' },
  monthPrepositions: ['pada', 'sejak', 'hingga', 'sampai', 'awal', 'akhir', 'pertengahan', 'bulan', 'medio', 'selama'],
  clauseFinalParticles: ['dulu', 'dahulu'],
  nonTemporalPhrases: ['terlebih dulu', 'terlebih dahulu', 'lebih dulu', 'lebih dahulu', 'dulu-dulu'],
  partsOfDay: {
    pagi: 'MO', 'pagi hari': 'MO', subuh: 'MO', 'dini hari': 'MO', siang: 'MI', 'siang hari': 'MI', 'tengah hari': 'MI',
    sore: 'AF', 'sore hari': 'AF', petang: 'EV', 'petang hari': 'EV', malam: 'NI', 'malam hari': 'NI', 'tengah malam': 'NI',
  },
  standalonePartsOfDay: {
    'pagi-pagi sekali': 'MO', 'pagi-pagi': 'MO', 'pagi buta': 'MO', 'dini hari': 'MO', 'pagi hari': 'MO', 'siang hari': 'MI',
    'sore hari': 'AF', 'malam hari': 'NI', 'tengah malam': 'NI', 'larut malam': 'NI',
  },
  timeMarkers: ['pukul', 'pkl.', 'pkl', 'jam', 'pk.'],
  timeZones: { wib: 7, wita: 8, wit: 9, gmt: 0, utc: 0 },
  namedTimes: { 'tengah hari': 'T12:00', 'tengah malam': 'T24:00' },
  approximators: {
    sekitar: 'APPROX', 'kira-kira': 'APPROX', hampir: 'LESS_THAN', nyaris: 'LESS_THAN',
    'lebih dari': 'MORE_THAN', 'kurang dari': 'LESS_THAN', 'kurang lebih': 'APPROX', 'sedikitnya': 'EQUAL_OR_MORE',
    setidaknya: 'EQUAL_OR_MORE', 'paling sedikit': 'EQUAL_OR_MORE', 'paling lama': 'EQUAL_OR_LESS', 'tak kurang dari': 'EQUAL_OR_MORE',
    awal: 'START', 'pada awal': 'START', 'permulaan': 'START', akhir: 'END', penghujung: 'END', pertengahan: 'MID',
  },
  setPrefixes: ['setiap', 'tiap', 'saban', 'tiap-tiap'],
  seasons: {
    'musim hujan': 'WI', 'musim penghujan': 'WI', 'musim kemarau': 'SU', 'musim dingin': 'WI', 'musim panas': 'SU',
    'musim semi': 'SP', 'musim gugur': 'FA',
  },
  decadePatterns: [
    '(?:(?:tahun|era|dekade|dasawarsa)\\s+)?(?<dec>(?:1[0-9]|20)?[0-9]0)-?an',
  ],
  centuryPatterns: ['abad\\s+(?:ke-?\\s*)?(?<c>\\d{1,2}|[ivxlc]+)'],
  rangeConnectors: ['hingga', 'sampai', 'sampai dengan', 's.d.', 's/d', 'sd'],
  rangeOpeners: ['dari', 'antara', 'sejak'],
  anniversaryPatterns: [
    '(?:hari\\s+)?ulang\\s+tahun\\s+ke-?\\s*(?<n>\\d+|[a-z]+(?:\\s+(?:puluh|belas|ratus)(?:\\s+[a-z]+)?)?)',
    'hut\\s+ke-?\\s*(?<n>\\d+)',
    'dies\\s+natalis\\s+ke-?\\s*(?<n>\\d+)',
    '(?:peringatan|perayaan|memperingati|merayakan)\\s+(?<n>\\d+)\\s+tahun',
    'lustrum\\s+ke-?\\s*(?<n>\\d+)',
  ],
  nonYearPrecedents: ['rp', 'rp.', 'no', 'no.', 'nomor', 'nomer', 'kode', 'pasal', 'nomor:', 'us$', '$', 'km', 'kilometer'],
  angleWords: ['derajat'],
};
