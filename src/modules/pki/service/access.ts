import { type Actor, scopesOf } from '../../../platform/http/access.js';
import { pkiErrors as E } from '../errors.js';
import * as store from '../store/certificates.js';
import type { CertificateRow } from '../store/tables.js';
import type { Ex, PkiDeps } from './deps.js';

/**
 * Scope checks: a certificate belongs to its holder's agency; an official acts on it only
 * when that agency lies in a subtree the permission was granted on. Outside: 404.
 */
export function createAccess({ agencies }: Pick<PkiDeps, 'agencies'>) {
  async function within(ex: Ex, actor: Actor, agencyId: string, permissions: string[]) {
    const scopes = permissions.flatMap((p) => scopesOf(actor, p));
    return scopes.length > 0 && agencies.isWithin(ex, agencyId, scopes);
  }

  async function certificateFor(
    ex: Ex,
    actor: Actor,
    id: string,
    permissions: string[],
    opts: { lock?: boolean } = {},
  ): Promise<CertificateRow> {
    const row = await store.findCertificate(ex, id, opts);
    if (!row || !(await within(ex, actor, row.agencyId, permissions))) throw E.notFound();
    return row;
  }

  return {
    within,
    /** A certificate the actor may read (pki.read). */
    readable: (ex: Ex, actor: Actor, id: string) =>
      certificateFor(ex, actor, id, ['pki.read', 'pki.manage']),
    /**
     * A certificate the actor may manage (pki.manage), locked for the change; `lock: false`
     * for a look before the transaction (what must be read outside it).
     */
    manageable: (ex: Ex, actor: Actor, id: string, opts: { lock: boolean } = { lock: true }) =>
      certificateFor(ex, actor, id, ['pki.manage'], opts),
    /** Agencies whose certificates the actor may list: null = the whole province. */
    async readableAgencies(ex: Ex, actor: Actor): Promise<string[] | null> {
      const scopes = [
        ...new Set([...scopesOf(actor, 'pki.read'), ...scopesOf(actor, 'pki.manage')]),
      ];
      if (await agencies.coversWholeProvince(ex, scopes)) return null;
      return agencies.subtreeIds(ex, scopes);
    },
  };
}
export type PkiAccess = ReturnType<typeof createAccess>;
