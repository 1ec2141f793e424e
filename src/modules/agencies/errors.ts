import { DomainError } from '../../platform/errors.js';

/** Every problem this module reports; codes are stable, tests and clients match on them. */
export const agencyErrors = {
  notFound: () =>
    new DomainError('not_found', 'agency.not_found', {
      vi: 'Không tìm thấy cơ quan, đơn vị.',
      en: 'The agency was not found.',
    }),
  noRoot: () =>
    new DomainError('not_found', 'agency.not_found', {
      vi: 'Chưa có tỉnh nào được khai báo.',
      en: 'No province has been set up yet.',
    }),
  invalidKind: () =>
    new DomainError('invalid', 'agency.invalid_kind', {
      vi: 'Chỉ tỉnh là đơn vị gốc; không thể tạo đơn vị loại "tỉnh" bên dưới đơn vị khác.',
      en: 'Only the province is a root; an agency of kind "province" cannot be created under another.',
    }),
  typeForKind: () =>
    new DomainError('invalid', 'agency.type_for_kind', {
      vi: 'Loại xã/phường chỉ dành cho UBND cấp xã; loại huyện/quận chỉ dành cho UBND cấp huyện.',
      en: 'communeType is only for commune committees, districtType only for district committees.',
    }),
  outsideParentPeriod: () =>
    new DomainError('invalid', 'agency.outside_parent_period', {
      vi: 'Ngày bắt đầu phải nằm trong thời gian hoạt động của đơn vị cấp trên.',
      en: 'validFrom must fall within the parent agency’s period of existence.',
    }),
  invalidValidTo: () =>
    new DomainError('invalid', 'agency.invalid_valid_to', {
      vi: 'Ngày kết thúc phải sau ngày bắt đầu hoạt động.',
      en: 'validTo must be after validFrom.',
    }),
  alreadyEnded: () =>
    new DomainError('conflict', 'agency.already_ended', {
      vi: 'Đơn vị này đã kết thúc hoạt động.',
      en: 'This agency has already ended.',
    }),
  hasCurrentChildren: (childCount: number) =>
    new DomainError(
      'conflict',
      'agency.has_current_children',
      {
        vi: 'Đơn vị còn đơn vị trực thuộc đang hoạt động; hãy kết thúc hoặc chuyển chúng trước.',
        en: 'The agency still has current child agencies; end them first.',
      },
      { childCount },
    ),
  successorNotFound: () =>
    new DomainError('invalid', 'agency.successor_not_found', {
      vi: 'Đơn vị kế thừa không tồn tại hoặc trùng với chính đơn vị này.',
      en: 'A successor does not exist or is the agency itself.',
    }),
  duplicateElectronicId: () =>
    new DomainError('conflict', 'agency.duplicate_electronic_id', {
      vi: 'Mã định danh điện tử đã được một đơn vị khác sử dụng trong cùng thời gian.',
      en: 'Another agency uses this electronic id in the same period.',
    }),
  duplicateGsoCode: (codes?: string[]) =>
    new DomainError(
      'conflict',
      'agency.duplicate_gso_code',
      {
        vi: 'Mã đơn vị hành chính (GSO) đã được một đơn vị khác đang hoạt động sử dụng.',
        en: 'A current agency already uses this GSO code.',
      },
      codes ? { codes } : {},
    ),
  duplicateSuccession: () =>
    new DomainError('conflict', 'agency.duplicate_succession', {
      vi: 'Quan hệ kế thừa này đã có.',
      en: 'This succession link already exists.',
    }),
  startsAfterMerge: (agencyId: string) =>
    new DomainError(
      'conflict',
      'agency.starts_after_merge',
      {
        vi: 'Một đơn vị của tỉnh cũ bắt đầu hoạt động sau ngày hợp nhất; hãy sửa ngày của đơn vị đó trước.',
        en: 'An agency of an old province starts after the merger date; correct its dates first.',
      },
      { agencyId },
    ),
  invalidCursor: () =>
    new DomainError('invalid', 'agency.invalid_cursor', {
      vi: 'Con trỏ phân trang không hợp lệ; hãy tải lại danh sách.',
      en: 'The page cursor is not valid; reload the list.',
    }),
  provinceNotInFile: (code: string) =>
    new DomainError(
      'invalid',
      'agency.province_not_in_file',
      { vi: `Tệp không có tỉnh mã ${code}.`, en: `The file has no province with code ${code}.` },
      { provinceCode: code },
    ),
  invalidImportOptions: (field: string) =>
    new DomainError(
      'invalid',
      'agency.invalid_import_options',
      { vi: `Tham số nhập liệu không hợp lệ: ${field}.`, en: `Invalid import option: ${field}.` },
      { field },
    ),
  badImportFile: (reason: string) =>
    new DomainError(
      'invalid',
      'agency.bad_import_file',
      {
        vi: `Tệp dữ liệu không đúng định dạng: ${reason}`,
        en: `The data file is malformed: ${reason}`,
      },
      { reason },
    ),
};

const uniqueCodes: Record<string, () => DomainError> = {
  agencies_electronic_id_open_uq: agencyErrors.duplicateElectronicId,
  agencies_gso_code_open_uq: () => agencyErrors.duplicateGsoCode(),
  successions_pair_uq: agencyErrors.duplicateSuccession,
};

/**
 * The service checks duplicates before writing, but two admins can race between the
 * check and the insert: the unique indexes decide, and their violation is turned into
 * the same problem the check would have given.
 */
export function translateDbError(err: unknown): unknown {
  const e = err as { code?: string; constraint?: string };
  if (e?.code === '23505' && e.constraint && uniqueCodes[e.constraint]) {
    return uniqueCodes[e.constraint]!();
  }
  return err;
}
