import type { RequestContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/http/access.js';
import { scopesOf } from '../../../platform/http/access.js';
import { localInstant } from '../../calendar/index.js';
import { documentTypes } from '../catalogue.js';
import {
  type DocumentCounts,
  type DocumentCountsQuery,
  documentQueues,
  IncomingListQuery,
  type OfficialView,
  OutgoingListQuery,
  type RegisterListQuery,
} from '../schema.js';
import * as documentStore from '../store/documents.js';
import * as incomingStore from '../store/incoming.js';
import * as registerStore from '../store/registers.js';
import * as reviewStore from '../store/reviews.js';
import type { Core } from './core.js';
import type { DocumentDeps } from './deps.js';
import { documentErrors as E } from './errors.js';
import type { IncomingUseCases } from './incoming.js';
import { isOverdue, type Views } from './views.js';

const rolePermission = {
  sign: 'document.sign',
  approve: 'document.approve',
  handle: 'document.handle',
  direct: 'document.direct',
} as const;

/** Where a list looks, worked out once per request (each part only when a list needs it). */
type Reader = {
  agencyIds: readonly string[];
  issueAgencyIds: () => Promise<string[]>;
  reviewIds: () => Promise<string[]>;
};

/** What the directory gives about an official; position and agency when it has them. */
type DirectoryOfficial = {
  id: string;
  fullName: string;
  position?: string | null | undefined;
  agencyId?: string | null | undefined;
};

const once = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let value: Promise<T> | undefined;
  return () => (value ??= load());
};

