import type { RequestContext } from '../../../platform/context.js';
import type { NotifyInput } from '../../notify/index.js';
import * as incomingStore from '../store/incoming.js';
import * as registerStore from '../store/registers.js';
import type { DocumentRow } from '../store/tables.js';
import type { Core } from './core.js';
import type { DocumentDeps, Trx } from './deps.js';

/** The stored result of pki.validate and its verdict. */
export type SignatureCheck = { report: unknown; isValid: boolean };

/**
 * Delivery of an issued document, inside the issuing transaction: an incoming entry with the
 * next number of each recipient agency's incoming register (locked in agency order, so two
 * issuers delivering to the same agencies cannot deadlock), the clerks and leaders told;
 * outside addresses get an e-mail with the verification link through the outbox.
 */
export function createDelivery(deps: DocumentDeps, core: Core) {
  const { clock, identity, notify } = deps;

  return async function deliver(
    trx: Trx,
    ctx: RequestContext,
    d: DocumentRow,
    check: SignatureCheck,
    verifyUrl: string,
  ): Promise<void> {
    const now = clock.now();
    const today = core.localDate(now);
    const year = Number(today.slice(0, 4));
    const recipients = await incomingStore.listRecipients(trx, d.id);
    const notices: NotifyInput[] = [];
    const internal = recipients
      .filter((r) => r.agencyId !== null)
      .sort((a, b) => (a.agencyId! < b.agencyId! ? -1 : 1));
    for (const r of internal) {
      const agencyId = r.agencyId!;
      const registers = await core.registersOf(trx, agencyId, 'incoming', year);
      const register = core.seriesFor(registers, d.typeKey);
      const number = await registerStore.takeNumber(trx, register.id, now);
      const entry = await incomingStore.insert(trx, {
        documentId: d.id,
        agencyId,
        registerId: register.id,
        number,
        source: 'platform',
        senderAgencyId: d.agencyId,
        receivedAt: now,
        receivedOn: today,
        validation: JSON.stringify(check.report),
        isValid: check.isValid,
        createdBy: null,
        updatedAt: now,
      });
      await incomingStore.markDelivered(trx, r.id, entry.id, now);
      await core.record(trx, ctx, {
        document: d,
        incomingId: entry.id,
        agencyId,
        action: 'receive',
        data: { number, registerId: register.id, source: 'platform', isValid: check.isValid },
      });
      const readers = [
        ...(await identity.listOfficialsWith(trx, agencyId, 'document.register')),
        ...(await identity.listOfficialsWith(trx, agencyId, 'document.direct')),
      ];
      for (const u of new Map(readers.map((x) => [x.id, x])).values()) {
        notices.push({
          userId: u.id,
          email: null,
          title: `Văn bản đến số ${number}: ${d.symbol} — ${d.summary}`.slice(0, 200),
          body: `${d.issuerName} gửi văn bản ${d.symbol} (${d.summary}).`,
          link: `/documents/incoming/${entry.id}`,
          dedupeKey: `document.incoming:${entry.id}:${u.id}`,
        });
      }
    }
    for (const r of recipients.filter((x) => x.email !== null)) {
      notices.push({
        userId: null,
        email: r.email,
        title: `${d.issuerName}: văn bản ${d.symbol}`.slice(0, 200),
        body:
          `Kính gửi ${r.name},\n\n${d.issuerName} gửi văn bản số ${d.symbol} ngày ${d.issuedOn}: ` +
          `${d.summary}.\n\nTải văn bản và kiểm tra chữ ký số tại: ${verifyUrl}\n` +
          `(Download the document and check its digital signatures at the address above.)`,
        dedupeKey: `document.email:${d.id}:${r.id}`,
      });
      await incomingStore.markDelivered(trx, r.id, null, now);
    }
    await notify.notifyMany(trx, notices);
  };
}
