import { DomainError, notFound } from '../../../platform/errors.js';

/** The documents module's errors: `document.<reason>`, Vietnamese and English. */
export const documentErrors = {
  notFound: () => notFound('document'),
  registerNotFound: () => notFound('register', 'document.register_not_found'),
  incomingNotFound: () => notFound('incoming document', 'document.incoming_not_found'),
  classifiedRefused: () =>
    new DomainError('invalid', 'document.classified_refused', {
      vi: 'Văn bản mật (Mật, Tối mật, Tuyệt mật) không được đưa vào hệ thống.',
      en: 'Classified documents (Mật, Tối mật, Tuyệt mật) never enter the system.',
    }),
  unknownType: (typeKey: string) =>
    new DomainError(
      'invalid',
      'document.unknown_type',
      { vi: 'Loại văn bản không hợp lệ.', en: 'Unknown document type.' },
      { typeKey },
    ),
  agencyWithoutAbbreviation: () =>
    new DomainError('conflict', 'document.agency_without_abbreviation', {
      vi: 'Cơ quan chưa có chữ viết tắt tên để ghi ký hiệu văn bản; liên hệ quản trị.',
      en: 'The agency has no abbreviation for document symbols; ask the administrator.',
    }),
  notInScope: () =>
    new DomainError('forbidden', 'document.not_in_scope', {
      vi: 'Bạn không có quyền này tại cơ quan được chọn.',
      en: 'You do not hold this permission at the chosen agency.',
    }),
  notYourTurn: () =>
    new DomainError('forbidden', 'document.not_your_turn', {
      vi: 'Bước hiện tại của văn bản không thuộc về bạn.',
      en: 'The current step of this document is not yours.',
    }),
  badSigner: () =>
    new DomainError('invalid', 'document.bad_signer', {
      vi: 'Người ký được chọn không có thẩm quyền ký văn bản của cơ quan này.',
      en: 'The chosen signer may not sign documents of this agency.',
    }),
  badReviewer: () =>
    new DomainError('invalid', 'document.bad_reviewer', {
      vi: 'Người được chọn không có quyền duyệt văn bản của cơ quan này.',
      en: 'A chosen reviewer may not approve documents of this agency.',
    }),
  badHeadTitle: () =>
    new DomainError('invalid', 'document.head_title_required', {
      vi: 'Ký thay, thay mặt, thừa lệnh, thừa ủy quyền cần ghi chức vụ của người đứng đầu.',
      en: 'KT./TM./TL./TUQ./Q. need the title of the head on whose behalf one signs.',
    }),
  badRecipient: () =>
    new DomainError('invalid', 'document.bad_recipient', {
      vi: 'Nơi nhận không hợp lệ (cơ quan không tồn tại hoặc bị lặp).',
      en: 'A recipient is not valid (unknown or repeated agency).',
    }),
  badRelated: () =>
    new DomainError('invalid', 'document.bad_related', {
      vi: 'Văn bản liên quan không tồn tại hoặc bạn không xem được.',
      en: 'A related document does not exist or you cannot see it.',
    }),
  replacesNotRecalled: () =>
    new DomainError('conflict', 'document.replaces_not_recalled', {
      vi: 'Chỉ thay thế được văn bản đã thu hồi của cơ quan mình.',
      en: 'Only a recalled document of the same agency can be replaced.',
    }),
  commentRequired: () =>
    new DomainError('invalid', 'document.comment_required', {
      vi: 'Cần ghi ý kiến khi trả lại văn bản.',
      en: 'A comment is required to return a document.',
    }),
  notComposed: () =>
    new DomainError('conflict', 'document.not_composed', {
      vi: 'Văn bản này được tải lên, không soạn trên hệ thống: hãy tải lên phiên bản mới.',
      en: 'This draft was uploaded, not composed here: upload the new version.',
    }),
  pdfRejected: (reason: string) =>
    new DomainError(
      'invalid',
      'document.pdf_rejected',
      {
        vi: 'Tệp PDF bị từ chối (hỏng, mã hóa, chứa mã JavaScript, quá nhiều trang hoặc quá lớn khi giải nén).',
        en: 'The PDF was refused (malformed, encrypted, JavaScript, too many pages or a decompression bomb).',
      },
      { reason },
    ),
  notPdfOrDocx: () =>
    new DomainError('unsupported_media', 'document.pdf_or_docx_required', {
      vi: 'Chỉ nhận tệp PDF hoặc Word (DOCX).',
      en: 'Only PDF or Word (DOCX) files are accepted.',
    }),
  pdfRequired: () =>
    new DomainError('unsupported_media', 'document.pdf_required', {
      vi: 'Máy chủ chưa cài bộ chuyển đổi Word sang PDF: hãy tải lên tệp PDF.',
      en: 'This server cannot convert Word to PDF: upload a PDF instead.',
    }),
  conversionFailed: () =>
    new DomainError('invalid', 'document.conversion_failed', {
      vi: 'Không chuyển được tệp Word sang PDF: hãy tải lên tệp PDF.',
      en: 'The Word file could not be converted to PDF: upload a PDF instead.',
    }),
  invalidMetadata: (fields: string[]) =>
    new DomainError(
      'invalid',
      'document.invalid_metadata',
      { vi: 'Thông tin văn bản không hợp lệ.', en: 'The document metadata is invalid.' },
      { fields },
    ),
  fileMissing: () =>
    new DomainError('invalid', 'file.missing', {
      vi: 'Thiếu tệp đính kèm (trường "file").',
      en: 'No file was sent (field "file").',
    }),
  notFromPlatform: () =>
    new DomainError('conflict', 'document.not_from_platform', {
      vi: 'Chỉ trả lại được văn bản điện tử nhận qua hệ thống.',
      en: 'Only an electronic document received through the platform can be returned.',
    }),
  badLead: () =>
    new DomainError('invalid', 'document.bad_assignee', {
      vi: 'Người hoặc đơn vị được giao không thuộc cơ quan nhận văn bản.',
      en: 'The assigned person or unit does not belong to the receiving agency.',
    }),
  seriesTypeTaken: (typeKey: string) =>
    new DomainError(
      'conflict',
      'document.series_type_taken',
      {
        vi: 'Loại văn bản này đã thuộc một sổ khác của năm.',
        en: 'This document type already belongs to another series of the year.',
      },
      { typeKey },
    ),
  defaultSeriesFixed: () =>
    new DomainError('invalid', 'document.default_series_fixed', {
      vi: 'Sổ mặc định nhận mọi loại văn bản chưa có sổ riêng.',
      en: 'The default series takes every type without a series of its own.',
    }),
};
