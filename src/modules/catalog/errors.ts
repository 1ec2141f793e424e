import { DomainError } from '../../platform/errors.js';

/** The catalogue's problems: stable codes, texts in Vietnamese and English. */
export const catalogErrors = {
  notFound: () =>
    new DomainError('not_found', 'catalog.not_found', {
      vi: 'Không tìm thấy thủ tục hành chính hoặc phiên bản yêu cầu.',
      en: 'The procedure or version was not found.',
    }),
  sectorNotFound: () =>
    new DomainError('not_found', 'catalog.sector_not_found', {
      vi: 'Không tìm thấy lĩnh vực.',
      en: 'The sector was not found.',
    }),
  forbidden: () =>
    new DomainError('forbidden', 'catalog.forbidden', {
      vi: 'Chỉ quản trị cấp tỉnh được sửa danh mục thủ tục hành chính.',
      en: 'Only a province-wide administrator may edit the procedure catalogue.',
    }),
  codeTaken: (code: string) =>
    new DomainError(
      'conflict',
      'catalog.code_taken',
      {
        vi: `Mã thủ tục ${code} đã có trong danh mục.`,
        en: `The procedure code ${code} is already in the catalogue.`,
      },
      { procedureCode: code },
    ),
  sectorExists: () =>
    new DomainError('conflict', 'catalog.sector_exists', {
      vi: 'Lĩnh vực này đã có.',
      en: 'This sector already exists.',
    }),
  effectiveDatePast: (today: string) =>
    new DomainError(
      'invalid',
      'catalog.effective_date_past',
      {
        vi: 'Ngày có hiệu lực phải từ hôm nay trở đi.',
        en: 'The effective date must be today or later.',
      },
      { today },
    ),
  versionInForce: (validFrom: string) =>
    new DomainError(
      'conflict',
      'catalog.version_in_force',
      {
        vi: 'Đã có phiên bản có hiệu lực từ ngày này; phiên bản đã có hiệu lực không được sửa. Hãy chọn ngày sau.',
        en: 'A version already in force starts on this date and cannot be edited; choose a later date.',
      },
      { validFrom },
    ),
  invalidWorkflow: (reason: string, ext: Record<string, unknown> = {}) =>
    new DomainError(
      'invalid',
      'catalog.invalid_workflow',
      {
        vi: 'Quy trình xử lý không hợp lệ: bước đầu và bước cuối là cán bộ một cửa của nơi tiếp nhận, bước trước bước cuối là lãnh đạo, tỷ lệ thời gian là số nguyên có tổng 100, mã bước không trùng.',
        en: 'Invalid workflow: first and last steps are one-stop officers of the receiving agency, the step before last is a leader, shares are integers summing to 100, step keys are unique.',
      },
      { reason, ...ext },
    ),
  invalidContent: (reason: string, ext: Record<string, unknown> = {}) =>
    new DomainError(
      'invalid',
      'catalog.invalid_content',
      {
        vi: 'Nội dung thủ tục không hợp lệ.',
        en: 'The procedure content is invalid.',
      },
      { reason, ...ext },
    ),
  unknownAgency: (agencyId: string) =>
    new DomainError(
      'invalid',
      'catalog.unknown_agency',
      {
        vi: 'Cơ quan, đơn vị được chọn không tồn tại.',
        en: 'The chosen agency does not exist.',
      },
      { agencyId },
    ),
  unknownSector: (sectorId: string) =>
    new DomainError(
      'invalid',
      'catalog.unknown_sector',
      { vi: 'Lĩnh vực được chọn không tồn tại.', en: 'The chosen sector does not exist.' },
      { sectorId },
    ),
  badImportFile: (reason: string) =>
    new DomainError(
      'invalid',
      'catalog.bad_import_file',
      {
        vi: `Không đọc được tệp danh mục thủ tục: ${reason}`,
        en: `Cannot read the procedure catalogue file: ${reason}`,
      },
      { reason },
    ),
};
