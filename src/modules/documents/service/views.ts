import type { Actor } from '../../../platform/http/access.js';
import { findDocumentType } from '../catalogue.js';
import {
  ComposedBody,
  type DocumentMeta,
  type IncomingDocument,
  type OutgoingDocument,
  ValidationReportView,
} from '../schema.js';
import * as documentStore from '../store/documents.js';
import * as eventStore from '../store/events.js';
import * as incomingStore from '../store/incoming.js';
import * as registerStore from '../store/registers.js';
import * as reviewStore from '../store/reviews.js';
import type { DocumentRow, EventRow, IncomingRow } from '../store/tables.js';
import { placeDateLine } from '../symbols.js';
import {
  allowedIncomingActions,
  allowedOutgoingActions,
  type OutgoingAction,
} from '../workflow.js';
import { mayCancel } from './cancel.js';
import type { Core } from './core.js';
import type { DocumentDeps, Ex } from './deps.js';
import { verifyUrlOf } from './issue.js';

const typeView = (key: string) => {
  const t = findDocumentType(key);
  return t
    ? { key: t.key, order: t.order, name: t.name, title: t.title, abbreviation: t.abbreviation }
    : { key, order: 0, name: key, title: null, abbreviation: null };
};

const eventView = (e: EventRow) => ({
  action: e.action,
  actorName: e.actorName,
  at: e.at,
  note: e.note,
});

/**
 * A pki validation report as JSON carries it (instants as ISO strings): the stored one read
 * back, or a fresh one sent through the same JSON round trip, so both serialise alike. Null
 * when a stored report no longer reads as one.
 */
