import type { RequestContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/http/access.js';
import { searchErrors as E } from './errors.js';
import * as savedStore from './saved-store.js';
import type { SavedSearchRow } from './saved-store.js';
import {
  type SavedSearchView,
  SearchCriteria,
  type SaveSearchInput,
  type SearchPage,
} from './schema.js';
import type { SearchDeps, SearchUseCase } from './service.js';

export const MAX_SAVED_SEARCHES = 50;

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505';

function view(r: SavedSearchRow): SavedSearchView {
  const parsed = SearchCriteria.safeParse(r.query);
  if (!parsed.success) throw E.savedOutdated();
  return { id: r.id, name: r.name, criteria: parsed.data, createdAt: r.createdAt };
}

/** A user's saved searches: kept with a name, run again on demand (own ones only). */
export function createSavedSearches({ db, clock, audit }: SearchDeps, search: SearchUseCase) {
  return {
    async list(actor: Actor) {
      const rows = await savedStore.listSaved(db, actor.userId);
      return {
        items: rows.flatMap((r) => {
          const parsed = SearchCriteria.safeParse(r.query);
          return parsed.success
            ? [{ id: r.id, name: r.name, criteria: parsed.data, createdAt: r.createdAt }]
            : [];
        }),
      };
    },

    async create(ctx: RequestContext, input: SaveSearchInput): Promise<SavedSearchView> {
      const actor = ctx.actor!;
      try {
        return await db.transaction().execute(async (trx) => {
          if ((await savedStore.countSaved(trx, actor.userId)) >= MAX_SAVED_SEARCHES)
            throw E.savedLimit(MAX_SAVED_SEARCHES);
          const row = await savedStore.insertSaved(trx, {
            userId: actor.userId,
            name: input.name,
            query: input.criteria,
            createdAt: clock.now(),
          });
          await audit.record(trx, ctx, {
            action: 'document.saved_search_create',
            targetType: 'saved_search',
            targetId: row.id,
            agencyId: actor.agencyId,
            after: { name: row.name, criteria: input.criteria },
          });
          return view(row);
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw E.savedNameTaken();
        throw err;
      }
    },

    async remove(ctx: RequestContext, id: string): Promise<void> {
      const actor = ctx.actor!;
      await db.transaction().execute(async (trx) => {
        const row = await savedStore.findSaved(trx, actor.userId, id);
        if (!row) throw E.savedNotFound();
        await savedStore.deleteSaved(trx, row.id);
        await audit.record(trx, ctx, {
          action: 'document.saved_search_delete',
          targetType: 'saved_search',
          targetId: row.id,
          agencyId: actor.agencyId,
          before: { name: row.name },
        });
      });
    },

    /** Runs it with the reader's scope of today (not of the day it was saved). */
    async run(
      actor: Actor,
      id: string,
      paging: { limit: number; offset: number },
    ): Promise<SearchPage> {
      const row = await savedStore.findSaved(db, actor.userId, id);
      if (!row) throw E.savedNotFound();
      return search(actor, { ...view(row).criteria, ...paging });
    },
  };
}
