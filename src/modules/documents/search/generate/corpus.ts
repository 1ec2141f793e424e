/**
 * What generated documents are made of (pure): a seeded generator, the mix of types a
 * province's agencies issue, summaries from templates, signers' names, and body text of
 * realistic length. Invented content in the style of administrative documents.
 */

export type Rng = {
  next(): number;
  int(lo: number, hi: number): number;
  pick<T>(xs: readonly T[]): T;
};

/** mulberry32: small, fast, seeded; not for anything secret. */
export function createRng(seed: number): Rng {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)]!,
  };
}

/** Shares of the types among issued documents (official letters dominate). */
export const typeMix: readonly (readonly [key: string, weight: number])[] = [
  ['cong-van', 52],
  ['quyet-dinh', 14],
  ['bao-cao', 8],
  ['ke-hoach', 6],
  ['thong-bao', 6],
  ['to-trinh', 5],
  ['giay-moi', 4],
  ['huong-dan', 1],
  ['chi-thi', 1],
  ['bien-ban', 1],
  ['chuong-trinh', 1],
  ['nghi-quyet', 0.5],
  ['cong-dien', 0.5],
];

export function weightedPicker<T>(items: readonly (readonly [T, number])[]) {
  const total = items.reduce((n, [, w]) => n + w, 0);
  return (rng: Rng): T => {
    let x = rng.next() * total;
    for (const [item, w] of items) {
      x -= w;
      if (x < 0) return item;
    }
    return items[items.length - 1]![0];
  };
}

const topics = [
  'triển khai Kế hoạch chuyển đổi số năm {y}',
  'tăng cường công tác phòng, chống thiên tai và tìm kiếm cứu nạn',
  'tổ chức Hội nghị tổng kết công tác năm {y}',
  'đẩy mạnh cải cách thủ tục hành chính trên địa bàn tỉnh',
  'thực hiện chế độ báo cáo thống kê định kỳ',
  'kiện toàn Ban Chỉ đạo phát triển Chính phủ số',
  'bảo đảm an toàn thông tin mạng trong cơ quan nhà nước',
  'tiếp nhận và xử lý văn bản điện tử trên Hệ thống quản lý văn bản và điều hành',
  'phê duyệt dự toán kinh phí mua sắm trang thiết bị',
  'phân bổ chỉ tiêu biên chế công chức năm {y}',
  'tổ chức thi tuyển công chức cấp xã',
  'hỗ trợ hộ nghèo, hộ cận nghèo trong dịp Tết Nguyên đán',
  'phòng, chống dịch bệnh trên gia súc, gia cầm',
  'quản lý, sử dụng chứng thư số chuyên dùng',
  'thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới',
  'rà soát, đánh giá tình hình thực hiện dự án đầu tư công',
  'lấy ý kiến góp ý dự thảo Nghị quyết của Hội đồng nhân dân tỉnh',
  'tuyên truyền, phổ biến giáo dục pháp luật năm {y}',
  'kiểm tra công tác văn thư, lưu trữ tại các cơ quan, đơn vị',
  'chấn chỉnh kỷ luật, kỷ cương hành chính',
  'cấp giấy chứng nhận quyền sử dụng đất cho hộ gia đình, cá nhân',
  'bảo đảm trật tự an toàn giao thông dịp lễ',
  'nâng cao chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan hành chính',
  'thành lập Tổ công tác liên ngành',
  'triển khai dịch vụ công trực tuyến toàn trình',
];

const prefixes: Record<string, readonly string[]> = {
  'quyet-dinh': ['Về việc phê duyệt', 'Về việc ban hành Quy chế', 'Về việc thành lập', 'Về việc'],
  'bao-cao': ['Kết quả', 'Tình hình', 'Sơ kết'],
  'ke-hoach': ['Triển khai', 'Thực hiện', 'Tổ chức'],
  'thong-bao': ['Kết luận của Chủ tịch về việc', 'Lịch làm việc về việc', 'Về việc'],
  'to-trinh': ['Đề nghị', 'Về việc đề nghị'],
  'giay-moi': ['Dự họp về việc', 'Tham dự hội nghị về việc'],
};

