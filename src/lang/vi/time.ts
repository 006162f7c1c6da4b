import type { TimeLexicon } from '../../time/lexicon.ts';

// Vietnamese temporal lexicon. Months are "tháng" + number or ordinal word; weekdays "thứ" + ordinal,
// Sunday "chủ nhật". Text is expected in NFC (precomposed diacritics), as Vietnamese news is published.
const monthWords = ['một', 'hai', 'ba', 'tư', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười', 'mười một', 'mười hai'];
export const time: TimeLexicon = {
  code: 'vi',
  months: monthWords.map((w, i) => {
    const n = i + 1;
    const forms = [`tháng ${w}`, `tháng ${n}`, `thg ${n}`];
    if (n < 10) forms.push(`tháng 0${n}`);
    if (n === 1) forms.push('tháng giêng');
    if (n === 12) forms.push('tháng chạp');
    if (n === 4) forms.push('tháng bốn');
    return forms;
  }),
  // "tháng năm" is also "months and years"; "tháng hai" "two months" only in the other order, so it is safe
  ambiguousMonths: ['tháng năm', 'tháng một', 'tháng ba'],
  weekdays: [
    ['thứ hai', 'thứ 2'], ['thứ ba', 'thứ 3'], ['thứ tư', 'thứ 4'], ['thứ năm', 'thứ 5'], ['thứ sáu', 'thứ 6'], ['thứ bảy', 'thứ 7'],
    ['chủ nhật', 'chủ nhựt'],
  ],
  numericDateOrder: 'dmy',
  dayPrefixes: ['ngày', 'hôm'],
  monthPrefixes: [],
  yearPrefixes: ['năm'],
  monthYearJoiners: ['năm'],
  weekdayPrefixes: ['ngày'],
  suffixes: { 'vừa qua': 'past', qua: 'past', trước: 'past', tới: 'future', 'sắp tới': 'future', này: 'this', nay: 'this', đó: 'that', ấy: 'that' },
  units: {
    năm: 'Y', tháng: 'M', tuần: 'W', ngày: 'D', giờ: 'H', tiếng: 'H', phút: 'MIN', giây: 'S', 'thập niên': 'DE', 'thập kỷ': 'DE',
    'thế kỷ': 'CE', đêm: 'D',
  },
  vagueUnitWords: {},
  vagueQuantifiers: ['vài', 'mấy', 'nhiều', 'hàng chục', 'hàng trăm', 'dăm', 'các'],
  vagueDurations: { 'một lúc': 'PXX', 'một thời gian': 'PXX', 'lâu nay': 'PXX', 'bấy lâu': 'PXX', 'lâu năm': 'PXY' },
  numbers: {
    không: 0, một: 1, mốt: 1, hai: 2, ba: 3, bốn: 4, tư: 4, năm: 5, lăm: 5, sáu: 6, bảy: 7, tám: 8, chín: 9, mười: 10, rưỡi: 0.5,
  },
  multipliers: { mươi: 10, trăm: 100, nghìn: 1000, ngàn: 1000 },
  agoWords: ['trước', 'trước đây', 'về trước', 'qua'],
  henceWords: ['nữa', 'tới', 'sắp tới'],
  laterWords: ['sau', 'sau đó'],
  earlierWords: ['trước đó'],
  periodRelations: {
    before: {},
    after: { nay: 0, này: 0, trước: -1, ngoái: -1, qua: -1, 'vừa qua': -1, sau: 1, tới: 1, 'sắp tới': 1, 'kế tiếp': 1 },
  },
  deicticDays: {
    'hôm nay': { shift: 0 }, 'ngày hôm nay': { shift: 0 }, 'hôm qua': { shift: -1 }, 'ngày hôm qua': { shift: -1 }, 'hôm kia': { shift: -2 },
    'ngày mai': { shift: 1 }, 'ngày kia': { shift: 2 }, 'ngày mốt': { shift: 2 },
    'sáng nay': { shift: 0, part: 'MO' }, 'trưa nay': { shift: 0, part: 'MI' }, 'chiều nay': { shift: 0, part: 'AF' },
    'tối nay': { shift: 0, part: 'NI' }, 'đêm nay': { shift: 0, part: 'NI' }, 'sáng qua': { shift: -1, part: 'MO' },
    'chiều qua': { shift: -1, part: 'AF' }, 'tối qua': { shift: -1, part: 'NI' }, 'đêm qua': { shift: -1, part: 'NI' },
    'sáng mai': { shift: 1, part: 'MO' }, 'chiều mai': { shift: 1, part: 'AF' }, 'tối mai': { shift: 1, part: 'NI' },
    'rạng sáng nay': { shift: 0, part: 'MO' }, 'hôm sau': { shift: 1 }, 'ngày hôm sau': { shift: 1 },
  },
  refs: {
    'hiện nay': 'PRESENT_REF', 'bây giờ': 'PRESENT_REF', 'hiện tại': 'PRESENT_REF', 'hiện giờ': 'PRESENT_REF', 'lúc này': 'PRESENT_REF',
    'trước đây': 'PAST_REF', 'lúc đó': 'PAST_REF', 'khi đó': 'PAST_REF', 'thời điểm đó': 'PAST_REF', 'ngày xưa': 'PAST_REF', 'trước kia': 'PAST_REF',
    'tương lai': 'FUTURE_REF', 'sắp tới': 'FUTURE_REF', 'thời gian tới': 'FUTURE_REF',
  },
  anaphoric: { 'ngày hôm đó': 'D', 'hôm đó': 'D', 'ngày đó': 'D', 'hôm ấy': 'D', 'ngày ấy': 'D', 'năm đó': 'Y', 'năm ấy': 'Y', 'tháng đó': 'M' },
  partsOfDay: { sáng: 'MO', 'buổi sáng': 'MO', 'rạng sáng': 'MO', trưa: 'MI', 'buổi trưa': 'MI', chiều: 'AF', 'buổi chiều': 'AF', tối: 'NI', 'buổi tối': 'NI', đêm: 'NI', khuya: 'NI' },
  standalonePartsOfDay: { 'sáng sớm': 'MO', 'rạng sáng': 'MO', 'nửa đêm': 'NI', 'đêm khuya': 'NI' },
  timeMarkers: ['lúc', 'vào lúc'],
  hourWords: ['giờ', 'h'],
  minuteWords: ['phút', "'"],
  timeZones: { gmt: 0, utc: 0 },
  namedTimes: { 'giữa trưa': 'T12:00' },
  approximators: {
    khoảng: 'APPROX', chừng: 'APPROX', 'khoảng chừng': 'APPROX', gần: 'LESS_THAN', 'gần như': 'LESS_THAN', hơn: 'MORE_THAN', 'hơn một': 'MORE_THAN',
    'trên': 'MORE_THAN', 'ít nhất': 'EQUAL_OR_MORE', 'chưa đầy': 'LESS_THAN', 'dưới': 'LESS_THAN', đầu: 'START', cuối: 'END', giữa: 'MID',
  },
  setPrefixes: ['mỗi', 'hàng', 'hằng', 'mọi'],
  seasons: { 'mùa xuân': 'SP', 'mùa hè': 'SU', 'mùa hạ': 'SU', 'mùa thu': 'FA', 'mùa đông': 'WI' },
  decadePatterns: ['(?:những\\s+)?(?:thập\\s+(?:niên|kỷ))\\s+(?<dec>(?:1[0-9]|20)?[0-9]0)'],
  centuryPatterns: ['thế\\s+kỷ\\s+(?:thứ\\s+)?(?<c>\\d{1,2}|[ivxlc]+)'],
  rangeConnectors: ['đến', 'tới', 'cho đến'],
  rangeOpeners: ['từ', 'giữa'],
  anniversaryPatterns: [
    'kỷ\\s+niệm\\s+(?<n>\\d+)\\s+năm',
    'lễ\\s+kỷ\\s+niệm\\s+lần\\s+thứ\\s+(?<n>\\d+)',
    '(?<n>\\d+)\\s+năm\\s+ngày',
  ],
  nonYearPrecedents: ['số', 'mã', 'đ', 'vnđ', 'usd', '$'],
  angleWords: ['độ'],
};
