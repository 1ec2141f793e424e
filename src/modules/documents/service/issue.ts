import { randomBytes } from 'node:crypto';
import type { RequestContext } from '../../../platform/context.js';
import { findDocumentType } from '../catalogue.js';
import * as documentStore from '../store/documents.js';
import * as registerStore from '../store/registers.js';
import type { DocumentRow } from '../store/tables.js';
import { datePartsOf, formatNumber, symbolOf } from '../symbols.js';
import { nextOutgoingState } from '../workflow.js';
import type { Core } from './core.js';
import { createDelivery } from './deliver.js';
import type { DocumentDeps } from './deps.js';
import { searchTextOf } from './draft-check.js';
import { documentErrors as E } from './errors.js';
import type { Intake } from './intake.js';

/** The public page a printed QR code opens. */
export function verifyUrlOf(publicUrl: string | undefined, code: string): string {
  return `${(publicUrl ?? '').replace(/\/+$/, '')}/verify/${code}`;
}

/**
 * Issuance (phát hành) by the clerk of the issuing agency, in ONE transaction: the next number
 * of the register of the year, the number, date and QR stamps with the agency's signature, the
 * delivery to every recipient. Any failure rolls all of it back: no number used, nothing sent.
 */
export function createIssueUseCase(deps: DocumentDeps, core: Core, intake: Intake) {
  const { db, clock, files, pki, agencies, config } = deps;
  const deliver = createDelivery(deps, core);

  return {
    async issue(ctx: RequestContext, id: string): Promise<DocumentRow> {
      const actor = ctx.actor!;
      const seen = await core.visibleDocument(db, actor, await documentStore.find(db, id));
      if (!(await core.inScope(db, actor, seen.agencyId, 'document.issue'))) throw E.notFound();
      nextOutgoingState(seen.state, 'issue');
      const signed = new Uint8Array(await files.read(seen.signedSha256!));
      const code = randomBytes(18).toString('base64url');
      const verifyUrl = verifyUrlOf(config.publicUrl, code);
      return db.transaction().execute(async (trx) => {
        const d = await core.visibleDocument(trx, actor, await documentStore.lock(trx, id));
        const next = nextOutgoingState(d.state, 'issue');
        if (d.signedSha256 !== seen.signedSha256) throw E.notYourTurn();
        const now = clock.now();
        const today = core.localDate(now);
        const year = Number(today.slice(0, 4));
        const register = core.seriesFor(
          await core.registersOf(trx, d.agencyId, 'outgoing', year),
          d.typeKey,
        );
        const number = await registerStore.takeNumber(trx, register.id, now);
        const symbol = symbolOf(number, d.symbolTail!);
        const agency = await agencies.getAgency(trx, d.agencyId);
        const issued = await pki.signAsAgency(trx, actor, {
          agencyId: d.agencyId,
          pdf: signed,
          layout: d.layout as Parameters<typeof pki.signAsAgency>[2]['layout'],
          reason: `Phát hành văn bản ${symbol}`,
          appearance: { kind: 'agency', agencyName: agency.name, lines: [symbol] },
          stamps: { number: formatNumber(number), date: datePartsOf(today), qrText: verifyUrl },
          ref: `document:${d.id}`,
        });
        const sha = await intake.storeSigned(issued.pdf);
        // The bytes were made just now: checked as signatures, not re-admitted as an upload.
        const report = await pki.validate(trx, issued.pdf, {
          ...(d.pages ? { ownOutput: { pages: d.pages } } : {}),
        });
        const type = findDocumentType(d.typeKey)!;
        const after = await documentStore.update(trx, d.id, {
          state: next,
          registerId: register.id,
          number,
          symbol,
          issuedOn: today,
          issuedAt: now,
          issuedSha256: sha,
          verifyCode: code,
          searchText: searchTextOf({ ...d, symbol, typeName: type.name }),
          updatedAt: now,
        });
        await core.record(trx, ctx, {
          document: after,
          action: 'issue',
          data: {
            number,
            registerId: register.id,
            year,
            certificateId: issued.certificateId,
            signatureDigest: issued.signatureDigest,
          },
        });
        if (d.replacesId) {
          const old = await documentStore.update(trx, d.replacesId, {
            replacedById: d.id,
            updatedAt: now,
          });
          await core.record(trx, ctx, {
            document: old,
            action: 'replace',
            data: { by: d.id, symbol },
          });
        }
        await deliver(trx, ctx, after, { report, isValid: report.verdict === 'valid' }, verifyUrl);
        return after;
      });
    },
  };
}