export function reportView(report: unknown): ValidationReportView | null {
  let json: unknown;
  try {
    json = JSON.parse(typeof report === 'string' ? report : JSON.stringify(report));
  } catch {
    return null;
  }
  const parsed = ValidationReportView.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** A report pki.validate made just now: it must read as one (else a 500, not a bad reply). */
export function freshReportView(report: unknown): ValidationReportView {
  return ValidationReportView.parse(JSON.parse(JSON.stringify(report)));
}

export function isOverdue(e: Pick<IncomingRow, 'state' | 'deadline'>, today: string): boolean {
  return (
    (e.state === 'directed' || e.state === 'in_progress') && !!e.deadline && e.deadline < today
  );
}

/** The shapes that leave the server (the route schemas are their allow-lists). */
export function createViews(deps: DocumentDeps, core: Core) {
  const { db, agencies, config, clock } = deps;

  async function meta(ex: Ex, d: DocumentRow): Promise<DocumentMeta> {
    const agency = await agencies.getAgency(ex, d.agencyId);
    const recipients = d.origin === 'internal' ? await incomingStore.listRecipients(ex, d.id) : [];
    return {
      id: d.id,
      origin: d.origin,
      state: d.state,
      agency: { id: agency.id, name: agency.name },
      issuerName: d.issuerName,
      type: typeView(d.typeKey),
      summary: d.summary,
      urgency: d.urgency,
      language: d.language,
      pages: d.pages,
      place: d.place,
      number: d.number,
      symbol: d.symbol,
      symbolTail: d.symbolTail,
      issuedOn: d.issuedOn,
      issuedAt: d.issuedAt,
      placeDate: d.place && d.issuedOn ? placeDateLine(d.place, d.issuedOn) : null,
      authority: d.authority,
      headTitle: d.headTitle,
      signerName: d.signerName,
      signerPosition: d.signerPosition,
      signedAt: d.signedAt,
      dueOn: d.dueOn,
      recipientNames: recipients.map((r) => r.name),
      recalledAt: d.recalledAt,
      recallReason: d.recallReason,
      replacesId: d.replacesId,
      replacedById: d.replacedById,
    };
  }

  async function outgoingActions(actor: Actor, d: DocumentRow): Promise<OutgoingAction[]> {
    const out: OutgoingAction[] = [];
    for (const a of allowedOutgoingActions(d.state)) {
      if (
        a === 'cancel' &&
        mayCancel(actor, d) &&
        (await core.inScope(db, actor, d.agencyId, 'document.draft'))
      ) {
        out.push(a);
      }
      if ((a === 'revise' || a === 'submit') && d.drafterUserId === actor.userId) out.push(a);
      if (a === 'approve' || a === 'return') {
        if (d.state === 'approved') {
          if (a === 'return' && d.signerUserId === actor.userId) out.push(a);
        } else {
          const turn = await reviewStore.current(db, d.id, d.reviewRound);
          if (turn?.reviewerUserId === actor.userId) out.push(a);
        }
      }
      if (a === 'sign' && d.signerUserId === actor.userId) out.push(a);
      if (
        (a === 'issue' || a === 'recall') &&
        (await core.inScope(db, actor, d.agencyId, 'document.issue'))
      ) {
        out.push(a);
      }
    }
    return out;
  }

  return {
    meta,

    async outgoing(actor: Actor, d: DocumentRow): Promise<OutgoingDocument> {
      const recipients = await incomingStore.listRecipients(db, d.id);
      const entries = new Map((await incomingStore.listOfDocument(db, d.id)).map((e) => [e.id, e]));
      return {
        ...(await meta(db, d)),
        signerUserId: d.signerUserId,
        drafter: d.drafterUserId ? { id: d.drafterUserId, name: d.drafterName ?? '' } : null,
        draftingUnit: d.draftingUnit,
        currentVersion: d.currentVersion,
        registerId: d.registerId,
        verifyUrl: d.verifyCode ? verifyUrlOf(config.publicUrl, d.verifyCode) : null,
        recipients: recipients.map((r) => {
          const e = r.incomingId ? entries.get(r.incomingId) : undefined;
          return {
            id: r.id,
            agencyId: r.agencyId,
            name: r.name,
            email: r.email,
            deliveredAt: r.deliveredAt,
            incomingNumber: e?.number ?? null,
            readAt: e?.readAt ?? null,
            readByName: e?.readByName ?? null,
            returnedAt: e?.returnedAt ?? null,
            returnReason: e?.returnReason ?? null,
            state: e?.state ?? null,
          };
        }),
        reviews: (await reviewStore.list(db, d.id)).map((r) => ({
          round: r.round,
          ordinal: r.ordinal,
          reviewerUserId: r.reviewerUserId,
          reviewerName: r.reviewerName,
          decision: r.decision,
          comment: r.comment,
          version: r.version,
          decidedAt: r.decidedAt,
        })),
        versions: (await documentStore.listVersions(db, d.id)).map((v) => ({
          version: v.version,
          source: v.source,
          fileName: v.fileName,
          pages: v.pages,
          sizeBytes: v.sizeBytes,
          note: v.note,
          createdAt: v.createdAt,
        })),
        related: (await documentStore.listRelated(db, d.id)).map((r) => ({
          id: r.id,
          symbol: r.symbol,
          summary: r.summary,
          state: r.state,
        })),
        history: (await eventStore.list(db, d.id, null)).map(eventView),
        actions: await outgoingActions(actor, d),
        composed: composedFor(actor, d),
        cancelledAt: d.cancelledAt,
        cancelReason: d.cancelReason,
      };
    },

    async incoming(actor: Actor, e: IncomingRow): Promise<IncomingDocument> {
      const d = (await documentStore.find(db, e.documentId))!;
      const register = (await registerStore.find(db, e.registerId))!;
      const actions: IncomingDocument['actions'] = [];
      for (const a of allowedIncomingActions(e.state)) {
        if (a === 'direct' && (await core.inScope(db, actor, e.agencyId, 'document.direct')))
          actions.push(a);
        const isLead = e.leadUserId
          ? e.leadUserId === actor.userId
          : !!e.leadAgencyId && (await core.inScope(db, actor, e.leadAgencyId, 'document.handle'));
        if (a === 'note' && (isLead || e.coordinatorUserIds.includes(actor.userId)))
          actions.push(a);
        if (a === 'complete' && isLead) actions.push(a);
        if (
          a === 'return' &&
          e.source === 'platform' &&
          (await core.inScope(db, actor, e.agencyId, 'document.register'))
        ) {
          actions.push(a);
        }
      }
      return {
        id: e.id,
        agencyId: e.agencyId,
        registerId: e.registerId,
        year: register.year,
        number: e.number,
        source: e.source,
        receivedAt: e.receivedAt,
        receivedOn: e.receivedOn,
        state: e.state,
        isOverdue: isOverdue(e, core.localDate(clock.now())),
        signatureCheck:
          e.validation === null ? null : { isValid: e.isValid, report: reportView(e.validation) },
        readAt: e.readAt,
        direction: {
          leadUserId: e.leadUserId,
          leadName: e.leadName,
          leadAgencyId: e.leadAgencyId,
          coordinatorUserIds: e.coordinatorUserIds,
          instructions: e.instructions,
          deadline: e.deadline,
          directedAt: e.directedAt,
          directedByName: e.directedByName,
        },
        completedAt: e.completedAt,
        returnedAt: e.returnedAt,
        returnReason: e.returnReason,
        document: await meta(db, d),
        history: (await eventStore.list(db, d.id, e.id)).map(eventView),
        actions,
      };
    },

    /** List items, with the issuing agency's name (looked up once per agency). */
    async outgoingItems(rows: readonly DocumentRow[]) {
      const names = new Map<string, string>();
      for (const d of rows)
        if (!names.has(d.agencyId))
          names.set(d.agencyId, (await agencies.getAgency(db, d.agencyId)).name);
      return rows.map((d) => ({
        ...outgoingItem(d),
        agency: { id: d.agencyId, name: names.get(d.agencyId) ?? '' },
      }));
    },
  };
}
export type Views = ReturnType<typeof createViews>;

/** The composed body, to the drafter only, while the current version is the composed one. */
function composedFor(actor: Actor, d: DocumentRow): ComposedBody | null {
  if (d.drafterUserId !== actor.userId || d.compose === null) return null;
  const parsed = ComposedBody.safeParse(d.compose);
  return parsed.success ? parsed.data : null;
}

function outgoingItem(d: DocumentRow) {
  return {
    id: d.id,
    state: d.state,
    typeKey: d.typeKey,
    typeName: typeView(d.typeKey).name,
    symbol: d.symbol,
    symbolTail: d.symbolTail,
    summary: d.summary,
    urgency: d.urgency,
    issuedOn: d.issuedOn,
    signerName: d.signerName,
    drafterName: d.drafterName,
    createdAt: d.createdAt,
  };
}
