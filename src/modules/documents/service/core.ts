import type { RequestContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/http/access.js';
import { scopesOf } from '../../../platform/http/access.js';
import type { Agency } from '../../agencies/index.js';
import { localDateOf } from '../../calendar/index.js';
import { decisionTypeKeys } from '../catalogue.js';
import { isChainOnlyState } from '../workflow.js';
import * as eventStore from '../store/events.js';
import * as reviewStore from '../store/reviews.js';
import * as registerStore from '../store/registers.js';
import type { DocumentRow, RegisterRow } from '../store/tables.js';
import type { DocumentDeps, Ex, Trx } from './deps.js';
import { documentErrors as E } from './errors.js';

const COMMITTEES = new Set([
  'provincial_peoples_committee',
  'district_peoples_committee',
  'commune_peoples_committee',
]);

const defaultSeries: Record<RegisterRow['kind'], registerStore.SeriesTemplate[]> = {
  outgoing: [
    { series: 'default', name: 'Sổ đăng ký văn bản đi', typeKeys: [] },
    {
      series: 'quyet-dinh',
      name: 'Sổ đăng ký quyết định, quy định, quy chế',
      typeKeys: [...decisionTypeKeys],
    },
  ],
  incoming: [{ series: 'default', name: 'Sổ đăng ký văn bản đến', typeKeys: [] }],
};

/** What every use case shares: scope checks, the history + audit record, registers, places. */
export function createCore(deps: DocumentDeps) {
  const { clock, audit, agencies, config } = deps;

  const localDate = (at: Date): string => localDateOf(at, config.timeZone);

  async function inScope(ex: Ex, actor: Actor, agencyId: string, permission: string) {
    const scopes = scopesOf(actor, permission);
    return scopes.length > 0 && agencies.isWithin(ex, agencyId, scopes);
  }

  /** The agency a request acts for: given, or the actor's own; 404 outside the scope. */
  async function actingAgency(
    ex: Ex,
    actor: Actor,
    agencyId: string | undefined,
    permission: string,
  ): Promise<Agency> {
    const id = agencyId ?? actor.agencyId;
    if (!id || !(await inScope(ex, actor, id, permission))) throw E.notFound();
    return agencies.getAgency(ex, id);
  }

  /**
   * The document as its own agency sees it; 404 for anyone else. Until it is issued a draft
   * belongs to its chain only — the drafter, the reviewers, the signer — and, once signed,
   * to the clerks who issue it; issued, recalled and registered documents are the agency's. A
   * cancelled draft stays its chain's (its history is kept, nobody else ever sees it).
   */
  async function visibleDocument(
    ex: Ex,
    actor: Actor,
    d: DocumentRow | undefined,
  ): Promise<DocumentRow> {
    if (!d || !(await inScope(ex, actor, d.agencyId, 'document.read'))) throw E.notFound();
    if (!isChainOnlyState(d.state)) return d;
    if (d.drafterUserId === actor.userId || d.signerUserId === actor.userId) return d;
    if (d.state === 'signed' && (await inScope(ex, actor, d.agencyId, 'document.issue'))) return d;
    if (await reviewStore.hasReviewer(ex, d.id, actor.userId)) return d;
    throw E.notFound();
  }

  /** One line of the document's history and its audit record, in the caller's transaction. */
  async function record(
    trx: Trx,
    ctx: RequestContext,
    e: {
      document: Pick<DocumentRow, 'id' | 'agencyId' | 'state' | 'symbol'>;
      incomingId?: string | null;
      /** The agency the change belongs to (the receiver's for an incoming entry). */
      agencyId?: string;
      action: string;
      note?: string | null;
      data?: Record<string, unknown>;
    },
  ): Promise<void> {
    const at = clock.now();
    await eventStore.append(trx, [
      {
        documentId: e.document.id,
        incomingId: e.incomingId ?? null,
        action: e.action,
        actorUserId: ctx.actor?.userId ?? null,
        actorName: ctx.actor?.fullName ?? ctx.systemLabel ?? 'Hệ thống',
        at,
        note: e.note ?? null,
        ...(e.data ? { data: e.data } : {}),
      },
    ]);
    await audit.record(trx, ctx, {
      action: `document.${e.action}`,
      targetType: e.incomingId ? 'incoming_document' : 'document',
      targetId: e.incomingId ?? e.document.id,
      agencyId: e.agencyId ?? e.document.agencyId,
      after: {
        documentId: e.document.id,
        state: e.document.state,
        symbol: e.document.symbol,
        ...(e.note ? { note: e.note } : {}),
        ...(e.data ?? {}),
      },
    });
  }

  /**
   * The registers of an agency's year, created on first use: the series of the nearest year
   * the agency already has (the clerk's configuration carries over), else the defaults.
   */
  async function registersOf(
    trx: Trx | Ex,
    agencyId: string,
    kind: RegisterRow['kind'],
    year: number,
  ): Promise<RegisterRow[]> {
    const rows = await registerStore.listOfYear(trx, agencyId, kind, year);
    if (rows.length > 0) return rows;
    const carried = await registerStore.seriesOfNearestYear(trx, agencyId, kind, year);
    const series = carried.length > 0 ? carried : defaultSeries[kind];
    await registerStore.insertSeries(trx, agencyId, kind, year, series, clock.now());
    return registerStore.listOfYear(trx, agencyId, kind, year);
  }

  /** The register a document of this type is numbered in: its own series, else the default. */
  function seriesFor(registers: readonly RegisterRow[], typeKey: string): RegisterRow {
    const own = registers.find((r) => r.typeKeys.includes(typeKey));
    const chosen = own ?? registers.find((r) => r.series === 'default') ?? registers[0];
    if (!chosen) throw new Error('an agency year without registers');
    return chosen;
  }

  /** The abbreviation in symbols: the agency's own; people's committees write "UBND". */
  function agencyAbbreviation(agency: Agency): string {
    if (agency.abbreviation) return agency.abbreviation;
    if (COMMITTEES.has(agency.kind)) return 'UBND';
    throw E.agencyWithoutAbbreviation();
  }

  /** The header's governing-body line: none for a people's committee, else the parent's name. */
  async function parentLine(ex: Ex, agency: Agency): Promise<string | undefined> {
    if (COMMITTEES.has(agency.kind) || !agency.parentId) return undefined;
    const parent = await agencies.getAgency(ex, agency.parentId);
    return parent.kind === 'province' ? undefined : parent.name.toLocaleUpperCase('vi');
  }

  /** The place of the place-date line: the province's name ("Trà Vinh"). */
  async function placeOf(ex: Ex, agency: Agency): Promise<string> {
    const rootId = agency.ancestorIds[0] ?? agency.id;
    const root = await agencies.getAgency(ex, rootId);
    return root.name.replace(/^(Tỉnh|Thành phố)\s+/u, '');
  }

  return {
    localDate,
    inScope,
    actingAgency,
    visibleDocument,
    record,
    registersOf,
    seriesFor,
    agencyAbbreviation,
    parentLine,
    placeOf,
  };
}
export type Core = ReturnType<typeof createCore>;
