import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/http/access.js';
import { claimIdempotencyKey, fingerprintOf } from '../../../platform/idempotency.js';
import { findDocumentType } from '../catalogue.js';
import type { RegisterIncomingInput } from '../schema.js';
import * as documentStore from '../store/documents.js';
import * as incomingStore from '../store/incoming.js';
import * as registerStore from '../store/registers.js';
import type { IncomingRow } from '../store/tables.js';
import { nextIncomingState } from '../workflow.js';
import type { Core } from './core.js';
import type { DocumentDeps, Ex } from './deps.js';
import { refuseClassified, searchTextOf } from './draft-check.js';
import type { UploadedFile } from './drafts.js';
import { documentErrors as E } from './errors.js';
import type { Intake } from './intake.js';

/**
 * Incoming documents (văn bản đến) outside the platform's own delivery: the clerk registers a
 * paper or e-mail document (upload + metadata, the same file checks, its signatures checked),
 * and returns an invalid electronic one to its sender. Opening an entry gives the read receipt.
 */
export function createIncomingUseCases(deps: DocumentDeps, core: Core, intake: Intake) {
  const { db, clock, pki, identity, notify } = deps;

  /** An entry the actor may see: their agency's (or their unit leads it); 404 otherwise. */
  async function visibleEntry(ex: Ex, actor: Actor, e: IncomingRow | undefined) {
    if (!e || e.recalledAt) throw E.incomingNotFound();
    if (await core.inScope(ex, actor, e.agencyId, 'document.read')) return e;
    if (e.leadAgencyId && (await core.inScope(ex, actor, e.leadAgencyId, 'document.read')))
      return e;
    throw E.incomingNotFound();
  }

  return {
    visibleEntry,

    async register(
      ctx: RequestContext,
      input: RegisterIncomingInput,
      upload: UploadedFile,
      idempotencyKey: string,
    ): Promise<{ entry: IncomingRow; created: boolean }> {
      refuseClassified(input);
      const actor = ctx.actor!;
      const type = findDocumentType(input.typeKey);
      if (!type) throw E.unknownType(input.typeKey);
      const agency = await core.actingAgency(db, actor, input.agencyId, 'document.register');
      const file = await intake.admitUpload(upload.data, upload.fileName);
      const report = await pki.validate(db, file.bytes);
      return db.transaction().execute(async (trx) => {
        const now = clock.now();
        const documentId = randomUUID();
        const claim = await claimIdempotencyKey(trx, {
          scope: `document.register:${actor.userId}`,
          key: idempotencyKey,
          fingerprint: fingerprintOf({ input, sha: file.sha256 }),
          resourceId: documentId,
          now,
        });
        if (claim.kind === 'replay') {
          const [entry] = await incomingStore.listOfDocument(trx, claim.resourceId);
          if (!entry) throw E.incomingNotFound();
          return { entry, created: false };
        }
        const document = await documentStore.insert(trx, {
          id: documentId,
          origin: 'external',
          agencyId: agency.id,
          issuerName: input.issuerName,
          state: 'registered',
          typeKey: type.key,
          summary: input.summary,
          urgency: input.urgency,
          language: input.language,
          pages: file.pages,
          number: input.number,
          symbol: input.symbol,
          issuedOn: input.issuedOn,
          signerName: input.signerName,
          signerPosition: input.signerPosition,
          dueOn: input.dueOn,
          pdfSha256: file.sha256,
          issuedSha256: file.sha256,
          pdfText: file.text,
          searchText: searchTextOf({ ...input, typeName: type.name, pdfText: file.text }),
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        });
        const today = core.localDate(now);
        const registers = await core.registersOf(
          trx,
          agency.id,
          'incoming',
          Number(today.slice(0, 4)),
        );
        const register = core.seriesFor(registers, type.key);
        const number = await registerStore.takeNumber(trx, register.id, now);
        const entry = await incomingStore.insert(trx, {
          documentId,
          agencyId: agency.id,
          registerId: register.id,
          number,
          source: input.source,
          senderAgencyId: null,
          receivedAt: now,
          receivedOn: today,
          validation: JSON.stringify(report),
          isValid: report.verdict === 'unsigned' ? null : report.verdict === 'valid',
          createdBy: actor.userId,
          updatedAt: now,
        });
        await core.record(trx, ctx, {
          document,
          incomingId: entry.id,
          agencyId: agency.id,
          action: 'register',
          data: { number, registerId: register.id, source: input.source, verdict: report.verdict },
        });
        return { entry, created: true };
      });
    },

    /** The read receipt: the first opening by an official of the receiving agency. */
    async markRead(ctx: RequestContext, e: IncomingRow): Promise<void> {
      const actor = ctx.actor!;
      if (e.readAt || !actor.agencyId) return;
      if (!(await deps.agencies.isWithin(db, actor.agencyId, [e.agencyId]))) return;
      await db.transaction().execute(async (trx) => {
        if (
          !(await incomingStore.markRead(
            trx,
            e.id,
            { userId: actor.userId, name: actor.fullName },
            clock.now(),
          ))
        ) {
          return;
        }
        const d = await documentStore.find(trx, e.documentId);
        if (d)
          await core.record(trx, ctx, {
            document: d,
            incomingId: e.id,
            agencyId: e.agencyId,
            action: 'read',
          });
      });
    },

    /** An invalid electronic document goes back to its sender, with the reason. */
    async returnToSender(ctx: RequestContext, id: string, reason: string): Promise<IncomingRow> {
      const actor = ctx.actor!;
      return db.transaction().execute(async (trx) => {
        const e = await visibleEntry(trx, actor, await incomingStore.lock(trx, id));
        if (!(await core.inScope(trx, actor, e.agencyId, 'document.register')))
          throw E.notYourTurn();
        if (e.source !== 'platform' || !e.senderAgencyId) throw E.notFromPlatform();
        const state = nextIncomingState(e.state, 'return');
        const now = clock.now();
        const after = await incomingStore.update(trx, e.id, {
          state,
          returnedAt: now,
          returnReason: reason,
          updatedAt: now,
        });
        const d = (await documentStore.find(trx, e.documentId))!;
        await core.record(trx, ctx, {
          document: d,
          incomingId: e.id,
          agencyId: e.agencyId,
          action: 'return_to_sender',
          note: reason,
        });
        await core.record(trx, ctx, {
          document: d,
          action: 'returned_by_recipient',
          note: reason,
          data: { incomingId: e.id, agencyId: e.agencyId },
        });
        const senders = [
          ...(await identity.listOfficialsWith(trx, e.senderAgencyId, 'document.issue')),
          ...(d.signerUserId ? [{ id: d.signerUserId }] : []),
          ...(d.drafterUserId ? [{ id: d.drafterUserId }] : []),
        ];
        await notify.notifyMany(
          trx,
          [...new Set(senders.map((s) => s.id))].map((userId) => ({
            userId,
            email: null,
            title: `Văn bản ${d.symbol} bị trả lại`,
            body: `Cơ quan nhận đã trả lại văn bản ${d.symbol} (${d.summary}). Lý do: ${reason}`,
            link: `/documents/outgoing/${d.id}`,
            dedupeKey: `document.returned:${e.id}:${userId}`,
          })),
        );
        return after;
      });
    },
  };
}
export type IncomingUseCases = ReturnType<typeof createIncomingUseCases>;