/** "Về việc …" (V/v for official letters); the year fills `{y}`. */
export function summaryOf(rng: Rng, typeKey: string, year: number): string {
  const topic = rng.pick(topics).replace('{y}', String(year));
  const prefix = prefixes[typeKey] ? rng.pick(prefixes[typeKey]) : 'V/v';
  const text = `${prefix} ${topic}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const families = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Huỳnh',
  'Võ',
  'Phan',
  'Thạch',
  'Kim',
  'Sơn',
  'Lâm',
  'Đặng',
];
const middles = ['Văn', 'Thị', 'Minh', 'Quốc', 'Thanh', 'Ngọc', 'Hoàng', 'Thành'];
const givens = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hà',
  'Hải',
  'Hùng',
  'Lan',
  'Long',
  'Mai',
  'Nam',
  'Phúc',
  'Tâm',
  'Thảo',
  'Trung',
  'Tuấn',
  'Vinh',
  'Yến',
];

export const personName = (rng: Rng) =>
  `${rng.pick(families)} ${rng.pick(middles)} ${rng.pick(givens)}`;

export const positions = [
  'Chủ tịch',
  'Phó Chủ tịch',
  'Giám đốc',
  'Phó Giám đốc',
  'Chánh Văn phòng',
  'Trưởng phòng',
];

export const outsideIssuers: readonly (readonly [name: string, abbreviation: string])[] = [
  ['Văn phòng Chính phủ', 'VPCP'],
  ['Bộ Nội vụ', 'BNV'],
  ['Bộ Thông tin và Truyền thông', 'BTTTT'],
  ['Bộ Tài chính', 'BTC'],
  ['Bộ Kế hoạch và Đầu tư', 'BKHĐT'],
  ['Bộ Nông nghiệp và Phát triển nông thôn', 'BNN'],
  ['Tỉnh ủy Trà Vinh', 'TU'],
  ['Ngân hàng Nhà nước chi nhánh tỉnh', 'NHNN'],
];

const sentences = [
  'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
  'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;',
  'Theo đề nghị của Thủ trưởng cơ quan, đơn vị có liên quan.',
  'Các cơ quan, đơn vị khẩn trương triển khai thực hiện, báo cáo kết quả trước ngày 25 hằng tháng.',
  'Giao Văn phòng chủ trì, phối hợp với các phòng chuyên môn theo dõi, đôn đốc việc thực hiện.',
  'Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, kịp thời phản ánh để xem xét, giải quyết.',
  'Kinh phí thực hiện từ nguồn ngân sách nhà nước được giao trong dự toán năm.',
  'Tổ chức quán triệt, phổ biến đến toàn thể cán bộ, công chức, viên chức và người lao động.',
  'Tăng cường ứng dụng công nghệ thông tin, sử dụng chữ ký số trong gửi, nhận văn bản điện tử.',
  'Bảo đảm an toàn, an ninh thông tin, không để lộ, lọt thông tin, tài liệu của cơ quan.',
  'Thực hiện nghiêm chế độ thông tin, báo cáo theo quy định hiện hành.',
  'Đề nghị các địa phương phối hợp chặt chẽ trong công tác kiểm tra, giám sát.',
  'Kết quả đạt được trong kỳ cơ bản hoàn thành các chỉ tiêu, nhiệm vụ đề ra.',
  'Tuy nhiên, vẫn còn một số tồn tại, hạn chế cần tập trung khắc phục trong thời gian tới.',
  'Quyết định này có hiệu lực thi hành kể từ ngày ký.',
  'Thủ trưởng các cơ quan, đơn vị và cá nhân có liên quan chịu trách nhiệm thi hành.',
];

/**
 * A body of about `chars` characters (1–2 pages typically, a long tail for reports and
 * plans): the summary, then paragraphs of stock sentences.
 */
export function bodyOf(rng: Rng, summary: string, chars: number): string {
  const parts: string[] = [summary];
  let length = summary.length;
  let article = 1;
  while (length < chars) {
    const n = rng.int(2, 6);
    const paragraph = [`Điều ${article++}.`];
    for (let i = 0; i < n; i++) paragraph.push(rng.pick(sentences));
    const text = paragraph.join(' ');
    parts.push(text);
    length += text.length + 1;
  }
  return parts.join('\n');
}

/** Characters of body text: mostly 1.2–5 k (one or two pages), one in twenty 8–30 k. */
export const textSizeOf = (rng: Rng): number =>
  rng.next() < 0.05 ? rng.int(8_000, 30_000) : rng.int(1_200, 5_000);
