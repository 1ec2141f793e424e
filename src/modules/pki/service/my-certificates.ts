import type { Actor } from '../../../platform/http/access.js';
import { pkiErrors as E } from '../errors.js';
import type { Certificate, SetPinInput } from '../schema.js';
import * as store from '../store/certificates.js';
import type { ActorCtx, PkiDeps } from './deps.js';
import type { Recorder } from './issue-core.js';
import { hashPin, type PinGuard } from './pin.js';
import { certificateView, MAX_PIN_FAILURES } from './views.js';

/** The holder's own certificates and the PIN of their platform-held key. */
export function createMyCertificates(
  deps: Pick<PkiDeps, 'db' | 'clock' | 'identity'>,
  record: Recorder,
  pins: PinGuard,
) {
  const { db, clock, identity } = deps;

  return {
    async listMine(actor: Actor): Promise<{ items: Certificate[] }> {
      const rows = await store.listCertificates(db, {
        agencyIds: null,
        userId: actor.userId,
        limit: 200,
      });
      const now = clock.now();
      return { items: rows.map((r) => certificateView(r, now, pins.failuresOf(r))) };
    },

    /**
     * Sets (first time) or changes the PIN: the current PIN when there is one, and a TOTP
     * code either way. A locked PIN is reset by the department admin first.
     */
    async setPin(ctx: ActorCtx, id: string, input: SetPinInput): Promise<Certificate> {
      const found = await store.findCertificate(db, id);
      if (!found || found.userId !== ctx.actor.userId) throw E.notFound();
      if (found.keyKind !== 'remote') throw E.notRemote();
      if (!['active', 'suspended'].includes(found.status)) {
        throw E.wrongStatus(found.status, ['active', 'suspended']);
      }
      if (found.pinHash) {
        if (!input.currentPin) throw E.pinWrong(MAX_PIN_FAILURES - pins.failuresOf(found));
        await pins.check(found, input.currentPin);
      }
      const pinHash = await hashPin(input.pin);
      return db.transaction().execute(async (trx) => {
        const before = await store.findCertificate(trx, id, { lock: true });
        if (!before || before.pinHash !== found.pinHash) throw E.wrongStatus('changed', []);
        await identity.verifySecondFactor(trx, ctx.actor.userId, input.otp);
        const now = clock.now();
        const after = await store.updateCertificate(trx, id, {
          pinHash,
          pinFailures: 0,
          updatedAt: now,
        });
        pins.forget(id);
        await record(trx, ctx, 'set_pin', before, after, { at: now });
        return certificateView(after, now);
      });
    },
  };
}
