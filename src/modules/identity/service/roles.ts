import type { RequestContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/http/access.js';
import { hasPermission } from '../../../platform/http/access.js';
import { adminOnlyRoles, type RoleCode } from '../roles.js';
import * as roleStore from '../store/roles.js';
import * as users from '../store/users.js';
import type { IdentityDeps } from './deps.js';
import { identityErrors as E } from './errors.js';
import type { Scope } from './scope.js';

type ActorCtx = RequestContext & { actor: Actor };

/**
 * Granting and revoking roles. The granter must cover both the user and the agency the
 * role is granted on, may not touch their own roles, and only a department administrator
 * grants the department-administrator role. Revocation applies on the next request:
 * roles are read afresh for every request.
 */
export function createRoleService(deps: IdentityDeps, scope: Scope) {
  const { db, clock, audit } = deps;
  const perm = 'identity.role.assign';

  async function checkGrant(actor: Actor, userId: string, role: RoleCode, agencyId: string) {
    if (userId === actor.userId) throw E.selfGrant();
    const user = await scope.manageableUser(actor, await users.findUserById(db, userId));
    await scope.requireAgency(actor, perm, agencyId);
    if (adminOnlyRoles.has(role) && !hasPermission(actor, 'identity.role.assign_admin')) {
      throw E.roleNotGrantable();
    }
    if (user.kind === 'citizen') throw E.citizenRole();
    return user;
  }

  async function assignRole(
    ctx: ActorCtx,
    userId: string,
    input: { role: RoleCode; agencyId: string },
  ) {
    const user = await checkGrant(ctx.actor, userId, input.role, input.agencyId);
    try {
      return await db.transaction().execute(async (trx) => {
        const row = await roleStore.insertAssignment(trx, {
          userId,
          role: input.role,
          agencyId: input.agencyId,
          grantedBy: ctx.actor.userId,
          grantedAt: clock.now(),
        });
        await audit.record(trx, ctx, {
          action: 'identity.role_grant',
          targetType: 'user',
          targetId: userId,
          agencyId: user.agencyId,
          after: { assignmentId: row.id, role: row.role, agencyId: row.agencyId },
        });
        return { id: row.id, role: row.role, agencyId: row.agencyId, grantedAt: row.grantedAt };
      });
    } catch (err) {
      if ((err as { code?: string }).code === '23505') throw E.roleExists();
      throw err;
    }
  }

  async function revokeRole(ctx: ActorCtx, userId: string, assignmentId: string): Promise<void> {
    const row = await roleStore.findAssignment(db, assignmentId);
    if (!row || row.userId !== userId || row.revokedAt) throw E.assignmentNotFound();
    const user = await checkGrant(ctx.actor, userId, row.role, row.agencyId);
    await db.transaction().execute(async (trx) => {
      await roleStore.revokeAssignment(trx, assignmentId, ctx.actor.userId, clock.now());
      await audit.record(trx, ctx, {
        action: 'identity.role_revoke',
        targetType: 'user',
        targetId: userId,
        agencyId: user.agencyId,
        before: { assignmentId, role: row.role, agencyId: row.agencyId },
      });
    });
  }

  return { assignRole, revokeRole };
}
