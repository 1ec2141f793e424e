import { createPaper, type Paper, placeDateLine } from '../../../platform/pdf/index.js';
import type { FormCommon, ProcessingTime } from './types.js';

export const DEFAULT_DESK = 'Bộ phận Tiếp nhận và Trả kết quả';

/** A paper with the agency header and the form's title, ready for the body. */
export async function openForm(data: FormCommon, title: string): Promise<Paper> {
  const paper = await createPaper({
    title: `${sentenceCase(title)} - ${data.dossierCode}`,
    subject: data.procedureName,
    author: data.agency.name,
    keywords: [data.dossierCode],
    createdAt: data.issuedAt,
  });
  paper.header({
    parentAgency: data.agency.parentName,
    agency: data.agency.name,
    numberLine: data.number ? `Số: ${data.number}` : undefined,
    placeDate: placeDateLine(data.agency.place, data.issuedAt, data.timeZone),
  });
  paper.title(title, [[{ text: `Mã hồ sơ: ${data.dossierCode}`, style: 'bold' }]]);
  return paper;
}

/** "Bộ phận Tiếp nhận và Trả kết quả Ủy ban nhân dân xã Long Đức". */
export function deskOf(data: FormCommon): string {
  return `${data.agency.deskName ?? DEFAULT_DESK} ${data.agency.name}`;
}

/** Address, phone and e-mail of the applicant, each only when known. */
export function applicantDetails(paper: Paper, data: FormCommon): void {
  if (data.applicant.address) paper.field('Địa chỉ', data.applicant.address);
  paper.fieldsRow([
    ['Số điện thoại', data.applicant.phone ?? ''],
    ['Email', data.applicant.email ?? ''],
  ]);
}

const unitLabels: Record<ProcessingTime['unit'], string> = {
  working_day: 'ngày làm việc',
  day: 'ngày',
  hour: 'giờ',
  month: 'tháng',
};

export function processingTimeText(time: ProcessingTime | null): string {
  if (!time) return 'theo quy định của thủ tục hành chính';
  return `${twoDigits(time.value)} ${unitLabels[time.unit]}`;
}

/** Counts on forms are written with two digits ("01 bộ", "05 ngày làm việc"). */
export const twoDigits = (n: number): string =>
  Number.isInteger(n) && n >= 0 && n < 10 ? `0${n}` : String(n);

/** Ends a sentence once: "Thiếu bản sao" → "Thiếu bản sao.", "… hợp lệ." stays. */
export const sentence = (text: string): string => {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
};

const sentenceCase = (upper: string): string => {
  const lower = upper.toLocaleLowerCase('vi-VN');
  return lower.charAt(0).toLocaleUpperCase('vi-VN') + lower.slice(1);
};
