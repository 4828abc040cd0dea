// Names of brokers and titles of cases as Vietnamese agencies write them.

export const licensedAgencyNames: readonly string[] = [
  'Công ty CP Cung ứng Nhân lực Quốc tế Hạ Long',
  'Công ty TNHH Xuất khẩu Lao động Việt Nhật',
  'Công ty CP Phát triển Nhân lực Sông Hồng',
  'Công ty TNHH Hợp tác Lao động Bắc Trung Bộ',
  'Công ty CP Dịch vụ Việc làm Ngoài nước Đông Á',
  'Công ty TNHH Nhân lực Quốc tế Tây Nam',
  'Công ty CP Thương mại và Cung ứng Lao động Kinh Bắc',
  'Công ty TNHH Giáo dục và Nhân lực Hòa Bình',
];

export const unlicensedBrokerNames: readonly string[] = [
  'Trung tâm Tư vấn Việc làm Ánh Dương',
  'Văn phòng Tuyển dụng Thành Công',
  'Dịch vụ Việc làm Lương cao Phú Quý',
  'Trung tâm Giới thiệu Việc làm Tương Lai',
  'Văn phòng Du học và Việc làm Hoàn Cầu',
];

export const ordinaryCaseTitles: readonly (readonly [string, number])[] = [
  ['Trộm cắp tài sản', 5],
  ['Lừa đảo chiếm đoạt tài sản', 4],
  ['Cố ý gây thương tích', 2],
  ['Lạm dụng tín nhiệm chiếm đoạt tài sản', 1],
  ['Đánh bạc', 1],
];
