import type { RequestContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/http/access.js';
import type { ProcedureVersion } from '../../catalog/index.js';
import { timingOf } from '../stats-facts.js';
import { nextSequence } from '../store/counters.js';
import * as dossierStore from '../store/dossiers.js';
import type { DossierPatch } from '../store/dossiers.js';
import type { DossierRow, PaperSnapshot } from '../store/tables.js';
import { type DossierAction, transition } from '../workflow.js';
import { agencyOfStep, createAccess, positionOf } from './access.js';
import { type ChangeEvent, createChangeRecorder } from './change.js';
import type { DossierDeps, Trx } from './deps.js';
import { dossierErrors as E } from './errors.js';
import { createLookupSecrets } from './lookup-secret.js';
import { createTiming } from './timing.js';

/** What every use case shares: access rules, deadlines, the change recorder, codes. */
export function createCore(deps: DossierDeps) {
  const { clock, agencies } = deps;
  const timing = createTiming(deps);
  const access = createAccess(deps);
  const changes = createChangeRecorder(deps, timing);
  const secrets = createLookupSecrets(deps.config.sessionSecret);

  /**
   * The dossier code of Circular 01/2018/TT-VPCP (kept by Circular 03/2025/TT-VPCP):
   * `<receiving agency's electronic id>-<yymmdd>-<sequence of that agency and day>`.
   * Issued when the dossier enters the agency's system (online submission, or reception at
   * the desk / from the post); the counter row lock makes it gap-free under concurrency.
   */
  async function issueCode(trx: Trx, agencyId: string, at: Date): Promise<string> {
    const agency = await agencies.getAgency(trx, agencyId);
    if (!agency.electronicId) throw E.agencyWithoutElectronicId();
    const day = timing.localDay(at);
    const seq = await nextSequence(trx, agency.electronicId, day);
    return `${agency.electronicId}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${String(seq).padStart(4, '0')}`;
  }

  /** Moves a locked dossier by a workflow action, with its effects on the clock and counts. */
  async function move(
    trx: Trx,
    ctx: RequestContext,
    d: DossierRow,
    action: DossierAction,
    extra: { patch?: DossierPatch; event?: Omit<ChangeEvent, 'action'> } = {},
  ): Promise<DossierRow> {
    const now = clock.now();
    const t = transition(positionOf(d), action, d.workflow);
    const nextStep = d.workflow[t.next.stepIndex];
    const holder = agencyOfStep(nextStep, d);
    const patch: DossierPatch = {
      state: t.next.state,
      stepIndex: t.next.stepIndex,
      resumeState: t.next.resumeState,
      holderAgencyId: holder,
      ...(d.involvedAgencyIds.includes(holder)
        ? {}
        : { involvedAgencyIds: [...d.involvedAgencyIds, holder] }),
      ...(t.next.stepIndex !== d.stepIndex ? { assigneeUserId: null, assigneeName: null } : {}),
    };
    if (t.effects.clock === 'stop') patch.clockStoppedAt = now;
    if (t.effects.clock === 'resume' && d.clockStoppedAt) {
      const due = await timing.resumedDue(trx, d, now);
      const appointment =
        d.appointmentAt && d.dueAt && d.appointmentAt.getTime() !== d.dueAt.getTime()
          ? await timing.resumedDue(trx, { ...d, dueAt: d.appointmentAt }, now)
          : due;
      Object.assign(patch, { dueAt: due, appointmentAt: appointment, clockStoppedAt: null });
    }
    if (t.effects.finishes && d.receivedAt) {
      patch.finishedAt = now;
      patch.finishKind = t.effects.settles
        ? action === 'refuse'
          ? 'refused'
          : timingOf(timing.localDay(now), timing.localDay(d.dueAt ?? now))
        : action === 'withdraw'
          ? 'withdrawn'
          : 'cancelled';
      patch.clockStoppedAt = null;
    }
    if (t.effects.settles) patch.settledAt = now;
    return changes.update(trx, ctx, d, { ...patch, ...extra.patch }, { action, ...extra.event });
  }

  async function lockVisible(trx: Trx, actor: Actor, id: string): Promise<DossierRow> {
    return access.visibleToOfficial(trx, actor, await dossierStore.lock(trx, id));
  }

  async function lockOwn(trx: Trx, actor: Actor, id: string): Promise<DossierRow> {
    return access.ownedBy(actor, await dossierStore.lock(trx, id));
  }

  /** The performer check of an action about to be taken (after visibility). */
  async function requirePerformer(trx: Trx, actor: Actor, d: DossierRow, action: DossierAction) {
    const { performer } = transition(positionOf(d), action, d.workflow);
    if (!(await access.isPerformer(trx, actor, performer, d))) throw E.notPerformer();
  }

  return {
    timing,
    access,
    changes,
    secrets,
    issueCode,
    move,
    lockVisible,
    lockOwn,
    requirePerformer,
  };
}
export type Core = ReturnType<typeof createCore>;

export function papersOf(version: ProcedureVersion): PaperSnapshot[] {
  return version.papers.map((p) => ({
    key: p.key,
    name: p.name,
    copies: p.copies,
    mandatory: p.mandatory,
  }));
}

export function foldApplicant(a: { fullName: string; idNumber: string; phone: string }): string {
  return `${a.fullName} ${a.idNumber} ${a.phone}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}
