import { decreeTimeAndDate } from '../../../platform/pdf/index.js';
import {
  applicantDetails,
  deskOf,
  openForm,
  processingTimeText,
  sentence,
  twoDigits,
} from './common.js';
import type { ReceiptFormData } from './types.js';

export const RECEIPT_TITLE = 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ';

/** Mẫu số 01: given to the applicant when the desk accepts a dossier. */
export async function renderReceiptForm(data: ReceiptFormData): Promise<Uint8Array> {
  const paper = await openForm(data, RECEIPT_TITLE);
  const tz = data.timeZone;

  paper.line(deskOf(data));
  paper.field('Tiếp nhận hồ sơ của', data.applicant.fullName, { valueStyle: 'bold' });
  applicantDetails(paper, data);
  paper.field('Nội dung yêu cầu giải quyết', data.procedureName);

  paper.line('1. Thành phần hồ sơ nộp gồm:');
  paper.table(
    [
      { header: 'STT', width: 1, align: 'center' },
      { header: 'Tên giấy tờ', width: 6.2 },
      { header: 'Số lượng / hình thức', width: 3.4, align: 'center' },
    ],
    data.papers.map((p, i) => [String(i + 1), p.name, p.quantity]),
  );
  paper.line(`2. Số lượng hồ sơ: ${twoDigits(data.setCount ?? 1)} (bộ).`);
  paper.line(
    `3. Thời gian giải quyết hồ sơ theo quy định là: ${processingTimeText(data.processingTime)}.`,
  );
  // Items 4–6 and the lookup code sit beside the QR code: the slip stays on one page.
  await paper.qr({
    data: data.lookupUrl,
    side: 'right',
    size: 30,
    caption: [
      { content: `4. Thời gian nhận hồ sơ: ${decreeTimeAndDate(data.receivedAt, tz)}.`, size: 13 },
      {
        content: [
          { text: '5. Thời gian trả kết quả giải quyết hồ sơ: ' },
          { text: `${decreeTimeAndDate(data.appointmentAt, tz)}.`, style: 'bold' },
        ],
        size: 13,
      },
      { content: `6. Đăng ký nhận kết quả tại: ${sentence(data.returnPlace)}`, size: 13 },
      {
        content: [{ text: '7. Mã tra cứu hồ sơ: ' }, { text: data.lookupCode, style: 'bold' }],
        size: 13,
      },
    ],
  });
  paper.line(
    [
      { text: 'Tra cứu tình trạng hồ sơ: quét mã QR hoặc truy cập ', style: 'italic' },
      { text: data.lookupUrl, style: 'italic' },
    ],
    { size: 10.5 },
  );

  paper.closing({
    left: {
      type: 'signature',
      title: 'NGƯỜI NỘP HỒ SƠ',
      note: '(Ký và ghi rõ họ tên)',
      name: data.applicant.fullName,
    },
    right: {
      type: 'signature',
      title: 'NGƯỜI TIẾP NHẬN HỒ SƠ',
      note: '(Ký và ghi rõ họ tên)',
      name: data.officer.fullName,
    },
  });
  return paper.save();
}
