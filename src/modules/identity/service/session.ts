import { createHash, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { RequestContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/http/access.js';
import { dummyPasswordHash, verifyPassword } from '../password.js';
import * as roleStore from '../store/roles.js';
import * as sessions from '../store/sessions.js';
import * as throttle from '../store/throttle.js';
import type { Throttle } from './throttle.js';
import * as users from '../store/users.js';
import { matchTotpStep } from '../totp.js';
import type { IdentityDeps } from './deps.js';
import { identityErrors as E } from './errors.js';
import { buildActor } from './grants.js';

export const SESSION_COOKIE = 'op_session';
const TOUCH_EVERY_MS = 60_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type LoginInput = { username: string; password: string; totpCode?: string | undefined };
export type LoginMeta = {
  requestId: string | null;
  clientIp: string | null;
  userAgent: string | null;
  presentedToken?: string | undefined;
};

export function createSessionService(deps: IdentityDeps, limiter: Throttle) {
  const { db, clock, audit, config, box } = deps;

  async function authenticate(request: FastifyRequest): Promise<Actor | null> {
    const token = request.cookies[SESSION_COOKIE];
    if (!token || token.length > 100) return null;
    const now = clock.now();
    const idleSince = new Date(now.getTime() - config.sessionIdleMinutes * 60_000);
    const found = await sessions.findLiveSession(db, hashToken(token), now, idleSince);
    if (!found) return null;
    const rootId = await deps.provinceRootId();
    if (now.getTime() - found.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await sessions.touchSession(db, found.session.id, now);
    }
    return buildActor(found.user, found.session, found.roles, rootId);
  }

  /**
   * Password (+ TOTP) sign-in. "No such user", "inactive" and "wrong password" give the same
   * answer after the same argon2 work; failures count per username (existing or not) and
   * per client address, and lock for LOGIN_LOCK_MINUTES after LOGIN_MAX_FAILURES.
   */
  async function login(input: LoginInput, meta: LoginMeta) {
    const now = clock.now();
    const username = input.username.trim().toLowerCase();
    const keys = limiter.keysOf(username, meta.clientIp);
    await limiter.checkNotLocked(keys, now);
    const user = await users.findUserByUsername(db, username);
    const passwordOk = await verifyPassword(
      user?.passwordHash ?? (await dummyPasswordHash()),
      input.password,
    );
    if (!user || !passwordOk || !user.isActive) {
      await limiter.recordFailure(keys, now);
      throw E.invalidCredentials();
    }
    let totpStep: number | null = null;
    if (user.totpSecret) {
      if (!input.totpCode) throw E.totpRequired();
      totpStep = matchTotpStep(box.open(user.totpSecret), input.totpCode, now);
      if (totpStep === null || (user.totpLastStep !== null && totpStep <= user.totpLastStep)) {
        await limiter.recordFailure(keys, now);
        throw E.totpInvalid();
      }
    }
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const session = await db.transaction().execute(async (trx) => {
      // A session id presented before sign-in is never kept (session fixation).
      if (meta.presentedToken) {
        const old = await sessions.findLiveSession(
          trx,
          hashToken(meta.presentedToken),
          now,
          new Date(0),
        );
        if (old) await sessions.revokeSession(trx, old.session.id, now);
      }
      await throttle.clearThrottle(trx, `u:${username}`);
      const created = await sessions.insertSession(trx, {
        tokenHash: hashToken(token),
        userId: user.id,
        csrfToken,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + config.sessionTtlHours * 3_600_000),
        clientIp: meta.clientIp,
        userAgent: meta.userAgent?.slice(0, 300) ?? null,
      });
      if (totpStep !== null && !(await users.claimTotpStep(trx, user.id, totpStep))) {
        throw E.totpInvalid();
      }
      await users.updateUser(trx, user.id, { lastLoginAt: now });
      await audit.record(
        trx,
        {
          actor: { userId: user.id, username: user.username },
          requestId: meta.requestId,
          clientIp: meta.clientIp,
        },
        {
          action: 'identity.login',
          targetType: 'session',
          targetId: created.id,
          agencyId: user.agencyId,
          after: { userId: user.id, mfa: totpStep !== null },
        },
      );
      return created;
    });
    const roles = await roleStore.currentRolesOf(db, [user.id]);
    return {
      token,
      actor: buildActor({ ...user, lastLoginAt: now }, session, roles, await deps.provinceRootId()),
      expiresAt: session.expiresAt,
    };
  }

  async function logout(ctx: RequestContext): Promise<void> {
    const actor = ctx.actor;
    if (!actor) return;
    await db.transaction().execute(async (trx) => {
      await sessions.revokeSession(trx, actor.sessionId, clock.now());
      await audit.record(trx, ctx, {
        action: 'identity.logout',
        targetType: 'session',
        targetId: actor.sessionId,
        agencyId: actor.agencyId,
      });
    });
  }

  return { authenticate, login, logout };
}
