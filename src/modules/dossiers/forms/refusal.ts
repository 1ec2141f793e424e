import { decreeTimeAndDate } from '../../../platform/pdf/index.js';
import { applicantDetails, deskOf, openForm, sentence } from './common.js';
import type { RefusalFormData } from './types.js';

export const REFUSAL_TITLE = 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ';

/** Mẫu số 03: the desk declines a dossier and says why. */
export async function renderRefusalForm(data: RefusalFormData): Promise<Uint8Array> {
  const paper = await openForm(data, REFUSAL_TITLE);

  paper.line(deskOf(data));
  paper.field('Tiếp nhận hồ sơ của', data.applicant.fullName, { valueStyle: 'bold' });
  applicantDetails(paper, data);
  paper.field('Nội dung yêu cầu giải quyết', data.procedureName);
  if (data.receivedAt) {
    paper.field('Thời gian tiếp nhận hồ sơ', decreeTimeAndDate(data.receivedAt, data.timeZone));
  }
  paper.paragraph(
    `Qua xem xét, ${deskOf(data)} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`,
  );
  paper.paragraph(sentence(data.reason), { indent: 28 });
  paper.paragraph('Xin thông báo để ông (bà) được biết và thực hiện./.');

  paper.closing({
    right: {
      type: 'signature',
      title: 'NGƯỜI TIẾP NHẬN HỒ SƠ',
      note: '(Ký và ghi rõ họ tên)',
      name: data.officer.fullName,
    },
  });
  return paper.save();
}
