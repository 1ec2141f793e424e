import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/http/access.js';
import { claimIdempotencyKey, fingerprintOf } from '../../../platform/idempotency.js';
import { composeDocumentPdf } from '../compose/index.js';
import type { ComposeDraftInput, ReviseComposeInput, UploadDraftInput } from '../schema.js';
import * as documentStore from '../store/documents.js';
import * as incomingStore from '../store/incoming.js';
import type { DocumentRow } from '../store/tables.js';
import { nextOutgoingState } from '../workflow.js';
import type { Core } from './core.js';
import type { DocumentDeps, Trx } from './deps.js';
import {
  type CheckedDraft,
  createDraftCheck,
  refuseClassified,
  searchTextOf,
} from './draft-check.js';
import { documentErrors as E } from './errors.js';
import type { AdmittedPdf, Intake } from './intake.js';

export type UploadedFile = { data: Uint8Array; fileName: string };

const fileNameOf = (c: CheckedDraft) =>
  `${c.type.name} - ${c.fields.summary}`.slice(0, 120) + '.pdf';

/**
 * Drafting (soạn thảo): a draft from the browser form (composed to the Decree 30 layout) or
 * from an uploaded PDF/DOCX, and new versions of it (after a return). Checks and the PDF work
 * happen before the transaction; the transaction records the rows, history and audit.
 */
