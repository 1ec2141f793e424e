import { DomainError, notFound } from '../../../platform/errors.js';

/** The dossier module's errors: `dossier.<reason>`, Vietnamese and English. */
export const dossierErrors = {
  notFound: () => notFound('dossier'),
  fileNotFound: () => notFound('file', 'dossier.file_not_found'),
  notPerformer: () =>
    new DomainError('forbidden', 'dossier.not_your_step', {
      vi: 'Bước xử lý hiện tại không thuộc vai trò hoặc đơn vị của bạn.',
      en: 'The current step is not for your role or agency.',
    }),
  agencyNotCarrying: () =>
    new DomainError('invalid', 'dossier.agency_not_carrying', {
      vi: 'Đơn vị được chọn không thực hiện thủ tục này.',
      en: 'The chosen agency does not carry out this procedure.',
    }),
  channelNotOffered: (channel: string) =>
    new DomainError(
      'invalid',
      'dossier.channel_not_offered',
      {
        vi: 'Thủ tục này không nhận hồ sơ theo hình thức đã chọn.',
        en: 'This procedure does not accept dossiers through the chosen channel.',
      },
      { channel },
    ),
  procedureWithoutTime: () =>
    new DomainError('conflict', 'dossier.procedure_without_time', {
      vi: 'Thủ tục chưa được cấu hình thời hạn giải quyết; liên hệ quản trị danh mục.',
      en: 'The procedure has no processing time configured; ask the catalogue administrator.',
    }),
  agencyWithoutElectronicId: () =>
    new DomainError('conflict', 'dossier.agency_without_electronic_id', {
      vi: 'Đơn vị tiếp nhận chưa có mã định danh điện tử nên chưa cấp được mã hồ sơ.',
      en: 'The receiving agency has no electronic identifier, so no dossier code can be issued.',
    }),
  missingPapers: (keys: string[]) =>
    new DomainError(
      'invalid',
      'dossier.missing_papers',
      {
        vi: 'Hồ sơ còn thiếu giấy tờ bắt buộc.',
        en: 'Mandatory papers are missing.',
      },
      { papers: keys },
    ),
  unknownPaper: (key: string) =>
    new DomainError(
      'invalid',
      'dossier.unknown_paper',
      { vi: 'Giấy tờ không có trong thành phần hồ sơ.', en: 'No such paper in this procedure.' },
      { paper: key },
    ),
  formInvalid: (fields: string[]) =>
    new DomainError(
      'invalid',
      'dossier.form_invalid',
      {
        vi: 'Tờ khai điện tử thiếu hoặc sai thông tin.',
        en: 'The e-form has missing or invalid fields.',
      },
      { fields },
    ),
  notEditable: () =>
    new DomainError('conflict', 'dossier.not_editable', {
      vi: 'Hồ sơ không còn ở trạng thái cho phép sửa hoặc đính kèm.',
      en: 'The dossier can no longer be edited or have files attached.',
    }),
  tooLarge: (maxBytes: number) =>
    new DomainError(
      'too_large',
      'dossier.too_large',
      {
        vi: 'Tổng dung lượng tệp của hồ sơ vượt giới hạn.',
        en: 'The dossier’s files exceed the size limit.',
      },
      { maxBytes },
    ),
  alreadyRated: () =>
    new DomainError('conflict', 'dossier.already_rated', {
      vi: 'Hồ sơ này đã được đánh giá.',
      en: 'This dossier has already been rated.',
    }),
  notRateable: () =>
    new DomainError('conflict', 'dossier.not_rateable', {
      vi: 'Chỉ đánh giá được khi hồ sơ đã có kết quả hoặc đã kết thúc.',
      en: 'A dossier can be rated only once it has a result or has ended.',
    }),
  resultMissing: () =>
    new DomainError('invalid', 'dossier.result_missing', {
      vi: 'Tệp kết quả không thuộc hồ sơ này.',
      en: 'The result file does not belong to this dossier.',
    }),
  badAssignee: () =>
    new DomainError('invalid', 'dossier.bad_assignee', {
      vi: 'Người được giao không có vai trò xử lý bước này tại đơn vị.',
      en: 'The assignee does not hold the role of this step at the agency.',
    }),
  feeNotDue: () =>
    new DomainError('conflict', 'dossier.fee_not_due', {
      vi: 'Hồ sơ không có khoản phí, lệ phí chờ nộp.',
      en: 'The dossier has no fee waiting to be paid.',
    }),
  lookupFailed: () =>
    new DomainError('not_found', 'dossier.lookup_failed', {
      vi: 'Không tìm thấy hồ sơ với mã và mã tra cứu đã nhập.',
      en: 'No dossier matches this code and lookup secret.',
    }),
  formNotAvailable: () =>
    new DomainError('conflict', 'dossier.form_not_available', {
      vi: 'Phiếu này chưa có cho hồ sơ ở trạng thái hiện tại.',
      en: 'This form does not exist for the dossier yet.',
    }),
};
