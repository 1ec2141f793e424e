import type { RequestContext } from '../../../platform/context.js';
import { findDocumentType } from '../catalogue.js';
import type { SaveRegisterInput } from '../schema.js';
import * as registerStore from '../store/registers.js';
import type { RegisterRow } from '../store/tables.js';
import type { Core } from './core.js';
import type { DocumentDeps } from './deps.js';
import { documentErrors as E } from './errors.js';

/**
 * The clerk's configuration of registers: a separate series (e.g. decisions, regulations) or
 * a renamed one, for a year (the current one by default). Later years start from it.
 */
export function createRegisterUseCases(deps: DocumentDeps, core: Core) {
  const { db, clock, audit } = deps;

  return {
    async save(ctx: RequestContext, input: SaveRegisterInput): Promise<RegisterRow> {
      const actor = ctx.actor!;
      const agency = await core.actingAgency(db, actor, input.agencyId, 'document.register');
      if (input.series === 'default' && input.typeKeys.length > 0) throw E.defaultSeriesFixed();
      for (const key of input.typeKeys) if (!findDocumentType(key)) throw E.unknownType(key);
      const year = input.year ?? Number(core.localDate(clock.now()).slice(0, 4));
      return db.transaction().execute(async (trx) => {
        const rows = await core.registersOf(trx, agency.id, input.kind, year);
        for (const key of input.typeKeys) {
          if (rows.some((r) => r.series !== input.series && r.typeKeys.includes(key))) {
            throw E.seriesTypeTaken(key);
          }
        }
        const now = clock.now();
        const existing = rows.find((r) => r.series === input.series);
        const row = existing
          ? await registerStore.updateSeries(trx, existing.id, input, now)
          : (await registerStore.insertSeries(trx, agency.id, input.kind, year, [input], now),
            (await registerStore.listOfYear(trx, agency.id, input.kind, year)).find(
              (r) => r.series === input.series,
            )!);
        await audit.record(trx, ctx, {
          action: existing ? 'document.register_update' : 'document.register_create',
          targetType: 'document_register',
          targetId: row.id,
          agencyId: agency.id,
          before: existing ? { name: existing.name, typeKeys: existing.typeKeys } : null,
          after: {
            kind: row.kind,
            year,
            series: row.series,
            name: row.name,
            typeKeys: row.typeKeys,
          },
        });
        return row;
      });
    },
  };
}
