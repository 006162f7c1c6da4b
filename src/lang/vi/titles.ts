import type { EntityTitles } from '../../entities/langdata.ts';

// Vietnamese role titles and forms of address ("Thủ tướng Lê Văn Hải": person Lê Văn Hải, role Thủ tướng).
export const titles: EntityTitles = {
  titles: [
    // sport
    'HLV', 'Huấn luyện viên', 'Huấn luyện viên trưởng', 'Trợ lý HLV', 'Đội trưởng', 'Thủ môn', 'Thủ thành', 'Tiền đạo', 'Tiền vệ', 'Hậu vệ', 'Trung vệ', 'Cầu thủ', 'Trọng tài', 'Vận động viên', 'VĐV',
    // heads of state and government
    'Chủ tịch nước', 'Phó Chủ tịch nước', 'Chủ tịch', 'Phó Chủ tịch', 'Tổng thống', 'Phó Tổng thống', 'Thủ tướng', 'Phó Thủ tướng',
    'Thủ tướng Chính phủ', 'Quốc vương', 'Nhà vua', 'Vua', 'Nữ hoàng', 'Hoàng đế', 'Hoàng tử', 'Công chúa', 'Thái tử', 'Nhà lãnh đạo',
    'Lãnh đạo', 'Lãnh tụ', 'Lãnh tụ tối cao', 'Nguyên thủ', 'Thủ hiến', 'Quốc vụ khanh', 'Toàn quyền',
    // ministers and officials
    'Bộ trưởng', 'Thứ trưởng', 'Thứ trưởng Thường trực', 'Bộ trưởng Ngoại giao', 'Bộ trưởng Quốc phòng', 'Bộ trưởng Công an',
    'Bộ trưởng Tài chính', 'Bộ trưởng Công Thương', 'Bộ trưởng Y tế', 'Bộ trưởng Tư pháp', 'Ngoại trưởng', 'Trưởng ban',
    'Phó Trưởng ban', 'Chánh Văn phòng', 'Phó Chánh Văn phòng', 'Người phát ngôn', 'Phát ngôn viên', 'Tổng Giám đốc',
    'Phó Tổng Giám đốc', 'Giám đốc', 'Phó Giám đốc', 'Cục trưởng', 'Phó Cục trưởng', 'Vụ trưởng', 'Phó Vụ trưởng', 'Tổng cục trưởng',
    'Viện trưởng', 'Phó Viện trưởng', 'Chánh án', 'Chánh án Tòa án nhân dân tối cao', 'Thẩm phán', 'Viện trưởng Viện Kiểm sát',
    'Kiểm sát viên', 'Tổng Kiểm toán', 'Thống đốc', 'Phó Thống đốc', 'Thống đốc Ngân hàng Nhà nước', 'Đặc phái viên', 'Cố vấn',
    'Trợ lý', 'Thư ký', 'Bí thư Tỉnh ủy', 'Bí thư Thành ủy', 'Chủ tịch UBND', 'Chủ tịch Ủy ban nhân dân', 'Tỉnh trưởng', 'Thị trưởng',
    'Trưởng đoàn', 'Trưởng phòng', 'Trưởng Đại diện',
    // party posts
    'Tổng Bí thư', 'Bí thư', 'Phó Bí thư', 'Bí thư thứ nhất', 'Thường trực Ban Bí thư', 'Ủy viên Bộ Chính trị', 'Ủy viên Trung ương Đảng',
    'Ủy viên Ban Chấp hành Trung ương', 'Ủy viên Ban Bí thư', 'Ủy viên', 'Đảng viên', 'Chủ nhiệm', 'Phó Chủ nhiệm',
    'Chủ nhiệm Ủy ban Kiểm tra Trung ương', 'Trưởng Ban Tuyên giáo', 'Trưởng Ban Tổ chức', 'Trưởng Ban Đối ngoại',
    // parliament
    'Chủ tịch Quốc hội', 'Phó Chủ tịch Quốc hội', 'Đại biểu Quốc hội', 'Đại biểu', 'Nghị sĩ', 'Thượng nghị sĩ', 'Hạ nghị sĩ',
    'Chủ nhiệm Ủy ban', 'Tổng Thư ký Quốc hội', 'Chủ tịch Hạ viện', 'Chủ tịch Thượng viện', 'Chủ tịch Đoàn Chủ tịch',
    // diplomats
    'Đại sứ', 'Đại sứ đặc mệnh toàn quyền', 'Tổng Lãnh sự', 'Lãnh sự', 'Đại biện', 'Tham tán', 'Tùy viên', 'Tùy viên Quốc phòng',
    'Nhà ngoại giao', 'Trưởng phái đoàn', 'Đại diện thường trực', 'Tổng Thư ký', 'Tổng thư ký Liên hợp quốc',
    // military and police ranks
    'Đại tướng', 'Thượng tướng', 'Trung tướng', 'Thiếu tướng', 'Đô đốc', 'Phó Đô đốc', 'Chuẩn Đô đốc', 'Đại tá', 'Thượng tá',
    'Trung tá', 'Thiếu tá', 'Đại úy', 'Thượng úy', 'Trung úy', 'Thiếu úy', 'Thượng sĩ', 'Trung sĩ', 'Hạ sĩ', 'Binh nhất',
    'Binh nhì', 'Nguyên soái', 'Thống chế', 'Tư lệnh', 'Phó Tư lệnh', 'Chính ủy', 'Tổng Tham mưu trưởng', 'Tham mưu trưởng',
    'Chỉ huy trưởng', 'Chỉ huy', 'Giám đốc Công an',
    // academic and professional
    'Giáo sư', 'GS', 'Phó Giáo sư', 'PGS', 'Tiến sĩ', 'TS', 'Thạc sĩ', 'ThS', 'Bác sĩ', 'BS', 'Kỹ sư', 'KS', 'Luật sư', 'Nhà báo',
    'Phóng viên', 'Biên tập viên', 'Tổng Biên tập', 'Phó Tổng Biên tập', 'Hiệu trưởng', 'Phó Hiệu trưởng', 'Giảng viên',
    'Nhà nghiên cứu', 'Chuyên gia', 'Nhà phân tích', 'Nhà kinh tế', 'Huấn luyện viên', 'Chủ tịch Hội đồng quản trị', 'Nhà sử học',
    // clerical
    'Giáo hoàng', 'Hồng y', 'Tổng Giám mục', 'Giám mục', 'Linh mục', 'Mục sư', 'Hòa thượng', 'Thượng tọa', 'Đại đức', 'Ni sư',
    'Sư cô', 'Pháp chủ', 'Đức Đạt Lai Lạt Ma', 'Giáo chủ', 'Imam', 'Cha',
  ],
  titleModifiers: ['Phó', 'Nguyên', 'nguyên', 'Cựu', 'cựu', 'Quyền', 'Thường trực', 'Thứ nhất', 'cố', 'Cố', 'Tân', 'tân'],
  portfolios: [
    'Ngoại giao', 'Quốc phòng', 'Công an', 'Nội vụ', 'Tài chính', 'Công Thương', 'Y tế', 'Giáo dục', 'Giáo dục và Đào tạo',
    'Tư pháp', 'Nông nghiệp', 'Nông nghiệp và Phát triển nông thôn', 'Giao thông vận tải', 'Xây dựng', 'Tài nguyên và Môi trường',
    'Thông tin và Truyền thông', 'Lao động', 'Lao động - Thương binh và Xã hội', 'Văn hóa', 'Văn hóa, Thể thao và Du lịch',
    'Khoa học và Công nghệ', 'Kế hoạch và Đầu tư', 'Dân tộc', 'Thanh tra', 'Ngân hàng', 'Đối ngoại', 'Tuyên giáo', 'Tổ chức',
    'Kinh tế', 'Dân vận', 'Nội chính', 'Kiểm tra',
  ],
  titleSuffixes: ['Thường trực', 'thường trực', 'lâm thời', 'Đặc mệnh toàn quyền', 'đặc mệnh toàn quyền'],
  honorifics: ['Ông', 'ông', 'Bà', 'bà', 'Anh', 'anh', 'Chị', 'chị', 'Cô', 'cô', 'Chú', 'Bác', 'Cụ', 'Em', 'Ngài', 'ngài', 'Đồng chí', 'đồng chí', 'Đ/c', 'Quý ông', 'Quý bà', 'Thầy', 'Đức'],
};
