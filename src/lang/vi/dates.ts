import type { DateLangData } from '../types.ts';

// Vietnamese months are "tháng" + ordinal word or number; weekdays are "thứ" + ordinal, Sunday is "chủ nhật".
// Numeric forms are listed because news writes "tháng 10" far more often than "tháng mười".
export const dates: DateLangData = {
  months: [
    ['tháng một', 'tháng giêng', 'tháng 1', 'tháng 01', 'thg 1'],
    ['tháng hai', 'tháng 2', 'tháng 02', 'thg 2'],
    ['tháng ba', 'tháng 3', 'tháng 03', 'thg 3'],
    ['tháng tư', 'tháng bốn', 'tháng 4', 'tháng 04', 'thg 4'],
    ['tháng năm', 'tháng 5', 'tháng 05', 'thg 5'],
    ['tháng sáu', 'tháng 6', 'tháng 06', 'thg 6'],
    ['tháng bảy', 'tháng 7', 'tháng 07', 'thg 7'],
    ['tháng tám', 'tháng 8', 'tháng 08', 'thg 8'],
    ['tháng chín', 'tháng 9', 'tháng 09', 'thg 9'],
    ['tháng mười', 'tháng 10', 'thg 10'],
    ['tháng mười một', 'tháng 11', 'thg 11'],
    ['tháng mười hai', 'tháng chạp', 'tháng 12', 'thg 12'],
  ],
  weekdays: [
    ['thứ hai', 'thứ 2', 't2'],
    ['thứ ba', 'thứ 3', 't3'],
    ['thứ tư', 'thứ 4', 't4'],
    ['thứ năm', 'thứ 5', 't5'],
    ['thứ sáu', 'thứ 6', 't6'],
    ['thứ bảy', 'thứ 7', 't7'],
    ['chủ nhật', 'cn'],
  ],
};
