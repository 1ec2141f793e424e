import type { CreationOverride } from './import/normalise.js';
import type { DistrictMode } from './schema-settings.js';

/**
 * Defaults for the demo province Trà Vinh as organised in 2021 (departments by their
 * abbreviation in src/modules/agencies/demo-province.ts). The department admin edits them
 * on the settings screen; a real installation starts from none (every sector unmapped).
 */

/** Sector (lĩnh vực, as in the national file) → department carrying its province-level procedures. */
export const demoSectorDepartments: Readonly<Record<string, string>> = {
  // Sở Tư pháp
  'Hộ tịch': 'STP',
  'Chứng thực': 'STP',
  'Nuôi con nuôi': 'STP',
  'Công chứng': 'STP',
  'Giám định tư pháp': 'STP',
  'Hòa giải thương mại': 'STP',
  'Hòa giải ở cơ sở': 'STP',
  'Luật sư': 'STP',
  'Quản tài viên': 'STP',
  'Quốc tịch': 'STP',
  'Thừa phát lại': 'STP',
  'Trọng tài thương mại': 'STP',
  'Trợ giúp pháp lý': 'STP',
  'Tư vấn pháp luật': 'STP',
  'Đấu giá tài sản': 'STP',
  'Bồi thường nhà nước': 'STP',
  'Hỗ trợ pháp lý cho doanh nghiệp nhỏ và vừa': 'STP',
  // Sở Tài nguyên và Môi trường
  'Đất đai': 'STNMT',
  'Đăng ký biện pháp bảo đảm': 'STNMT',
  'Tài chính đất đai': 'STNMT',
  'Tài nguyên nước': 'STNMT',
  'Địa chất và khoáng sản': 'STNMT',
  'Môi trường': 'STNMT',
  'Biển và hải đảo': 'STNMT',
  'Khí tượng, thủy văn': 'STNMT',
  'Đo đạc, bản đồ và thông tin địa lý': 'STNMT',
  'Biến đổi khí hậu': 'STNMT',
  'Bảo tồn thiên nhiên và Đa dạng sinh học': 'STNMT',
  'Tổng hợp': 'STNMT',
  // Sở Xây dựng
  'Hoạt động xây dựng': 'SXD',
  'Kinh doanh bất động sản': 'SXD',
  'Kiến trúc': 'SXD',
  'Nhà ở và công sở': 'SXD',
  'Phát triển đô thị': 'SXD',
  'Quy hoạch đô thị và nông thôn': 'SXD',
  'Quản lý chất lượng công trình xây dựng': 'SXD',
  'Vật liệu xây dựng': 'SXD',
  'Hạ tầng kỹ thuật': 'SXD',
  // Sở Giao thông vận tải (2021)
  'Đường bộ': 'SGTVT',
  'Đường sắt': 'SGTVT',
  'Hàng hải và đường thủy nội địa': 'SGTVT',
  'Đăng kiểm': 'SGTVT',
  'Giao thông vận tải': 'SGTVT',
  // Sở Nông nghiệp và Phát triển nông thôn (2021)
  'Chăn nuôi': 'SNNPTNT',
  'Thú y': 'SNNPTNT',
  'Thủy sản': 'SNNPTNT',
  'Thủy lợi': 'SNNPTNT',
  'Trồng trọt': 'SNNPTNT',
  'Trồng trọt và Bảo vệ thực vật': 'SNNPTNT',
  'Lâm nghiệp': 'SNNPTNT',
  'Kiểm lâm': 'SNNPTNT',
  'Nông nghiệp': 'SNNPTNT',
  'Kinh tế hợp tác và Phát triển nông thôn': 'SNNPTNT',
  'Quản lý chất lượng nông lâm sản và thủy sản': 'SNNPTNT',
  'Quản lý Đê điều và Phòng, chống thiên tai': 'SNNPTNT',
  'Khoa học và Công nghệ': 'SNNPTNT',
  // Sở Kế hoạch và Đầu tư (2021)
  'Thành lập và hoạt động của doanh nghiệp': 'SKHĐT',
  'Thành lập và hoạt động doanh nghiệp xã hội': 'SKHĐT',
  'Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)': 'SKHĐT',
  'Thành lập và hoạt động của tổ hợp tác, hợp tác xã, liên hiệp hợp tác xã': 'SKHĐT',
  'Thành lập và hoạt động của tổ hợp tác': 'SKHĐT',
  'Hỗ trợ tổ hợp tác, hợp tác xã, liên hiệp hợp tác xã': 'SKHĐT',
  'Đầu tư tại Việt nam': 'SKHĐT',
  'Đầu tư theo phương thức đối tác công tư': 'SKHĐT',
  'Đầu tư bằng vốn hỗ trợ phát triển chính thức (ODA) và viện trợ không hoàn lại không thuộc hỗ trợ phát triển chính thức':
    'SKHĐT',
  'Đầu tư vào nông nghiệp, nông thôn': 'SKHĐT',
  'Đấu thầu': 'SKHĐT',
  'Đấu thầu lựa chọn nhà đầu tư': 'SKHĐT',
  'Hỗ trợ doanh nghiệp nhỏ và vừa': 'SKHĐT',
  'Hỗ trợ doanh nghiệp': 'SKHĐT',
  'Hỗ trợ đầu tư': 'SKHĐT',
  'Quản lý chương trình mục tiêu quốc gia': 'SKHĐT',
  // Sở Tài chính
  'Quản lý công sản': 'STC',
  'Quản lý giá': 'STC',
  'Tài chính doanh nghiệp': 'STC',
  'Tài chính ngân hàng': 'STC',
  'Tin học - Thống kê': 'STC',
  'Bảo hiểm': 'STC',
  'Quản lý thuế, phí, lệ phí và thu khác của ngân sách nhà nước': 'STC',
  'Kế toán, kiểm toán': 'STC',
  'Quản lý doanh nghiệp': 'STC',
  'Chuyển đổi công ty nhà nước được thành lập và hoạt động theo Luật Doanh nghiệp nhà nước thành công ty trách nhiệm hữu hạn một thành viên tổ chức và hoạt động theo quy định tại Luật Doanh nghiệp':
    'STC',
  // Sở Nội vụ, Sở LĐ-TB&XH, Sở KH&CN, Ban Quản lý Khu kinh tế, Thanh tra tỉnh
  'Thi đua – Khen thưởng': 'SNV',
  'Thi đua khen thưởng': 'SNV',
  'Người có công': 'SLĐTBXH',
  'Giảm nghèo': 'SLĐTBXH',
  'Kiểm định kỹ thuật an toàn lao động': 'SLĐTBXH',
  'Khoa học công nghệ': 'SKHCN',
  'Quản lý chất lượng sản phẩm, hàng hoá': 'SKHCN',
  'Quản lý nhà nước về khu công nghiệp, khu kinh tế': 'BQLKKT',
  'Khiếu nại, tố cáo': 'TTr',
};

