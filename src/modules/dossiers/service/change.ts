import type { RawBuilder } from 'kysely';
import type { RequestContext } from '../../../platform/context.js';
import { factDelta, factsOf } from '../stats-facts.js';
import * as dossierStore from '../store/dossiers.js';
import type { DossierPatch } from '../store/dossiers.js';
import * as eventStore from '../store/events.js';
import { NO_SECTOR, type StatDelta, deltaStatements } from '../store/stats.js';
import type { DossierRow } from '../store/tables.js';
import { type DossierAction, publicStates, stateNames } from '../workflow/index.js';
import type { DossierDeps, Trx } from './deps.js';
import type { Timing } from './timing.js';

export type ChangeEvent = {
  action:
    | DossierAction
    | 'create'
    | 'edit'
    | 'assign'
    | 'attach_file'
    | 'remove_file'
    | 'pay_fee'
    | 'rate';
  publicNote?: string | undefined;
  internalNote?: string | undefined;
  data?: Record<string, unknown>;
};

/**
 * The one way a dossier changes: the row, its history line (form 06), the statistics, the
 * audit record and the applicant's notification, all in the caller's transaction.
 */
export function createChangeRecorder(
  deps: Pick<DossierDeps, 'db' | 'clock' | 'audit' | 'notify'>,
  timing: Timing,
) {
  const { db, clock, audit, notify } = deps;
  type Pending = {
    events: eventStore.NewEvent[];
    stats: StatDelta[];
    audits: { ctx: RequestContext; entry: Parameters<typeof audit.record>[2] }[];
    /** The applicant hears of the last public state a transaction moves a dossier to. */
    notices: Map<string, Parameters<typeof notify.notify>[1]>;
    /** Other rows of the use case written with these (a filing's fees). */
    more: RawBuilder<unknown>[];
  };
  const pending = new WeakMap<Trx, Pending>();

  /**
   * A transaction of this module. The history lines, statistics and audit records of its
   * changes are kept and written just before commit, each kind in one statement whatever the
   * number of changes (a batch of filings is one transaction): fewer round trips, and the
   * audit chain's head row, locked until commit, is held for the shortest time.
   */
  async function transaction<T>(fn: (trx: Trx) => Promise<T>): Promise<T> {
    return db.transaction().execute(async (trx) => {
      const writes: Pending = { events: [], stats: [], audits: [], notices: new Map(), more: [] };
      pending.set(trx, writes);
      const result = await fn(trx);
      pending.delete(trx);
      await flush(trx, writes);
      return result;
    });
  }

  /**
   * Two round trips whatever the transaction changed: the history lines, statistics, notices
   * and other rows sent with the audit chain's head lock, then the audit links.
   */
  async function flush(trx: Trx, writes: Pending) {
    const rows = [
      eventStore.appendStatement(writes.events),
      ...deltaStatements(writes.stats),
      ...notify.notifyStatements([...writes.notices.values()]),
      ...writes.more,
    ].filter((w) => w !== null);
    await audit.recordMany(trx, writes.audits, rows);
  }

  function statsOf(before: DossierRow | null, after: DossierRow): StatDelta[] {
    const delta = factDelta(
      before ? factsOf(before, timing.localDay) : [],
      factsOf(after, timing.localDay),
    );
    const key = {
      agencyId: after.receivingAgencyId,
      procedureId: after.procedureId,
      sectorId: after.sectorId ?? NO_SECTOR,
      channel: after.channel,
    };
    return [...delta].map(([day, changes]) => ({ key, day, changes }));
  }

  function tell(writes: Pending, after: DossierRow, action: string, note: string | undefined) {
    if (!publicStates.includes(after.state)) return;
    const email = after.applicant.email ?? null;
    if (!after.applicantUserId && !email) return;
    const name = stateNames[after.state].vi;
    writes.notices.set(after.id, {
      userId: after.applicantUserId,
      email,
      title: `Hồ sơ ${after.code ?? ''}: ${name}`.replace('  ', ' '),
      body:
        `Hồ sơ "${after.procedureName}"${after.code ? ` mã ${after.code}` : ''} ` +
        `chuyển sang trạng thái "${name}".${note ? `\n${note}` : ''}`,
      link: `/portal/dossiers/${after.id}`,
      // One change of the row: its version and the action taken (a desk filing is two
      // actions on the first version).
      dedupeKey: `dossier:${after.id}:${after.rowVersion}:${action}`,
    });
  }

  return {
    transaction,

    /** A row of the use case's own, written with the transaction's changes (one round trip). */
    alsoWrite(trx: Trx, write: RawBuilder<unknown> | null): void {
      const writes = pending.get(trx);
      if (!writes) throw new Error('alsoWrite outside changes.transaction');
      if (write) writes.more.push(write);
    },

    /** Writes a change; `before` is the locked row (null when the dossier is being created). */
    async record(
      trx: Trx,
      ctx: RequestContext,
      before: DossierRow | null,
      after: DossierRow,
      event: ChangeEvent,
    ): Promise<DossierRow> {
      const actor = ctx.actor;
      // The history line names the step the action was taken at (form 06: who handed over).
      const stepIndex = before?.stepIndex ?? after.stepIndex;
      const step = after.workflow[stepIndex];
      const writes = pending.get(trx);
      if (!writes) throw new Error('a dossier change outside changes.transaction');
      writes.events.push({
        dossierId: after.id,
        action: event.action,
        fromState: before?.state ?? null,
        toState: after.state,
        stepIndex,
        stepKey: step?.key ?? null,
        actorUserId: actor?.userId ?? null,
        actorName: actor?.fullName ?? ctx.systemLabel ?? 'Hệ thống',
        actorAgencyId: actor?.agencyId ?? null,
        at: clock.now(),
        publicNote: event.publicNote || null,
        internalNote: event.internalNote || null,
        ...(event.data ? { data: event.data } : {}),
      });
      writes.stats.push(...statsOf(before, after));
      if (!before || before.state !== after.state)
        tell(writes, after, event.action, event.publicNote);
      writes.audits.push({
        ctx,
        entry: {
          action: `dossier.${event.action}`,
          targetType: 'dossier',
          targetId: after.id,
          agencyId: after.receivingAgencyId,
          before: before
            ? { state: before.state, stepIndex: before.stepIndex, code: before.code }
            : null,
          after: {
            state: after.state,
            stepIndex: after.stepIndex,
            code: after.code,
            ...(event.data ?? {}),
          },
        },
      });
      return after;
    },

    /** Updates the locked row and records the change. */
    async update(
      trx: Trx,
      ctx: RequestContext,
      before: DossierRow,
      patch: DossierPatch,
      event: ChangeEvent,
    ): Promise<DossierRow> {
      const after = await dossierStore.update(trx, before.id, { ...patch, updatedAt: clock.now() });
      return this.record(trx, ctx, before, after, event);
    },
  };
}
export type ChangeRecorder = ReturnType<typeof createChangeRecorder>;