export function createDraftUseCases(deps: DocumentDeps, core: Core, intake: Intake) {
  const { db, clock } = deps;
  const checks = createDraftCheck(deps, core);

  async function prepare(actor: Actor, input: UploadDraftInput) {
    refuseClassified(input);
    const agency = await core.actingAgency(db, actor, input.agencyId, 'document.draft');
    const checked = await checks.check(db, actor, agency, input, null);
    await checks.checkReplaces(db, agency.id, input.replacesId);
    return checked;
  }

  async function composePdf(
    c: CheckedDraft,
    input: Pick<ComposeDraftInput, 'body' | 'extraRecipientLines'>,
  ) {
    const now = clock.now();
    const pdf = await composeDocumentPdf(
      await checks.composeInput(db, c, input.body, input.extraRecipientLines, now),
    );
    return intake.admitComposed(pdf, fileNameOf(c));
  }

  async function create(
    ctx: RequestContext,
    input: UploadDraftInput,
    c: CheckedDraft,
    file: AdmittedPdf,
    compose: ComposeDraftInput | null,
    idempotencyKey: string,
  ): Promise<{ document: DocumentRow; created: boolean }> {
    const actor = ctx.actor!;
    return db.transaction().execute(async (trx) => {
      const now = clock.now();
      const id = randomUUID();
      const claim = await claimIdempotencyKey(trx, {
        scope: `document.draft:${actor.userId}`,
        key: idempotencyKey,
        fingerprint: fingerprintOf({ input, sha: compose ? null : file.sha256 }),
        resourceId: id,
        now,
      });
      if (claim.kind === 'replay') {
        const existing = await documentStore.find(trx, claim.resourceId);
        if (!existing) throw E.notFound();
        return { document: existing, created: false };
      }
      const document = await documentStore.insert(trx, {
        id,
        origin: 'internal',
        agencyId: c.agency.id,
        issuerName: c.agency.name,
        state: 'draft',
        ...rowFields(c, file),
        compose: compose
          ? JSON.stringify({ body: compose.body, extraRecipientLines: compose.extraRecipientLines })
          : null,
        replacesId: input.replacesId,
        drafterUserId: actor.userId,
        drafterName: actor.fullName,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      await documentStore.insertVersion(trx, versionRow(id, 1, file, actor.userId, now, null));
      await incomingStore.insertRecipients(trx, id, c.recipients);
      await documentStore.relate(trx, id, input.relatedIds);
      await core.record(trx, ctx, {
        document,
        action: 'draft',
        data: { version: 1, source: file.source, typeKey: c.type.key },
      });
      return { document, created: true };
    });
  }

  /** A new version: the drafter, while the document is a draft or was returned. */
  async function revise(
    ctx: RequestContext,
    id: string,
    build: (c: CheckedDraft) => Promise<AdmittedPdf>,
    fields: (d: DocumentRow) => Promise<UploadDraftInput>,
    compose: ((d: DocumentRow) => ComposeDraftInput) | null,
    note: string | null,
  ): Promise<DocumentRow> {
    const actor = ctx.actor!;
    const before = await core.visibleDocument(db, actor, await documentStore.find(db, id));
    nextOutgoingState(before.state, 'revise');
    if (before.drafterUserId !== actor.userId) throw E.notYourTurn();
    const input = await fields(before);
    const agency = await deps.agencies.getAgency(db, before.agencyId);
    const c = await checks.check(db, actor, agency, input, before.id);
    const file = await build(c);
    return db.transaction().execute(async (trx: Trx) => {
      const d = await core.visibleDocument(trx, actor, await documentStore.lock(trx, id));
      nextOutgoingState(d.state, 'revise');
      const now = clock.now();
      const version = d.currentVersion + 1;
      const composed = compose?.(d);
      const after = await documentStore.update(trx, d.id, {
        ...rowFields(c, file),
        // The form's body belongs to a composed version only: an uploaded one replaces it.
        compose: composed
          ? JSON.stringify({
              body: composed.body,
              extraRecipientLines: composed.extraRecipientLines,
            })
          : null,
        currentVersion: version,
        updatedAt: now,
      });
      await documentStore.insertVersion(
        trx,
        versionRow(d.id, version, file, actor.userId, now, note),
      );
      await incomingStore.replaceRecipients(trx, d.id, c.recipients);
      await documentStore.relate(trx, d.id, input.relatedIds);
      await core.record(trx, ctx, { document: after, action: 'revise', note, data: { version } });
      return after;
    });
  }

  return {
    async createComposed(ctx: RequestContext, input: ComposeDraftInput, idempotencyKey: string) {
      const c = await prepare(ctx.actor!, input);
      const file = await composePdf(c, input);
      return create(ctx, input, c, file, input, idempotencyKey);
    },

    async createUploaded(
      ctx: RequestContext,
      input: UploadDraftInput,
      upload: UploadedFile,
      idempotencyKey: string,
    ) {
      const c = await prepare(ctx.actor!, input);
      const file = await intake.admitUpload(upload.data, upload.fileName);
      return create(ctx, input, c, file, null, idempotencyKey);
    },

    /** Recomposes a composed draft from the edited form. */
    async reviseComposed(
      ctx: RequestContext,
      id: string,
      input: ReviseComposeInput,
      note: string | null,
    ) {
      return revise(
        ctx,
        id,
        (c) => composePdf(c, input),
        async () => ({ ...input, agencyId: undefined, replacesId: null }),
        () => ({ ...input, replacesId: null }),
        note,
      );
    },

    /** A new uploaded file, with edited metadata or the current one. */
    async reviseUploaded(
      ctx: RequestContext,
      id: string,
      input: Omit<UploadDraftInput, 'agencyId' | 'replacesId'> | null,
      upload: UploadedFile,
    ) {
      if (input) refuseClassified(input);
      return revise(
        ctx,
        id,
        () => intake.admitUpload(upload.data, upload.fileName),
        async (d) => (input ? { ...input, replacesId: null } : await fieldsOf(d)),
        null,
        null,
      );
    },
  };

  /** The current metadata of a draft as draft input (an upload without new metadata). */
  async function fieldsOf(d: DocumentRow): Promise<UploadDraftInput> {
    const recipients = await incomingStore.listRecipients(db, d.id);
    const related = await documentStore.listRelated(db, d.id);
    return {
      typeKey: d.typeKey,
      summary: d.summary,
      urgency: d.urgency,
      confidentiality: 'normal',
      language: d.language,
      authority: d.authority,
      headTitle: d.headTitle,
      signerUserId: d.signerUserId!,
      signerPosition: d.signerPosition ?? '',
      draftingUnit: d.draftingUnit,
      ...(d.place ? { place: d.place } : {}),
      dueOn: d.dueOn,
      recipients: recipients.map((r) =>
        r.agencyId ? { agencyId: r.agencyId } : { name: r.name, email: r.email! },
      ),
      relatedIds: related.map((r) => r.id),
      replacesId: null,
    };
  }
}

function rowFields(c: CheckedDraft, file: AdmittedPdf) {
  const f = c.fields;
  return {
    typeKey: c.type.key,
    summary: f.summary,
    urgency: f.urgency,
    language: f.language,
    pages: file.pages,
    place: c.place,
    symbolTail: c.symbolTail,
    authority: f.authority,
    headTitle: f.headTitle,
    signerUserId: f.signerUserId,
    signerName: c.signerName,
    signerPosition: f.signerPosition,
    draftingUnit: f.draftingUnit,
    dueOn: f.dueOn,
    pdfSha256: file.sha256,
    pdfText: file.text,
    searchText: searchTextOf({
      summary: f.summary,
      issuerName: c.agency.name,
      typeName: c.type.name,
      signerName: c.signerName,
      pdfText: file.text,
    }),
  };
}

function versionRow(
  documentId: string,
  version: number,
  file: AdmittedPdf,
  userId: string,
  now: Date,
  note: string | null,
) {
  return {
    documentId,
    version,
    source: file.source,
    sha256: file.sha256,
    sizeBytes: file.size,
    pages: file.pages,
    originalSha256: file.originalSha256,
    fileName: file.fileName,
    note,
    createdBy: userId,
    createdAt: now,
  };
}
