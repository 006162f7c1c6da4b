import type { ExtractLangData } from '../types.ts';

// Vietnamese news-page lexicon (national dailies, TV portals, agency sites).
// Patterns match whole trimmed lines.
export const extract: ExtractLangData = {
  sourcePrefixes: ['Nguồn', 'Nguồn tin', 'Nguồn bài viết', 'Nguồn bài', 'Bài gốc', 'Xem bài gốc', 'Link bài gốc', 'Trích nguồn'],
  bylinePrefixes: ['Theo', 'Tác giả', 'Phóng viên', 'Nhóm phóng viên', 'PV', 'Nhóm PV', 'Bài', 'Bài và ảnh', 'Bài, ảnh', 'Người viết', 'Thực hiện', 'Dịch', 'Lược dịch'],
  editorPrefixes: ['Biên tập', 'Biên tập viên', 'BTV', 'Biên tập bởi', 'Hiệu đính'],
  citedSourcesHeadings: ['Nguồn tham khảo', 'Tài liệu tham khảo', 'Các nguồn', 'Nguồn tin tham khảo'],
  captionCreditWords: ['Ảnh', 'Ảnh minh họa', 'Ảnh minh hoạ', 'Nguồn ảnh', 'Ảnh tư liệu', 'Đồ họa', 'Đồ hoạ', 'Video', 'Clip', 'Ảnh chụp màn hình'],
  boilerplateLines: [
    /^bình luận\s*\(\d+\)$/i,
    /^\d+\s+bình luận$/i,
    /^(gửi|viết|xem( thêm)?|xem tất cả) (bình luận|ý kiến)\b.*$/i,
    /^(chưa có|không có) (bình luận|dữ liệu|ý kiến)( nào)?\.?$/i,
    /^bạn (có )?(phát hiện|tìm thấy) (lỗi|sai sót)\b.*$/i,
    /^(báo lỗi|góp ý|phản hồi)( bài viết)?\s*:?$/i,
    /^(xem thêm|đọc thêm|tin liên quan|bài liên quan|tin cùng chuyên mục|tin mới nhất|tin mới|tin nổi bật|đọc nhiều|xem nhiều|tin khác|cùng chuyên mục|cùng chủ đề|cùng tác giả)(?:[\s:.,(»›>].*)?$/i,
    /^(chia sẻ|share)( bài viết)?( lên)?\s*:?$/i,
    /^(từ khóa|từ khoá|tags?|chủ đề)\s*:.*$/i,
    /^(theo dõi|follow) (chúng tôi|báo|kênh)\b.*$/i,
    /^(bản quyền|copyright|©).*$/i,
    /^(trang|page)\s*\d+\s*(\/|của)\s*\d+$/i,
    /^(tiếp theo|trước|quay lại|lên đầu trang|xem tiếp|tải thêm)\s*[»›>]*$/i,
    /^(quảng cáo|advertisement)\.?$/i,
    /^(đăng nhập|đăng ký)( \/ (đăng ký|đăng nhập))?$/i,
    /^(in bài|gửi bài|lưu bài|bản in)$/i,
  ],
  relatedHeadings: [
    'Xem thêm', 'Đọc thêm', 'Tin liên quan', 'Bài liên quan', 'Tin cùng chuyên mục', 'Cùng chuyên mục', 'Cùng chủ đề',
    'Tin mới nhất', 'Tin nổi bật', 'Đọc nhiều', 'Xem nhiều', 'Tin khác', 'Cùng tác giả', 'Có thể bạn quan tâm',
  ],
  // Vietnamese writes months as "tháng" + number (or number word); dates are usually numeric d/m/y.
  months: [
    ['tháng 1', 'tháng 01', 'tháng một', 'tháng giêng'], ['tháng 2', 'tháng 02', 'tháng hai'],
    ['tháng 3', 'tháng 03', 'tháng ba'], ['tháng 4', 'tháng 04', 'tháng tư'], ['tháng 5', 'tháng 05', 'tháng năm'],
    ['tháng 6', 'tháng 06', 'tháng sáu'], ['tháng 7', 'tháng 07', 'tháng bảy'], ['tháng 8', 'tháng 08', 'tháng tám'],
    ['tháng 9', 'tháng 09', 'tháng chín'], ['tháng 10', 'tháng mười'], ['tháng 11', 'tháng mười một'],
    ['tháng 12', 'tháng mười hai', 'tháng chạp'],
  ],
  numericDateOrder: 'dmy',
  updatedWords: ['cập nhật', 'sửa đổi', 'chỉnh sửa'],
  nameListConjunctions: ['và'],
};
