import type { EntityOrgs } from '../../entities/langdata.ts';

// Vietnamese organisation and place head words. Vietnamese writes most syllables of a name with a capital,
// and place/organisation heads lower case after the first ("Bộ Ngoại giao", "Đảng Cộng sản Việt Nam").
export const orgs: EntityOrgs = {
  orgHeads: [
    'Bộ', 'Bộ Chính trị', 'Ban', 'Ban Bí thư', 'Ban Chấp hành', 'Đảng', 'Đảng bộ', 'Chính phủ', 'Quốc hội', 'Ủy ban', 'Uỷ ban',
    'Hội đồng', 'Hội', 'Liên đoàn', 'Liên minh', 'Liên hiệp', 'Mặt trận', 'Đoàn', 'Tổng cục', 'Cục', 'Vụ', 'Viện', 'Trung tâm',
    'Văn phòng', 'Tòa án', 'Toà án', 'Viện Kiểm sát', 'Ngân hàng', 'Công ty', 'Tập đoàn', 'Tổng công ty', 'Trường', 'Đại học',
    'Học viện', 'Bệnh viện', 'Báo', 'Tạp chí', 'Đài', 'Đài Truyền hình', 'Đài Tiếng nói', 'Thông tấn xã', 'Hãng thông tấn',
    'Đại sứ quán', 'Tổng Lãnh sự quán', 'Lãnh sự quán', 'Quân đội', 'Quân khu', 'Quân chủng', 'Binh chủng', 'Sư đoàn', 'Lữ đoàn',
    'Trung đoàn', 'Tiểu đoàn', 'Hải quân', 'Không quân', 'Lục quân', 'Công an', 'Sở', 'Phòng', 'Tổ chức', 'Quỹ', 'Câu lạc bộ',
    'Hiệp hội', 'Tổng liên đoàn', 'Nhà xuất bản', 'Thượng viện', 'Hạ viện', 'Nghị viện', 'Nội các', 'Chính quyền', 'Nhà Trắng',
  ],
  conjunctions: ['và'],
  functionWords: ['và', 'của', 'về', 'cho', 'các', 'những', 'với', 'tại', 'nhân', 'dân', 'de', 'van', 'von', 'der', 'bin', 'al'],
  nameParticles: ['de', 'van', 'von', 'der', 'bin', 'al'],
  nonEntities: [
    'Bản ghi nhớ', 'Biên bản ghi nhớ', 'Hiệp định', 'Thỏa thuận', 'Nghị định thư', 'Tuyên bố chung', 'Biên bản', 'Hợp đồng', 'Ý định thư',
    'Thứ nhất', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy', 'Chủ nhật', 'Ảnh', 'Video', 'Nguồn', 'Theo', 'Xem',
    'Đọc', 'Đọc thêm', 'Tuy nhiên', 'Nhưng', 'Trong khi', 'Trong', 'Khi', 'Sau', 'Trước', 'Cùng', 'Các', 'Những', 'Này', 'Đó',
    'Ông', 'Bà', 'Anh', 'Chị', 'Họ', 'Chúng tôi', 'Tôi', 'Đảng', 'Nhà nước', 'Chính phủ', 'Nhân dân', 'Năm', 'Tháng', 'Ngày',
    'Tin', 'Tin tức', 'Thời sự', 'Thế giới', 'Kinh tế', 'Chính trị', 'Xã hội', 'Thể thao', 'Giải trí', 'Sáng', 'Chiều', 'Tối',
    'Hôm nay', 'Hôm qua', 'Đồng thời', 'Bên cạnh đó', 'Ngoài ra', 'Vì vậy', 'Do đó', 'Cũng', 'Với', 'Tại', 'Từ', 'Để', 'Nếu',
  ],
  // ("kênh" and "đài" alone are also a canal and a monument)
  mediaWords: ['báo', 'tờ báo', 'nhật báo', 'tuần báo', 'tạp chí', 'thông tấn xã', 'hãng tin', 'hãng thông tấn', 'đài truyền hình', 'đài phát thanh', 'kênh truyền hình', 'trang tin', 'trang tin điện tử', 'báo điện tử'],
  // common Vietnamese family names (a general resource: they open most Vietnamese personal names), written forms
  personSurnames: [
    'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đào',
    'Đoàn', 'Vương', 'Trịnh', 'Trương', 'Lâm', 'Phùng', 'Mai', 'Tô', 'Hà', 'Tạ', 'Lưu', 'Cao', 'Châu', 'Quách', 'Thái', 'Lương',
    'Đinh', 'Tăng', 'Kiều', 'La', 'Hứa', 'Triệu', 'Chu', 'Nghiêm', 'Thân', 'Từ', 'Mạc', 'Lại', 'Tôn', 'Diệp', 'Đàm', 'Bạch', 'Giang',
    'Lạc', 'Lục', 'Ông', 'Phó', 'Quan', 'Tiêu', 'Âu', 'Doãn', 'Hàn', 'Khổng', 'Lã', 'Lò', 'Tống', 'Đồng', 'Nông', 'Khúc', 'Hầu',
  ],
  loneNameNeedsAddress: true,
  directionWords: ['Bắc', 'Nam', 'Đông', 'Tây', 'Trung', 'Đông Bắc', 'Tây Bắc', 'Đông Nam', 'Tây Nam', 'Thượng', 'Hạ'],
  documentHeads: [
    'Luật', 'Bộ luật', 'Hiến pháp', 'Nghị quyết', 'Nghị định', 'Nghị định thư', 'Thông tư', 'Chỉ thị', 'Quyết định', 'Pháp lệnh',
    'Công ước', 'Hiệp định', 'Hiệp ước', 'Hiến chương', 'Tuyên bố', 'Tuyên bố chung', 'Bản ghi nhớ', 'Thỏa thuận', 'Thoả thuận',
    'Công hàm', 'Thông cáo chung', 'Chương trình hành động', 'Kế hoạch hành động',
  ],
  placeHeads: [
    'Tỉnh', 'tỉnh', 'Thành phố', 'thành phố', 'TP', 'TP.', 'Quận', 'quận', 'Huyện', 'huyện', 'Xã', 'xã', 'Phường', 'phường',
    'Thị xã', 'Thị trấn', 'Vùng', 'Miền', 'Đảo', 'Quần đảo', 'Biển', 'Vịnh', 'Eo biển', 'Sông', 'Hồ', 'Núi', 'Dãy núi',
    'Đèo', 'Mũi', 'Bán đảo', 'Đường', 'Phố', 'Sân bay', 'Cảng', 'Cung điện', 'Quảng trường', 'Lăng', 'Cầu', 'Châu', 'Bang', 'Khu',
  ],
};
