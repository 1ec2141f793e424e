import { DomainError } from '../../../platform/errors.js';

export const identityErrors = {
  invalidCredentials: () =>
    new DomainError('unauthenticated', 'auth.invalid_credentials', {
      vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
      en: 'Wrong username or password.',
    }),
  locked: (retryAfterSeconds: number) =>
    new DomainError(
      'rate_limited',
      'auth.locked',
      {
        vi: `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${Math.ceil(retryAfterSeconds / 60)} phút.`,
        en: `Too many failed sign-ins. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`,
      },
      { retryAfterSeconds },
    ),
  totpRequired: () =>
    new DomainError('unauthenticated', 'auth.totp_required', {
      vi: 'Nhập mã xác thực 6 số từ ứng dụng xác thực.',
      en: 'Enter the 6-digit code from your authenticator app.',
    }),
  totpInvalid: () =>
    new DomainError('unauthenticated', 'auth.totp_invalid', {
      vi: 'Mã xác thực không đúng hoặc đã được sử dụng.',
      en: 'The authentication code is wrong or was already used.',
    }),
  userNotFound: () =>
    new DomainError('not_found', 'identity.user_not_found', {
      vi: 'Không tìm thấy người dùng.',
      en: 'User not found.',
    }),
  agencyNotFound: () =>
    new DomainError('not_found', 'agency.not_found', {
      vi: 'Không tìm thấy cơ quan, đơn vị.',
      en: 'Agency not found.',
    }),
  usernameTaken: () =>
    new DomainError('conflict', 'identity.username_taken', {
      vi: 'Tên đăng nhập đã được sử dụng.',
      en: 'This username is already taken.',
    }),
  wrongPassword: () =>
    new DomainError('invalid', 'identity.wrong_current_password', {
      vi: 'Mật khẩu hiện tại không đúng.',
      en: 'The current password is wrong.',
    }),
  selfGrant: () =>
    new DomainError('forbidden', 'identity.self_grant', {
      vi: 'Không thể tự cấp hoặc thu hồi vai trò của chính mình.',
      en: 'You cannot grant or revoke your own roles.',
    }),
  selfChange: () =>
    new DomainError('forbidden', 'identity.self_change', {
      vi: 'Không thể tự khóa tài khoản hoặc tự đặt lại mật khẩu của chính mình tại đây.',
      en: 'You cannot deactivate your own account or reset your own password here.',
    }),
  roleNotGrantable: () =>
    new DomainError('forbidden', 'identity.role_not_grantable', {
      vi: 'Bạn không được cấp vai trò này.',
      en: 'You may not grant this role.',
    }),
  roleExists: () =>
    new DomainError('conflict', 'identity.role_exists', {
      vi: 'Người dùng đã có vai trò này tại đơn vị này.',
      en: 'The user already has this role at this agency.',
    }),
  citizenRole: () =>
    new DomainError('invalid', 'identity.citizen_cannot_hold_role', {
      vi: 'Tài khoản công dân không được giao vai trò cán bộ.',
      en: 'A citizen account cannot hold an official role.',
    }),
  assignmentNotFound: () =>
    new DomainError('not_found', 'identity.role_assignment_not_found', {
      vi: 'Không tìm thấy phân quyền.',
      en: 'Role assignment not found.',
    }),
  mfaRequired: () =>
    new DomainError('conflict', 'identity.mfa_required_for_role', {
      vi: 'Vai trò quản trị bắt buộc xác thực hai lớp; không thể tắt.',
      en: 'Administrator roles require two-factor authentication; it cannot be turned off.',
    }),
  noPendingTotp: () =>
    new DomainError('conflict', 'identity.totp_not_started', {
      vi: 'Chưa bắt đầu đăng ký xác thực hai lớp.',
      en: 'Two-factor enrolment has not been started.',
    }),
  totpAlreadyEnabled: () =>
    new DomainError('conflict', 'identity.totp_already_enabled', {
      vi: 'Xác thực hai lớp đã được bật.',
      en: 'Two-factor authentication is already enabled.',
    }),
};
