import type { Actor } from '../../../../platform/http/access.js';
import { localDateOf } from '../../../calendar/index.js';
import type { ArchiveTransferList, ArchiveTransferQuery } from '../schema.js';
import * as fileStore from '../store/files.js';
import { READ, type RecordAccess } from './access.js';
import type { RecordDeps } from './deps.js';
import { fileSummary } from './views.js';

/** The same day `years` later ('YYYY-MM-DD'); 29 February becomes 28 February off leap years. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${year}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The archive-transfer list (nộp lưu vào Lưu trữ cơ quan): closed files not yet handed over
 * whose retention is 5 years or more (shorter ones stay with the unit), each due one year
 * after the day it was closed — the end of the work. Construction files (3 months after the
 * settlement) are not told apart.
 */
export function createTransferList(deps: RecordDeps, access: RecordAccess) {
  const { db, clock, config } = deps;

  return async function archiveTransfers(
    actor: Actor,
    query: ArchiveTransferQuery,
  ): Promise<ArchiveTransferList> {
    const agency = await access.actingAgency(db, actor, query.agencyId, READ);
    const today = localDateOf(clock.now(), config.timeZone);
    const until = query.until ?? addYears(today, 1);
    const page = await fileStore.listFiles(db, {
      agencyIds: [agency.id],
      transferDueClosedBy: addYears(until, -1),
      limit: 10_000,
      offset: 0,
    });
    return {
      agencyId: agency.id,
      until,
      items: page.rows.map((r) => {
        const dueOn = addYears(r.closedOn!, 1);
        return { ...fileSummary(r), dueOn, isOverdue: dueOn < today };
      }),
    };
  };
}
