import { type Actor, hasPermission, scopesOf } from '../../../platform/http/access.js';
import { adminOnlyRoles } from '../roles.js';
import * as roleStore from '../store/roles.js';
import type { UserRow } from '../store/tables.js';
import type { IdentityDeps } from './deps.js';
import { identityErrors as E } from './errors.js';

/**
 * Subtree checks. Out of scope answers 404, never 403: an official must not even learn
 * that a user of another agency exists.
 */
export function createScope(deps: Pick<IdentityDeps, 'db' | 'agencies'>) {
  const { db, agencies } = deps;
  /** The user, if the actor may see it with `permission`; else user_not_found. */
  async function visibleUser(
    actor: Actor,
    permission: string,
    user: UserRow | undefined,
  ): Promise<UserRow> {
    if (!user) throw E.userNotFound();
    const ok = user.agencyId
      ? await agencies.isWithin(db, user.agencyId, scopesOf(actor, permission))
      : await agencies.coversWholeProvince(db, scopesOf(actor, permission));
    if (!ok) throw E.userNotFound();
    return user;
  }

  return {
    async isProvinceWide(actor: Actor, permission: string): Promise<boolean> {
      return agencies.coversWholeProvince(db, scopesOf(actor, permission));
    },
    visibleUser,
    /**
     * The user, if the actor may change it: its agency and every agency it holds a role on
     * lie in the actor's `identity.user.manage` subtrees, and a holder of an admin-only role
     * is changed only by someone who may grant that role. Otherwise user_not_found: an agency
     * admin cannot reset the password of the department admin who happens to sit in its agency.
     */
    async manageableUser(actor: Actor, user: UserRow | undefined): Promise<UserRow> {
      const visible = await visibleUser(actor, 'identity.user.manage', user);
      const roles = await roleStore.currentRolesOf(db, [visible.id]);
      const scopes = scopesOf(actor, 'identity.user.manage');
      for (const role of roles) {
        if (!(await agencies.isWithin(db, role.agencyId, scopes))) throw E.userNotFound();
        if (adminOnlyRoles.has(role.role) && !hasPermission(actor, 'identity.role.assign_admin')) {
          throw E.userNotFound();
        }
      }
      return visible;
    },
    async requireAgency(actor: Actor, permission: string, agencyId: string): Promise<void> {
      if (!(await agencies.isWithin(db, agencyId, scopesOf(actor, permission))))
        throw E.agencyNotFound();
    },
  };
}
export type Scope = ReturnType<typeof createScope>;
