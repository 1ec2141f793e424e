import { DomainError } from '../../../platform/errors.js';
import { pkiErrors as E } from '../errors.js';
import type { ActorCtx, PkiDeps } from './deps.js';

/** Who a certificate is for, and its subject, as the directory says now. */
export type Holder = {
  userId: string | null;
  agencyId: string;
  name: string;
  title: string | null;
  org: string;
};

export type HolderRef =
  { holderKind: 'person'; userId: string } | { holderKind: 'agency'; agencyId: string };

/**
 * Reads a holder's current name, position and agency (a person) or name (an agency) for the
 * subject of a certificate about to be requested or issued. Identity and the agency directory
 * read through the database handle: call this before opening a transaction (rule 5).
 * A person must be an official of an agency the actor can see (else `pki.holder_not_found`)
 * and still active (else `pki.holder_inactive`); the agency must not have ended — merged,
 * dissolved, reorganised: `validTo` set — (else `pki.agency_ended`).
 */
export function createHolders(deps: Pick<PkiDeps, 'db' | 'agencies' | 'identity'>) {
  const { db, agencies, identity } = deps;

  return async function currentHolder(ctx: ActorCtx, ref: HolderRef): Promise<Holder> {
    try {
      if (ref.holderKind === 'person') {
        const user = await identity.getUser(ctx.actor, ref.userId);
        if (user.kind !== 'official' || !user.agencyId) throw E.holderNotFound();
        if (!user.isActive) throw E.holderInactive();
        const agency = await agencies.getAgency(db, user.agencyId);
        if (agency.validTo !== null) throw E.agencyEnded();
        return {
          userId: user.id,
          agencyId: agency.id,
          name: user.fullName,
          title: user.position,
          org: agency.name,
        };
      }
      const agency = await agencies.getAgency(db, ref.agencyId);
      if (agency.validTo !== null) throw E.agencyEnded();
      const root = await agencies.getRoot(db);
      return { userId: null, agencyId: agency.id, name: agency.name, title: null, org: root.name };
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'not_found') throw E.holderNotFound();
      throw err;
    }
  };
}
export type CurrentHolder = ReturnType<typeof createHolders>;
