import { type Actor, scopesOf } from '../../../platform/http/access.js';
import type { UserRow } from '../store/tables.js';
import type { IdentityDeps } from './deps.js';
import { identityErrors as E } from './errors.js';

/**
 * Subtree checks. Out of scope answers 404, never 403: an official must not even learn
 * that a user of another agency exists.
 */
export function createScope(deps: Pick<IdentityDeps, 'db' | 'agencies'>) {
  const { db, agencies } = deps;
  return {
    async covers(actor: Actor, permission: string, agencyId: string): Promise<boolean> {
      return agencies.isWithin(db, agencyId, scopesOf(actor, permission));
    },
    async isProvinceWide(actor: Actor, permission: string): Promise<boolean> {
      return agencies.coversWholeProvince(db, scopesOf(actor, permission));
    },
    /** The user, if the actor may see it with `permission`; else user_not_found. */
    async visibleUser(
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
    },
    async requireAgency(actor: Actor, permission: string, agencyId: string): Promise<void> {
      if (!(await agencies.isWithin(db, agencyId, scopesOf(actor, permission))))
        throw E.agencyNotFound();
    },
  };
}
export type Scope = ReturnType<typeof createScope>;
