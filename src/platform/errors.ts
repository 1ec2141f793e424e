/**
 * The one error type services throw. HTTP status comes from `kind`, mapped once
 * in platform/http/problem.ts. `code` is stable (`<module>.<reason>`) and is what
 * clients and tests match on; `detail` is human text in Vietnamese and English.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'too_large'
  | 'unsupported_media'
  | 'rate_limited'
  | 'unavailable';

export type LocalizedText = Readonly<{ vi: string; en: string }>;

export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    readonly detail: LocalizedText,
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(`${code}: ${detail.en}`);
  }
}

export const statusOfKind: Readonly<Record<ErrorKind, number>> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_large: 413,
  unsupported_media: 415,
  rate_limited: 429,
  unavailable: 503,
};

/** Shorthands for the errors every module needs. */
export const notFound = (what: string, code = `${what}.not_found`): DomainError =>
  new DomainError('not_found', code, {
    vi: 'Không tìm thấy dữ liệu yêu cầu.',
    en: `The requested ${what} was not found.`,
  });

export const forbidden = (code = 'auth.forbidden'): DomainError =>
  new DomainError('forbidden', code, {
    vi: 'Bạn không có quyền thực hiện thao tác này.',
    en: 'You are not allowed to do this.',
  });
