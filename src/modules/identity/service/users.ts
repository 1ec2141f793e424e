import type { RequestContext } from '../../../platform/context.js';
import { type Actor, scopesOf } from '../../../platform/http/access.js';
import { checkPasswordPolicy, hashPassword } from '../password.js';
import * as roleStore from '../store/roles.js';
import * as sessions from '../store/sessions.js';
import * as users from '../store/users.js';
import type { IdentityDeps } from './deps.js';
import { identityErrors as E } from './errors.js';
import type { Scope } from './scope.js';
import { auditSnapshot, userView } from './views.js';

type ActorCtx = RequestContext & { actor: Actor };

export type CreateUserInput = {
  username: string;
  fullName: string;
  email?: string | undefined;
  phone?: string | undefined;
  position?: string | undefined;
  agencyId: string;
  password: string;
};
export type UpdateUserInput = {
  fullName?: string | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  position?: string | null | undefined;
  isActive?: boolean | undefined;
};
export type ListUsersInput = {
  agencyId?: string | undefined;
  subtree: boolean;
  q?: string | undefined;
  kind?: 'official' | 'citizen' | undefined;
  cursor?: string | undefined;
  limit: number;
};

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505';

/** Accounts managed by administrators within their subtree. */
export function createUserAdminService(deps: IdentityDeps, scope: Scope) {
  const { db, clock, audit, agencies } = deps;

  async function listUsers(actor: Actor, input: ListUsersInput) {
    const perm = 'identity.user.read';
    const provinceWide = await scope.isProvinceWide(actor, perm);
    let agencyIds: string[] | null = null; // null: the whole province, citizens included
    if (input.agencyId) {
      await scope.requireAgency(actor, perm, input.agencyId);
      agencyIds = input.subtree
        ? await agencies.subtreeIds(db, [input.agencyId])
        : [input.agencyId];
    } else if (!provinceWide) {
      agencyIds = await agencies.subtreeIds(db, scopesOf(actor, perm));
    }
    const rows = await users.listUsers(db, {
      agencyIds,
      kind: input.kind,
      q: input.q,
      afterUsername: input.cursor,
      limit: input.limit,
    });
    const last = rows.at(-1);
    return {
      items: rows.map((u) => userView(u, u.roles)),
      nextCursor: rows.length === input.limit && last ? last.username : null,
    };
  }

  async function getUser(actor: Actor, id: string) {
    const user = await scope.visibleUser(
      actor,
      'identity.user.read',
      await users.findUserById(db, id),
    );
    return userView(user, await roleStore.currentRolesOf(db, [user.id]));
  }

  async function createUser(ctx: ActorCtx, input: CreateUserInput) {
    await scope.requireAgency(ctx.actor, 'identity.user.manage', input.agencyId);
    const username = input.username.toLowerCase();
    checkPasswordPolicy(input.password, username);
    const passwordHash = await hashPassword(input.password);
    try {
      return await db.transaction().execute(async (trx) => {
        const user = await users.insertUser(trx, {
          username,
          fullName: input.fullName,
          email: input.email ?? null,
          phone: input.phone ?? null,
          position: input.position ?? null,
          kind: 'official',
          agencyId: input.agencyId,
          passwordHash,
          mustChangePassword: true,
        });
        await audit.record(trx, ctx, {
          action: 'identity.user_create',
          targetType: 'user',
          targetId: user.id,
          agencyId: user.agencyId,
          after: auditSnapshot(user),
        });
        return userView(user, []);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw E.usernameTaken();
      throw err;
    }
  }

  async function updateUser(ctx: ActorCtx, id: string, patch: UpdateUserInput) {
    const before = await scope.manageableUser(ctx.actor, await users.findUserById(db, id));
    if (patch.isActive === false && before.id === ctx.actor.userId) throw E.selfChange();
    return db.transaction().execute(async (trx) => {
      const after = await users.updateUser(trx, id, patch);
      if (patch.isActive === false) await sessions.revokeUserSessions(trx, id, clock.now());
      await audit.record(trx, ctx, {
        action: 'identity.user_update',
        targetType: 'user',
        targetId: id,
        agencyId: after.agencyId,
        before: auditSnapshot(before),
        after: auditSnapshot(after),
      });
      return userView(after, await roleStore.currentRolesOf(trx, [id]));
    });
  }

  /** An administrator sets a temporary password; the user must change it at next sign-in. */
  async function resetPassword(ctx: ActorCtx, id: string, newPassword: string): Promise<void> {
    const user = await scope.manageableUser(ctx.actor, await users.findUserById(db, id));
    if (user.id === ctx.actor.userId) throw E.selfChange();
    checkPasswordPolicy(newPassword, user.username);
    const passwordHash = await hashPassword(newPassword);
    await db.transaction().execute(async (trx) => {
      await users.updateUser(trx, id, { passwordHash, mustChangePassword: true });
      await sessions.revokeUserSessions(trx, id, clock.now());
      await audit.record(trx, ctx, {
        action: 'identity.password_reset',
        targetType: 'user',
        targetId: id,
        agencyId: user.agencyId,
      });
    });
  }

  return { listUsers, getUser, createUser, updateUser, resetPassword };
}
