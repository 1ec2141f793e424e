import { decreeTimeAndDate, shortTimeAndDate } from '../../../platform/pdf/index.js';
import { openForm } from './common.js';
import type { ControlFormData, ControlRow } from './types.js';

export const CONTROL_TITLE = 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ';

const outcomeLabels: Record<NonNullable<ControlRow['outcome']>, string> = {
  early: 'Trước hạn',
  on_time: 'Đúng hạn',
  late: 'Quá hạn',
};

/** Mẫu số 06: every hand-over of the dossier, with its time and whether it kept to time. */
export async function renderControlForm(data: ControlFormData): Promise<Uint8Array> {
  const paper = await openForm(data, CONTROL_TITLE);
  const tz = data.timeZone;

  paper.field('Kèm theo hồ sơ của', data.applicant.fullName, { valueStyle: 'bold' });
  if (data.applicant.address) paper.field('Địa chỉ', data.applicant.address);
  paper.field('Nội dung yêu cầu giải quyết', data.procedureName);
  paper.field('Thời gian nhận hồ sơ', decreeTimeAndDate(data.receivedAt, tz));
  paper.field('Thời gian hẹn trả kết quả', decreeTimeAndDate(data.appointmentAt, tz));
  paper.field('Cơ quan (bộ phận) giải quyết hồ sơ', data.handlingAgency ?? data.agency.name);
  if (data.coordinatingAgencies?.length) {
    paper.field('Cơ quan phối hợp giải quyết hồ sơ', data.coordinatingAgencies.join('; '));
  }

  paper.table(
    [
      { header: 'STT', width: 0.9, align: 'center' },
      { header: 'TÊN CƠ QUAN, BƯỚC XỬ LÝ', width: 3 },
      { header: 'THỜI GIAN GIAO, NHẬN HỒ SƠ', width: 3.6 },
      {
        header: [
          { text: 'KẾT QUẢ GIẢI QUYẾT HỒ SƠ', style: 'bold' },
          { text: '\n(Trước hạn/đúng hạn/quá hạn)', style: 'italic' },
        ],
        width: 2.6,
        align: 'center',
      },
      { header: 'GHI CHÚ', width: 2.2 },
    ],
    data.rows.map((row, i) => [
      String(i + 1),
      row.stepName,
      [
        { text: `${shortTimeAndDate(row.at, tz)}\n` },
        { text: `${row.actionLabel}: `, style: 'italic' },
        { text: row.actorName },
      ],
      row.outcome ? outcomeLabels[row.outcome] : '',
      row.note ?? '',
    ]),
    { size: 11 },
  );
  return paper.save();
}