/** Reading: lists and their counts, details, files, registers, the officials one may pick. */
export function createQueries(
  deps: DocumentDeps,
  core: Core,
  views: Views,
  incoming: IncomingUseCases,
) {
  const { db, agencies, identity, files, clock, config } = deps;

  /** One agency when asked (in scope, else 404), else every agency the actor reads. */
  async function agencyIdsFor(
    actor: Actor,
    agencyId: string | undefined,
    permission = 'document.read',
  ) {
    if (agencyId) {
      if (!(await core.inScope(db, actor, agencyId, permission))) throw E.notFound();
      return [agencyId];
    }
    return agencies.subtreeIds(db, scopesOf(actor, permission));
  }

  /** The agencies a list reads (one asked for, in scope, else 404), and the reader's lists. */
  async function readerOf(actor: Actor, agencyId: string | undefined): Promise<Reader> {
    return {
      agencyIds: await agencyIdsFor(actor, agencyId),
      issueAgencyIds: once(() => agencies.subtreeIds(db, scopesOf(actor, 'document.issue'))),
      reviewIds: once(() => reviewStore.waitingFor(db, actor.userId)),
    };
  }

  /** The filter of an outgoing list: the same for the list and for its count. */
  async function outgoingWhere(
    actor: Actor,
    reader: Reader,
    query: Omit<OutgoingListQuery, 'limit' | 'offset'>,
  ): Promise<documentStore.OutgoingWhere> {
    const issueAgencyIds = await reader.issueAgencyIds();
    return {
      agencyIds: reader.agencyIds,
      state: query.state,
      viewer: { userId: actor.userId, issueAgencyIds },
      year: query.year ? yearBounds(query.year) : undefined,
      ...(query.box === 'mine'
        ? {
            mine: { userId: actor.userId, reviewIds: await reader.reviewIds(), issueAgencyIds },
          }
        : {}),
    };
  }

  /** The filter of an incoming list: the same for the list and for its count. */
  function incomingWhere(
    actor: Actor,
    reader: Reader,
    query: Omit<IncomingListQuery, 'limit' | 'offset'>,
    today: string,
  ): incomingStore.IncomingWhere {
    return {
      agencyIds: reader.agencyIds,
      state: query.state,
      filter: query.filter,
      userId: actor.userId,
      today,
      year: query.year,
    };
  }

  function yearBounds(year: number) {
    return {
      first: `${year}-01-01`,
      last: `${year}-12-31`,
      from: localInstant(`${year}-01-01`, 0, config.timeZone),
      to: localInstant(`${year + 1}-01-01`, 0, config.timeZone),
    };
  }

  return {
    types: () => ({ items: documentTypes.map((t) => ({ ...t })) }),

    async getOutgoing(actor: Actor, id: string) {
      const d = await core.visibleDocument(db, actor, await documentStore.find(db, id));
      return views.outgoing(actor, d);
    },

    async listOutgoing(actor: Actor, query: OutgoingListQuery) {
      const reader = await readerOf(actor, query.agencyId);
      const page = await documentStore.list(db, {
        ...(await outgoingWhere(actor, reader, query)),
        limit: query.limit,
        offset: query.offset,
      });
      return { items: await views.outgoingItems(page.rows), total: page.total };
    },

    /**
     * The total of each work queue (queues.ts) the reader holds the permission for: the very
     * query of its list, counted. A queue without the permission is left out.
     */
    async counts(actor: Actor, query: DocumentCountsQuery): Promise<DocumentCounts> {
      const reader = await readerOf(actor, query.agencyId);
      const today = core.localDate(clock.now());
      const counts: DocumentCounts = {};
      for (const queue of documentQueues) {
        if (scopesOf(actor, queue.permission).length === 0) continue;
        counts[queue.key] =
          queue.source === 'outgoing'
            ? await documentStore.count(
                db,
                await outgoingWhere(actor, reader, OutgoingListQuery.parse(queue.query)),
              )
            : await incomingStore.count(
                db,
                incomingWhere(actor, reader, IncomingListQuery.parse(queue.query), today),
              );
      }
      return counts;
    },

    /** The file of a document for its own agency: a version, or the signed / issued PDF. */
    async openOutgoingFile(
      actor: Actor,
      id: string,
      which: 'current' | 'signed' | 'issued' | number,
    ) {
      const d = await core.visibleDocument(db, actor, await documentStore.find(db, id));
      let sha: string | null;
      if (typeof which === 'number') {
        sha = (await documentStore.findVersion(db, d.id, which))?.sha256 ?? null;
      } else {
        sha =
          which === 'current' ? d.pdfSha256 : which === 'signed' ? d.signedSha256 : d.issuedSha256;
      }
      if (!sha) throw E.notFound();
      return {
        bytes: await files.read(sha),
        fileName: `${d.symbol ?? d.summary}`.slice(0, 100) + '.pdf',
      };
    },

    /** An incoming entry; opening it gives the sender the read receipt. */
    async getIncoming(ctx: RequestContext, id: string) {
      const actor = ctx.actor!;
      const e = await incoming.visibleEntry(db, actor, await incomingStore.find(db, id));
      await incoming.markRead(ctx, e);
      return views.incoming(actor, (await incomingStore.find(db, id))!);
    },

    async openIncomingFile(ctx: RequestContext, id: string) {
      const e = await incoming.visibleEntry(db, ctx.actor!, await incomingStore.find(db, id));
      await incoming.markRead(ctx, e);
      const d = (await documentStore.find(db, e.documentId))!;
      return {
        bytes: await files.read(d.issuedSha256 ?? d.pdfSha256),
        fileName: `${d.symbol ?? d.summary}`.slice(0, 100) + '.pdf',
      };
    },

    async listIncoming(actor: Actor, query: IncomingListQuery) {
      const reader = await readerOf(actor, query.agencyId);
      const today = core.localDate(clock.now());
      const page = await incomingStore.list(db, {
        ...incomingWhere(actor, reader, query, today),
        limit: query.limit,
        offset: query.offset,
      });
      return {
        items: page.rows.map((r) => ({
          id: r.id,
          documentId: r.documentId,
          number: r.number,
          receivedOn: r.receivedOn,
          source: r.source,
          state: r.state,
          issuerName: r.issuerName,
          symbol: r.symbol,
          summary: r.summary,
          urgency: r.urgency,
          deadline: r.deadline,
          isOverdue: isOverdue(r, today),
          leadName: r.leadName,
          isValid: r.isValid,
          readAt: r.readAt,
        })),
        total: page.total,
      };
    },

    /** The registers of an agency (created for the year on first look, like on first use). */
    async listRegisters(actor: Actor, query: RegisterListQuery) {
      const [agencyId] = await agencyIdsFor(actor, query.agencyId ?? actor.agencyId ?? undefined);
      if (!agencyId) throw E.notFound();
      const year = query.year ?? Number(core.localDate(clock.now()).slice(0, 4));
      await db.transaction().execute(async (trx) => {
        for (const kind of ['outgoing', 'incoming'] as const)
          await core.registersOf(trx, agencyId, kind, year);
      });
      const rows = await registerStore.listFor(db, [agencyId], { year, kind: query.kind });
      return { items: rows.map((r) => ({ ...r, lastNumber: Number(r.lastNumber) })) };
    },

    async listOfficials(
      actor: Actor,
      query: { agencyId?: string | undefined; role: keyof typeof rolePermission },
    ): Promise<{ items: OfficialView[] }> {
      const [agencyId] = await agencyIdsFor(actor, query.agencyId ?? actor.agencyId ?? undefined);
      if (!agencyId) throw E.notFound();
      const officials: DirectoryOfficial[] = await identity.listOfficialsWith(
        db,
        agencyId,
        rolePermission[query.role],
      );
      const names = new Map<string, string | null>();
      const nameOf = async (id: string) => {
        if (!names.has(id)) {
          names.set(id, (await agencies.getAgency(db, id).catch(() => null))?.name ?? null);
        }
        return names.get(id) ?? null;
      };
      const items: OfficialView[] = [];
      for (const o of officials) {
        const agencyName = o.agencyId ? await nameOf(o.agencyId) : null;
        items.push({
          id: o.id,
          fullName: o.fullName,
          position: o.position ?? null,
          agency: o.agencyId && agencyName !== null ? { id: o.agencyId, name: agencyName } : null,
        });
      }
      return { items };
    },
  };
}
