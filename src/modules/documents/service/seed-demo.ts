import type { RequestContext } from '../../../platform/context.js';
import type { AnyDb } from '../../../platform/db/connect.js';
import * as registerStore from '../store/registers.js';
import type { Core } from './core.js';
import type { DocumentDeps } from './deps.js';

/**
 * Demo registers (idempotent): outgoing and incoming registers of the demo agencies (the
 * Department of Information and Communications, the communes Long Đức and Phường 1) for the
 * current year and 2021, the year of the reference report.
 */
export function createSeedDemo(deps: DocumentDeps, core: Core) {
  const { agencies, clock, audit } = deps;

  return async function seedDemo(db: AnyDb, ctx: RequestContext): Promise<void> {
    const found = [
      await agencies.findByAbbreviation(db, 'STTTT'),
      await agencies.findByGsoCode(db, '29263'),
      await agencies.findByGsoCode(db, '29239'),
    ].filter((a) => a !== undefined);
    if (found.length === 0) return;
    const years = [...new Set([2021, Number(core.localDate(clock.now()).slice(0, 4))])];
    await db.transaction().execute(async (trx) => {
      let created = 0;
      for (const agency of found) {
        for (const year of years) {
          for (const kind of ['outgoing', 'incoming'] as const) {
            if ((await registerStore.listOfYear(trx, agency.id, kind, year)).length > 0) continue;
            created += (await core.registersOf(trx, agency.id, kind, year)).length;
          }
        }
      }
      if (created > 0) {
        await audit.record(trx, ctx, {
          action: 'document.seed',
          targetType: 'document_register',
          targetId: found[0]!.id,
          after: { registers: created, years },
        });
      }
    });
  };
}
