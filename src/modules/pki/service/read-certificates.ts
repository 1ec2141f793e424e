import type { Actor } from '../../../platform/http/access.js';
import { pkiErrors as E } from '../errors.js';
import type { CertificateDetail, CertificatePage, ListCertificatesQuery } from '../schema.js';
import * as store from '../store/certificates.js';
import type { KeyKind } from '../store/tables.js';
import type { PkiAccess } from './access.js';
import type { PkiDeps } from './deps.js';
import type { PinGuard } from './pin.js';
import { certificateView, detailView } from './views.js';

const encodeCursor = (r: { requestedAt: Date; id: string }) =>
  Buffer.from(`${r.requestedAt.toISOString()}|${r.id}`).toString('base64url');
function decodeCursor(cursor: string | undefined) {
  if (!cursor) return undefined;
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const requestedAt = new Date(at ?? '');
  if (!id || Number.isNaN(requestedAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) return undefined;
  return { requestedAt, id };
}

/** Lists and details, narrowed to the agencies the reader's pki.read covers. */
export function createReads(
  deps: Pick<PkiDeps, 'db' | 'clock' | 'agencies'>,
  access: PkiAccess,
  pins: PinGuard,
) {
  const { db, clock, agencies } = deps;

  async function list(
    actor: Actor,
    query: ListCertificatesQuery,
    keyKinds?: KeyKind[],
  ): Promise<CertificatePage> {
    let agencyIds = await access.readableAgencies(db, actor);
    if (query.agencyId) {
      if (!(await access.within(db, actor, query.agencyId, ['pki.read', 'pki.manage']))) {
        throw E.holderNotFound();
      }
      agencyIds = await agencies.subtreeIds(db, [query.agencyId]);
    }
    const rows = await store.listCertificates(db, {
      agencyIds,
      status: query.status,
      keyKinds: query.keyKind ? [query.keyKind] : keyKinds,
      holderKind: query.holderKind,
      limit: query.limit,
      before: decodeCursor(query.cursor),
    });
    const now = clock.now();
    const last = rows.at(-1);
    return {
      items: rows.map((r) => certificateView(r, now, pins.failuresOf(r))),
      nextCursor: rows.length === query.limit && last ? encodeCursor(last) : null,
    };
  }

  return {
    list: (actor: Actor, query: ListCertificatesQuery) => list(actor, query),
    /** The department's register of USB tokens and SIM-PKI certificates. */
    inventory: (actor: Actor, query: ListCertificatesQuery) =>
      list(actor, query, ['usb_token', 'sim_pki']),

    async detail(actor: Actor, id: string): Promise<CertificateDetail> {
      const row = await access.readable(db, actor, id);
      return detailView(row, await store.historyOf(db, id), clock.now(), pins.failuresOf(row));
    },
  };
}