/**
 * Sectors whose commune-level procedures (two-tier data) were district competences in 2021:
 * in the 3-tier demo tree the district committees carry them instead of the communes —
 * building permits, household-business and cooperative registration, land of households.
 */
export const demoDistrictSectors: readonly string[] = [
  'Hoạt động xây dựng',
  'Quy hoạch đô thị và nông thôn',
  'Đất đai',
  'Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)',
  'Thành lập và hoạt động của tổ hợp tác, hợp tác xã, liên hiệp hợp tác xã',
];

/**
 * Per-procedure exceptions in the 3-tier demo tree: civil-status acts with a foreign element
 * were registered by the district (Law on Civil Status 2014, Art. 7), except in border areas;
 * translators' signatures were certified by the district justice office; copies from
 * originals by both (Decree 23/2015/NĐ-CP, Art. 5).
 */
export function demoDistrictOverride(p: { sectorName: string; name: string }): DistrictMode | null {
  if (p.sectorName === 'Hộ tịch' && /yếu tố nước ngoài/u.test(p.name)) {
    return /khu vực biên giới/u.test(p.name) ? null : 'district';
  }
  if (p.sectorName === 'Chứng thực') {
    if (/^Chứng thực chữ ký người dịch/u.test(p.name)) return 'district';
    if (/^Chứng thực bản sao từ bản chính/u.test(p.name)) return 'both';
  }
  return null;
}

/**
 * Common commune procedures offered full online in the demo, with the processing time the law
 * gives where the portal has no unit: birth, death and marriage registration are done on the
 * day (Law on Civil Status 2014, Art. 16, 18, 34; counted here as 1 working day), copies and
 * signatures are certified on the day (Decree 23/2015/NĐ-CP, Art. 7), a certificate of marital
 * status takes 3 working days (Decree 123/2015/NĐ-CP, Art. 22).
 */
export const demoCreationOverrides: Readonly<Record<string, CreationOverride>> = {
  '1.001193': { onlineClass: 'full', processingTime: 1, timeUnit: 'working_day' },
  '1.000656': { onlineClass: 'full', processingTime: 1, timeUnit: 'working_day' },
  '1.000894': { onlineClass: 'full', processingTime: 1, timeUnit: 'working_day' },
  '1.004873': { onlineClass: 'full', processingTime: 3, timeUnit: 'working_day' },
  '2.000815': { onlineClass: 'full', processingTime: 1, timeUnit: 'working_day' },
  '2.000884': { onlineClass: 'full', processingTime: 1, timeUnit: 'working_day' },
  '2.000635': { onlineClass: 'full', processingTime: 1, timeUnit: 'working_day' },
};
