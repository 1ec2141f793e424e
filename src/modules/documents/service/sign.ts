import type { RequestContext } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { PdfNotPreparable, preparePdf } from '../../../platform/pades/index.js';
import type { SignInput } from '../schema.js';
import * as documentStore from '../store/documents.js';
import type { DocumentRow } from '../store/tables.js';
import { nextOutgoingState } from '../workflow.js';
import type { Core } from './core.js';
import type { DocumentDeps } from './deps.js';
import { documentErrors as E } from './errors.js';
import type { Intake } from './intake.js';

const notPreparable = () =>
  new DomainError('conflict', 'document.not_signable', {
    vi: 'Không chuẩn bị được tệp PDF để ký số (tệp đã có chữ ký hoặc cấu trúc không hỗ trợ).',
    en: 'The PDF cannot be prepared for signing (already signed, or an unsupported structure).',
  });

/** The signing-authority line and position under the signature ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"). */
export function signatureLines(d: DocumentRow): string[] {
  return [
    ...(d.authority && d.headTitle ? [`${d.authority} ${d.headTitle}`] : []),
    ...(d.signerPosition ? [d.signerPosition] : []),
  ];
}

/**
 * The designated leader signs the approved version with their personal certificate (PIN +
 * TOTP). The PDF is prepared once (stamp font, anchors) before the transaction; the layout is
 * kept for the clerk's stamps and agency signature at issuance.
 */
export function createSignUseCase(deps: DocumentDeps, core: Core, intake: Intake) {
  const { db, clock, files, pki, identity, notify } = deps;

  return {
    async sign(ctx: RequestContext, id: string, input: SignInput): Promise<DocumentRow> {
      const actor = ctx.actor!;
      const seen = await core.visibleDocument(db, actor, await documentStore.find(db, id));
      nextOutgoingState(seen.state, 'sign');
      if (seen.signerUserId !== actor.userId) throw E.notYourTurn();
      const source = await files.read(seen.pdfSha256);
      let prepared;
      try {
        prepared = await preparePdf(new Uint8Array(source), { signerName: seen.signerName ?? '' });
      } catch (error) {
        if (error instanceof PdfNotPreparable) throw notPreparable();
        throw error;
      }
      return db.transaction().execute(async (trx) => {
        const d = await core.visibleDocument(trx, actor, await documentStore.lock(trx, id));
        const next = nextOutgoingState(d.state, 'sign');
        if (d.signerUserId !== actor.userId) throw E.notYourTurn();
        if (d.pdfSha256 !== seen.pdfSha256) throw E.notYourTurn();
        const signed = await pki.signAsPerson(trx, actor, {
          pdf: prepared.pdf,
          layout: prepared.layout,
          pin: input.pin,
          otp: input.otp,
          reason: `Ký ban hành: ${d.summary}`.slice(0, 200),
          appearance: {
            kind: 'person',
            fullName: d.signerName ?? actor.fullName,
            lines: signatureLines(d),
          },
          ref: `document:${d.id}`,
        });
        const sha = await intake.storeSigned(signed.pdf);
        const after = await documentStore.update(trx, d.id, {
          state: next,
          signedSha256: sha,
          signedAt: signed.signedAt,
          layout: JSON.stringify(prepared.layout),
          updatedAt: clock.now(),
        });
        await core.record(trx, ctx, {
          document: after,
          action: 'sign',
          data: { certificateId: signed.certificateId, signatureDigest: signed.signatureDigest },
        });
        const clerks = await identity.listOfficialsWith(trx, d.agencyId, 'document.issue');
        await notify.notifyMany(
          trx,
          clerks.map((c) => ({
            userId: c.id,
            email: null,
            title: `Văn bản chờ phát hành: ${d.summary}`.slice(0, 200),
            body: `${d.signerName ?? ''} đã ký số văn bản; văn thư cho số và phát hành.`,
            link: `/documents/outgoing/${d.id}`,
            dedupeKey: `document.signed:${d.id}:${c.id}`,
          })),
        );
        return after;
      });
    },
  };
}
