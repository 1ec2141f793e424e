import type { Actor } from '../../../../platform/http/access.js';
import { scopesOf } from '../../../../platform/http/access.js';
import type { Agency } from '../../../agencies/index.js';
import { recordErrors as E } from '../errors.js';
import * as fileStore from '../store/files.js';
import * as planStore from '../store/plans.js';
import type { FilePlanRow, RecordFileRow } from '../store/tables.js';
import type { Ex, RecordDeps } from './deps.js';

export const READ = 'document.read';
export const MANAGE = 'document.records';

/**
 * Who may see and manage records: `document.read` reads, `document.records` (the clerk)
 * manages, both within the agency subtrees they were granted on; outside them, 404.
 */
export function createRecordAccess({ agencies }: Pick<RecordDeps, 'agencies'>) {
  async function inScope(ex: Ex, actor: Actor, agencyId: string, permission: string) {
    const scopes = scopesOf(actor, permission);
    return scopes.length > 0 && agencies.isWithin(ex, agencyId, scopes);
  }

  return {
    inScope,

    /** The agency a request acts for: given, or the actor's own; 404 outside the scope. */
    async actingAgency(
      ex: Ex,
      actor: Actor,
      agencyId: string | undefined,
      permission: string,
    ): Promise<Agency> {
      const id = agencyId ?? actor.agencyId;
      if (!id || !(await inScope(ex, actor, id, permission))) throw E.planNotFound();
      return agencies.getAgency(ex, id);
    },

    /** One agency when asked (in scope, else 404), else every agency the actor reads. */
    async readableAgencyIds(ex: Ex, actor: Actor, agencyId: string | undefined) {
      if (agencyId) {
        if (!(await inScope(ex, actor, agencyId, READ))) throw E.planNotFound();
        return [agencyId];
      }
      return agencies.subtreeIds(ex, scopesOf(actor, READ));
    },

    async plan(ex: Ex, actor: Actor, id: string, permission: string): Promise<FilePlanRow> {
      const p = await planStore.findPlan(ex, id);
      if (!p || !(await inScope(ex, actor, p.agencyId, permission))) throw E.planNotFound();
      return p;
    },

    /** The file (locked when `lock`, inside the caller's transaction); 404 outside scope. */
    async file(
      ex: Ex,
      actor: Actor,
      id: string,
      permission: string,
      lock = false,
    ): Promise<RecordFileRow> {
      const f = lock ? await fileStore.lockFile(ex, id) : await fileStore.findFile(ex, id);
      if (!f || !(await inScope(ex, actor, f.agencyId, permission))) throw E.fileNotFound();
      return f;
    },
  };
}
export type RecordAccess = ReturnType<typeof createRecordAccess>;
