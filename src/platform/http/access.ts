import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../errors.js';

/**
 * Who may call a route. Every `/api` route must declare one in `config.access`:
 * a route without it makes start-up fail (deny by default).
 * - `public`: anyone, no session needed;
 * - `authenticated`: any signed-in user (their own account pages);
 * - `{ permission }`: a user holding that permission somewhere; the service then
 *   checks the target is inside one of the subtrees the permission was granted on.
 */
export type Access = 'public' | 'authenticated' | { permission: string; allowMfaPending?: false };

/** The signed-in user as a service sees them; rebuilt from the database on every request. */
export type Actor = Readonly<{
  userId: string;
  sessionId: string;
  username: string;
  fullName: string;
  kind: 'official' | 'citizen';
  agencyId: string | null;
  /** permission → ids of the agencies at the root of the subtrees it applies to */
  grants: ReadonlyMap<string, ReadonlySet<string>>;
  /** An admin who has not yet enrolled the required second factor: only enrolment is open. */
  mfaEnrollmentRequired: boolean;
  /** A user on a password an administrator set: only changing it is open. */
  passwordChangeRequired: boolean;
  csrfToken: string;
}>;

export type Authenticator = (request: FastifyRequest) => Promise<Actor | null>;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /**
     * Open while the account still has to be set up — TOTP enrolment of an admin, change of a
     * password an administrator set: "my account", the enrolment routes and logout.
     */
    allowDuringAccountSetup?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const errors = {
  unauthenticated: new DomainError('unauthenticated', 'auth.unauthenticated', {
    vi: 'Bạn cần đăng nhập.',
    en: 'You need to sign in.',
  }),
  forbidden: new DomainError('forbidden', 'auth.forbidden', {
    vi: 'Bạn không có quyền thực hiện thao tác này.',
    en: 'You are not allowed to do this.',
  }),
  csrf: new DomainError('forbidden', 'auth.csrf_failed', {
    vi: 'Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF). Hãy tải lại trang.',
    en: 'Missing or wrong CSRF token. Reload the page.',
  }),
  origin: new DomainError('forbidden', 'auth.cross_origin', {
    vi: 'Yêu cầu đến từ một trang web khác bị từ chối.',
    en: 'Cross-origin request refused.',
  }),
  passwordChange: new DomainError('forbidden', 'auth.password_change_required', {
    vi: 'Bạn phải đổi mật khẩu tạm thời do quản trị viên cấp trước khi tiếp tục.',
    en: 'Change the temporary password an administrator set before going on.',
  }),
  mfa: new DomainError('forbidden', 'auth.mfa_enrollment_required', {
    vi: 'Tài khoản quản trị phải đăng ký xác thực hai lớp (TOTP) trước khi sử dụng.',
    en: 'Administrator accounts must enrol two-factor authentication (TOTP) first.',
  }),
};

/** True when the actor holds `permission` on at least one subtree. */
export function hasPermission(actor: Actor | null, permission: string): boolean {
  return (actor?.grants.get(permission)?.size ?? 0) > 0;
}

/** Subtree roots on which the actor holds `permission` (empty when none). */
export function scopesOf(actor: Actor, permission: string): string[] {
  return [...(actor.grants.get(permission) ?? [])];
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Installs deny-by-default: start-up fails for an `/api` route without `config.access`;
 * each request is authenticated, CSRF-checked and permission-checked before validation.
 */
export function registerAccessControl(
  app: FastifyInstance,
  authenticate: Authenticator,
  opts: { allowedOrigins: (request: FastifyRequest) => string[] },
): void {
  app.decorateRequest('actor', null);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && !route.config?.access) {
      throw new Error(`Route ${route.method} ${route.url} declares no config.access`);
    }
  });
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access) return; // not an API route: static files, health, docs
    const unsafe = !SAFE_METHODS.has(request.method);
    if (unsafe) {
      const origin = request.headers.origin;
      if (origin && !opts.allowedOrigins(request).includes(origin)) throw errors.origin;
    }
    request.actor = await authenticate(request);
    // Public writes (sign-in, sign-up) need no session token: a stale cookie must not
    // block signing in again. Cross-site forms cannot reach them: the Origin check above,
    // and bodies are JSON objects, which an HTML form cannot send.
    if (access === 'public') return;
    const actor = request.actor;
    if (!actor) throw errors.unauthenticated;
    if (unsafe) checkCsrf(request, actor);
    if (!request.routeOptions.config.allowDuringAccountSetup) {
      if (actor.mfaEnrollmentRequired) throw errors.mfa;
      if (actor.passwordChangeRequired) throw errors.passwordChange;
    }
    if (access !== 'authenticated' && !hasPermission(actor, access.permission)) {
      throw errors.forbidden;
    }
  });
}

function checkCsrf(request: FastifyRequest, actor: Actor): void {
  const header = request.headers['x-csrf-token'];
  if (typeof header !== 'string' || !sameToken(header, actor.csrfToken)) throw errors.csrf;
}
