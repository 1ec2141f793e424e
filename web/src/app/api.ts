/**
 * The one way the web app talks to the server: JSON over same-origin fetch, the CSRF
 * token on every unsafe call, the UI language in Accept-Language (the server localises
 * problem details), and RFC 9457 problems turned into `ApiError`.
 */

export type FieldError = { in?: string; path: string; message: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'ApiError';
  }

  get requestId(): string | undefined {
    return typeof this.extensions.requestId === 'string' ? this.extensions.requestId : undefined;
  }

  get fieldErrors(): FieldError[] {
    return Array.isArray(this.extensions.errors) ? (this.extensions.errors as FieldError[]) : [];
  }
}

type Settings = {
  csrfToken: string | null;
  language: string;
  /** Called when the server says the session is gone, so the app can show the login page. */
  onUnauthenticated: () => void;
  /**
   * Called when the server wants the account set up first: TOTP enrolment (an admin role
   * was just granted) or the change of a password an administrator set.
   */
  onAccountSetupRequired: () => void;
};

const settings: Settings = {
  csrfToken: null,
  language: 'vi',
  onUnauthenticated: () => {},
  onAccountSetupRequired: () => {},
};

export function configureApi(patch: Partial<Settings>): void {
  Object.assign(settings, patch);
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json',
    'accept-language': settings.language === 'en' ? 'en' : 'vi',
    ...extraHeaders,
  };
  const isForm = body instanceof FormData;
  // A FormData body sets its own multipart content type (with the boundary).
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET' && settings.csrfToken) headers['x-csrf-token'] = settings.csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(
      0,
      'network.unreachable',
      settings.language === 'en'
        ? 'Cannot reach the server. Check the network connection.'
        : 'Không kết nối được máy chủ. Vui lòng kiểm tra kết nối mạng.',
    );
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data: unknown = text ? safeJson(text) : undefined;
  if (response.ok) return data as T;

  const problem = (data ?? {}) as Record<string, unknown>;
  const code = typeof problem.code === 'string' ? problem.code : `http.${response.status}`;
  const detail =
    typeof problem.detail === 'string'
      ? problem.detail
      : `${response.status} ${response.statusText}`;
  const error = new ApiError(response.status, code, detail, problem);
  if (response.status === 401 && code === 'auth.unauthenticated') settings.onUnauthenticated();
  if (
    response.status === 403 &&
    (code === 'auth.mfa_enrollment_required' || code === 'auth.password_change_required')
  ) {
    settings.onAccountSetupRequired();
  }
  throw error;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) =>
    request<T>('POST', path, body ?? {}, headers),
  /** Multipart upload (one file and its text fields), with the same CSRF and problem handling. */
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, form),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body ?? {}),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};
