import type { RequestContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/http/access.js';
import { checkPasswordPolicy, hashPassword, verifyPassword } from '../password.js';
import * as roleStore from '../store/roles.js';
import * as sessions from '../store/sessions.js';
import * as users from '../store/users.js';
import { matchTotpStep, newTotpSecret, otpauthUrl } from '../totp.js';
import type { UserRow } from '../store/tables.js';
import type { IdentityDeps } from './deps.js';
import type { Throttle } from './throttle.js';
import { identityErrors as E } from './errors.js';
import { needsMfaEnrollment } from './grants.js';
import { userView } from './views.js';

/** The signed-in user's own account: profile, password, second factor. */
export function createAccountService(deps: IdentityDeps, limiter: Throttle) {
  const { db, clock, audit, box } = deps;

  /**
   * A stolen session must not become a password oracle: wrong current passwords count
   * towards the same lock as failed sign-ins.
   */
  async function checkCurrentPassword(ctx: RequestContext, user: UserRow, password: string) {
    const now = clock.now();
    const keys = limiter.keysOf(user.username, ctx.clientIp);
    await limiter.checkNotLocked(keys, now);
    if (!(await verifyPassword(user.passwordHash, password))) {
      await limiter.recordFailure(keys, now);
      throw E.wrongPassword();
    }
  }

  async function loadSelf(actor: Actor) {
    const user = await users.findUserById(db, actor.userId);
    if (!user) throw E.userNotFound();
    return user;
  }

  async function me(actor: Actor) {
    const user = await loadSelf(actor);
    const roles = await roleStore.currentRolesOf(db, [user.id]);
    return {
      ...userView(user, roles),
      permissions: [...actor.grants.keys()].sort(),
      mfaEnrollmentRequired: needsMfaEnrollment(user, roles),
      csrfToken: actor.csrfToken,
    };
  }

  async function changePassword(
    ctx: RequestContext & { actor: Actor },
    input: { currentPassword: string; newPassword: string },
  ): Promise<void> {
    const user = await loadSelf(ctx.actor);
    await checkCurrentPassword(ctx, user, input.currentPassword);
    checkPasswordPolicy(input.newPassword, user.username);
    const passwordHash = await hashPassword(input.newPassword);
    await db.transaction().execute(async (trx) => {
      await users.updateUser(trx, user.id, { passwordHash, mustChangePassword: false });
      // Other devices signed in with the old password are signed out.
      await sessions.revokeUserSessions(trx, user.id, clock.now(), ctx.actor.sessionId);
      await audit.record(trx, ctx, {
        action: 'identity.password_change',
        targetType: 'user',
        targetId: user.id,
        agencyId: user.agencyId,
      });
    });
  }

  /** Starts TOTP enrolment: a new secret is kept pending until a code from it is confirmed. */
  async function startTotp(ctx: RequestContext & { actor: Actor }) {
    const user = await loadSelf(ctx.actor);
    if (user.totpEnabledAt) throw E.totpAlreadyEnabled();
    const secret = newTotpSecret();
    await db.transaction().execute(async (trx) => {
      await users.updateUser(trx, user.id, { totpPendingSecret: box.seal(secret) });
      await audit.record(trx, ctx, {
        action: 'identity.totp_start',
        targetType: 'user',
        targetId: user.id,
        agencyId: user.agencyId,
      });
    });
    return { secret, otpauthUrl: otpauthUrl(secret, user.username) };
  }

  async function confirmTotp(ctx: RequestContext & { actor: Actor }, code: string): Promise<void> {
    const user = await loadSelf(ctx.actor);
    if (user.totpEnabledAt) throw E.totpAlreadyEnabled();
    if (!user.totpPendingSecret) throw E.noPendingTotp();
    const now = clock.now();
    const step = matchTotpStep(box.open(user.totpPendingSecret), code, now);
    if (step === null) throw E.totpInvalid();
    await db.transaction().execute(async (trx) => {
      await users.updateUser(trx, user.id, {
        totpSecret: user.totpPendingSecret,
        totpPendingSecret: null,
        totpEnabledAt: now,
        totpLastStep: step,
      });
      await audit.record(trx, ctx, {
        action: 'identity.totp_enable',
        targetType: 'user',
        targetId: user.id,
        agencyId: user.agencyId,
      });
    });
  }

  async function disableTotp(
    ctx: RequestContext & { actor: Actor },
    password: string,
  ): Promise<void> {
    const user = await loadSelf(ctx.actor);
    await checkCurrentPassword(ctx, user, password);
    const roles = await roleStore.currentRolesOf(db, [user.id]);
    if (needsMfaEnrollment({ ...user, totpEnabledAt: null }, roles)) throw E.mfaRequired();
    await db.transaction().execute(async (trx) => {
      const after = await users.updateUser(trx, user.id, {
        totpSecret: null,
        totpPendingSecret: null,
        totpEnabledAt: null,
        totpLastStep: null,
      });
      await audit.record(trx, ctx, {
        action: 'identity.totp_disable',
        targetType: 'user',
        targetId: user.id,
        agencyId: user.agencyId,
        before: { totpEnabled: true },
        after: { totpEnabled: after.totpEnabledAt !== null },
      });
    });
  }

  return { me, changePassword, startTotp, confirmTotp, disableTotp };
}
