import type { Ministries } from '../../entities/langdata.ts';

// Ministries in Vietnamese, by the portfolio ids of src/lang/en/ministries.ts. Without a country, "Bộ Ngoại giao" in
// Vietnamese news is Vietnam's (homeCountry), unless the article ties it to another country.
export const ministries: Ministries = {
  heads: ['Bộ'],
  homeCountry: 'VN',
  several: ['hai nước', 'hai bên', 'các nước', 'các bên', 'nước bạn', 'nước này', 'nước đó', 'ba nước', 'mỗi nước', 'của hai nước', 'của nước bạn'],
  portfolios: {
    'foreign-affairs': ['Ngoại giao'],
    'home-affairs': ['Nội vụ'],
    defence: ['Quốc phòng'],
    'public-security': ['Công an', 'An ninh Quốc gia', 'An ninh quốc gia'],
    finance: ['Tài chính'],
    trade: ['Thương mại', 'Ngoại thương'],
    industry: ['Công nghiệp'],
    'industry-trade': ['Công Thương', 'Công thương'],
    economy: ['Kinh tế'],
    'planning-investment': ['Kế hoạch và Đầu tư'],
    health: ['Y tế'],
    education: ['Giáo dục và Đào tạo', 'Giáo dục'],
    culture: ['Văn hóa, Thể thao và Du lịch', 'Văn hóa'],
    tourism: ['Du lịch'],
    justice: ['Tư pháp'],
    agriculture: ['Nông nghiệp và Phát triển nông thôn', 'Nông nghiệp và Môi trường', 'Nông nghiệp'],
    transport: ['Giao thông vận tải', 'Giao thông'],
    construction: ['Xây dựng'],
    energy: ['Năng lượng'],
    environment: ['Tài nguyên và Môi trường', 'Môi trường'],
    labour: ['Lao động - Thương binh và Xã hội', 'Lao động, Thương binh và Xã hội', 'Lao động'],
    information: ['Thông tin và Truyền thông'],
    'science-technology': ['Khoa học và Công nghệ'],
    'ethnic-affairs': ['Dân tộc và Tôn giáo', 'Dân tộc'],
    unification: ['Thống nhất'],
  },
};
