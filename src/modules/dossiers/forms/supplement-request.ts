import { decreeTimeAndDate } from '../../../platform/pdf/index.js';
import { applicantDetails, DEFAULT_DESK, openForm } from './common.js';
import type { SupplementFormData } from './types.js';

export const SUPPLEMENT_TITLE = 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ';

/** Mẫu số 02: what the applicant must add or correct, and why. */
export async function renderSupplementForm(data: SupplementFormData): Promise<Uint8Array> {
  const paper = await openForm(data, SUPPLEMENT_TITLE);
  const tz = data.timeZone;

  paper.field('Hồ sơ của', data.applicant.fullName, { valueStyle: 'bold' });
  paper.field('Nội dung yêu cầu giải quyết', data.procedureName);
  applicantDetails(paper, data);
  if (data.receivedAt) {
    paper.field('Thời gian tiếp nhận hồ sơ', decreeTimeAndDate(data.receivedAt, tz));
  }

  paper.line('Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:');
  paper.table(
    [
      { header: 'STT', width: 1, align: 'center' },
      { header: 'Giấy tờ, nội dung cần bổ sung, hoàn thiện', width: 6 },
      { header: 'Lý do', width: 5 },
    ],
    data.items.map((item, i) => [String(i + 1), item.content, item.reason]),
  );
  if (data.deadline) {
    paper.paragraph(
      `Đề nghị ông (bà) bổ sung, hoàn thiện hồ sơ trước ${decreeTimeAndDate(data.deadline, tz)}.`,
    );
  }
  paper.paragraph(
    `Thời hạn giải quyết hồ sơ được tính lại từ đầu kể từ khi ${DEFAULT_DESK.toLocaleLowerCase('vi-VN')} nhận đủ hồ sơ đã được bổ sung, hoàn thiện theo quy định.`,
  );
  const contact = data.officer.phone
    ? `${data.officer.fullName}, số điện thoại ${data.officer.phone}`
    : data.officer.fullName;
  paper.paragraph(
    `Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, ông (bà) liên hệ với ${contact} để được hướng dẫn./.`,
  );

  paper.closing({
    right: {
      type: 'signature',
      title: 'NGƯỜI HƯỚNG DẪN',
      note: '(Ký và ghi rõ họ tên)',
      name: data.officer.fullName,
    },
  });
  return paper.save();
}
