import { DomainError, notFound } from '../../../platform/errors.js';

/** Errors of the records part: `document.<reason>`, Vietnamese and English. */
export const recordErrors = {
  documentNotFound: () => notFound('document'),
  planNotFound: () => notFound('file plan', 'document.file_plan_not_found'),
  headingNotFound: () => notFound('file heading', 'document.file_heading_not_found'),
  fileNotFound: () => notFound('file', 'document.file_not_found'),
  notInFile: () => notFound('filed document', 'document.not_in_file'),
  planExists: (planId: string) =>
    new DomainError(
      'conflict',
      'document.file_plan_exists',
      {
        vi: 'Cơ quan đã có danh mục hồ sơ của năm này.',
        en: 'The agency already has a file plan for this year.',
      },
      { planId },
    ),
  headingCodeTaken: (code: string) =>
    new DomainError(
      'conflict',
      'document.heading_code_taken',
      {
        vi: 'Ký hiệu đề mục đã có trong danh mục hồ sơ.',
        en: 'The heading code is already used in this file plan.',
      },
      { headingCode: code },
    ),
  fileClosed: () =>
    new DomainError('conflict', 'document.file_closed', {
      vi: 'Hồ sơ đã kết thúc: không thể thay đổi.',
      en: 'The file is closed: it cannot be changed.',
    }),
  fileOpen: () =>
    new DomainError('conflict', 'document.file_open', {
      vi: 'Hồ sơ chưa kết thúc nên chưa nộp lưu được.',
      en: 'The file is still open: it cannot be transferred yet.',
    }),
  alreadyTransferred: () =>
    new DomainError('conflict', 'document.file_transferred', {
      vi: 'Hồ sơ đã nộp lưu vào Lưu trữ cơ quan.',
      en: 'The file was already transferred to the archive.',
    }),
  notTransferable: () =>
    new DomainError('conflict', 'document.file_not_transferable', {
      vi: 'Hồ sơ có thời hạn bảo quản dưới 05 năm không thuộc diện nộp lưu.',
      en: 'Files kept less than 5 years are not transferred to the archive.',
    }),
  notFileable: () =>
    new DomainError('conflict', 'document.not_fileable', {
      vi: 'Chỉ đưa vào hồ sơ văn bản đi đã phát hành hoặc văn bản đến đã đăng ký của cơ quan.',
      en: "Only the agency's issued outgoing or registered incoming documents can be filed.",
    }),
  alreadyFiled: () =>
    new DomainError('conflict', 'document.already_filed', {
      vi: 'Văn bản đã có trong hồ sơ này.',
      en: 'The document is already in this file.',
    }),
  badKeeper: () =>
    new DomainError('invalid', 'document.bad_keeper', {
      vi: 'Người lập hồ sơ phải là công chức của cơ quan.',
      en: 'The keeper must be an official of the agency.',
    }),
  badDate: () =>
    new DomainError('invalid', 'document.bad_date', {
      vi: 'Ngày không hợp lệ (ngoài năm của danh mục hoặc sau hôm nay).',
      en: 'The date is not valid (outside the plan year, or in the future).',
    }),
};
