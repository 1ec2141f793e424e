import type { NotifyInput } from '../../notify/index.js';
import { addDays, localInstant } from '../../calendar/index.js';
import * as documentStore from '../store/documents.js';
import * as incomingStore from '../store/incoming.js';
import type { Core } from './core.js';
import type { DocumentDeps } from './deps.js';

export type ReminderRun = { dueSoon: number; overdue: number };

/**
 * The deadline sweep (a job the app runs, e.g. each morning): for every open incoming entry,
 * one reminder on the working day before its deadline and one on the day after it passed, to
 * the lead (or the lead unit's leaders), the coordinators and the leader who directed it.
 * Idempotent: each reminder has a dedupe key naming the entry, the deadline and the person,
 * so running it twice a day (or on two nodes) notifies once.
 */
export function createReminders(deps: DocumentDeps, core: Core) {
  const { db, clock, calendar, identity, notify, config } = deps;

  return async function runReminders(now: Date = clock.now()): Promise<ReminderRun> {
    const today = core.localDate(now);
    // Deadlines up to two weeks ahead cover the working day before any of them.
    const entries = await incomingStore.openWithDeadlineBy(db, addDays(today, 14));
    const notices: NotifyInput[] = [];
    const run: ReminderRun = { dueSoon: 0, overdue: 0 };
    for (const e of entries) {
      const deadline = e.deadline!;
      let kind: 'due_soon' | 'overdue' | null = null;
      if (deadline < today) kind = 'overdue';
      else if (deadline > today) {
        const noon = localInstant(deadline, 12, config.timeZone);
        if ((await calendar.workingDaysBetween(db, now, noon)) === 1) kind = 'due_soon';
      }
      if (!kind) continue;
      run[kind === 'overdue' ? 'overdue' : 'dueSoon']++;
      const d = await documentStore.find(db, e.documentId);
      if (!d) continue;
      const people = new Set<string>(e.coordinatorUserIds);
      if (e.leadUserId) people.add(e.leadUserId);
      else if (e.leadAgencyId) {
        for (const u of await identity.listOfficialsWith(db, e.leadAgencyId, 'document.direct')) {
          people.add(u.id);
        }
      }
      if (e.directedBy) people.add(e.directedBy);
      const title =
        kind === 'overdue'
          ? `Quá hạn xử lý văn bản ${d.symbol ?? ''} (hạn ${deadline})`
          : `Sắp đến hạn xử lý văn bản ${d.symbol ?? ''} (hạn ${deadline})`;
      for (const userId of people) {
        notices.push({
          userId,
          email: null,
          title: title.slice(0, 200),
          body: d.summary,
          link: `/documents/incoming/${e.id}`,
          dedupeKey: `document.reminder:${kind}:${e.id}:${deadline}:${userId}`,
        });
      }
    }
    if (notices.length > 0) {
      await db.transaction().execute((trx) => notify.notifyMany(trx, notices));
    }
    return run;
  };
}
