import { decreeDate, decreeTimeAndDate } from '../../../platform/pdf/index.js';
import { openForm, sentence } from './common.js';
import type { ApologyFormData } from './types.js';

export const APOLOGY_TITLE = 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ';

const INDENT = 28; // ≈ 1 cm first-line indent (Decree 30)

/** Mẫu số 04: the agency apologises for a late result and sets a new date. */
export async function renderApologyForm(data: ApologyFormData): Promise<Uint8Array> {
  const paper = await openForm(data, APOLOGY_TITLE);
  const tz = data.timeZone;
  const you = data.salutation ?? 'Ông/Bà';
  const agency = data.agency.name;
  const received = decreeDate(data.receivedAt, tz);

  paper.paragraph(
    [{ text: 'Kính gửi: ' }, { text: `${you} ${data.applicant.fullName}`, style: 'bold' }],
    { align: 'center', spaceAfter: 10 },
  );
  paper.paragraph(
    `${capitalise(received)}, ${agency} tiếp nhận giải quyết hồ sơ của ${you} (mã hồ sơ ${data.dossierCode}) đề nghị giải quyết thủ tục: ${sentence(data.procedureName)}`,
    { indent: INDENT },
  );
  paper.paragraph(
    `Thời hạn trả kết quả giải quyết hồ sơ: ${decreeTimeAndDate(data.previousAppointmentAt, tz)}.`,
    { indent: INDENT },
  );
  paper.paragraph(
    `Tuy nhiên đến nay, ${agency} chưa trả kết quả giải quyết hồ sơ của ${you} đúng thời hạn quy định ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.`,
    { indent: INDENT },
  );
  paper.paragraph([{ text: 'Lý do: ', style: 'bold' }, { text: sentence(data.reason) }], {
    indent: INDENT,
  });
  paper.paragraph(
    [
      {
        text: `Sự chậm trễ này đã gây phiền hà cho ${you}. ${agency} xin lỗi ${you} và sẽ trả kết quả giải quyết hồ sơ cho ${you} vào `,
      },
      { text: `${decreeTimeAndDate(data.newAppointmentAt, tz)}.`, style: 'bold' },
    ],
    { indent: INDENT },
  );
  paper.paragraph(`Mong nhận được sự thông cảm của ${you} vì sự chậm trễ này./.`, {
    indent: INDENT,
  });

  paper.closing({
    left: { type: 'recipients', lines: data.recipients ?? ['- Như trên;', '- Lưu: VT.'] },
    right: {
      type: 'signature',
      authority: data.signer.authority,
      title: data.signer.title,
      note: '(Ký, ghi rõ họ tên và đóng dấu)',
      name: data.signer.fullName,
    },
  });
  return paper.save();
}

const capitalise = (text: string): string =>
  text.charAt(0).toLocaleUpperCase('vi-VN') + text.slice(1);
