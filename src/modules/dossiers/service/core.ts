import type { RequestContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/http/access.js';
import type { ProcedureVersion } from '../../catalog/index.js';
import { timingOf } from '../stats-facts.js';
import { reserveSequences } from '../store/counters.js';
import * as dossierStore from '../store/dossiers.js';
import type { DossierPatch } from '../store/dossiers.js';
import type { DossierRow, PaperSnapshot } from '../store/tables.js';
import { type DossierAction, transition, type WorkflowStep } from '../workflow/index.js';
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
   * Dossier codes of Circular 01/2018/TT-VPCP (kept by Circular 03/2025/TT-VPCP):
   * `<receiving agency's electronic id>-<yymmdd>-<sequence of that agency and day>`, one per
   * filing, in the order given. Issued when the dossier enters the agency's system (online
   * submission, or reception at the desk / from the post); the counter rows' locks make them
   * gap-free under concurrency.
   */
  async function issueCodes(
    trx: Trx,
    filings: readonly { electronicId: string | null; at: Date }[],
  ): Promise<string[]> {
    const wanted = new Map<string, { agencyCode: string; day: string; count: number }>();
    const keys: string[] = [];
    for (const { electronicId, at } of filings) {
      if (!electronicId) throw E.agencyWithoutElectronicId();
      const day = timing.localDay(at);
      const key = `${electronicId}|${day}`;
      const w = wanted.get(key) ?? { agencyCode: electronicId, day, count: 0 };
      w.count++;
      wanted.set(key, w);
      keys.push(key);
    }
    const last = await reserveSequences(trx, wanted);
    // Each key's numbers are handed out from the first reserved one, in filing order.
    const next = new Map([...wanted].map(([k, w]) => [k, last.get(k)! - w.count + 1]));
    return keys.map((key) => {
      const seq = next.get(key)!;
      next.set(key, seq + 1);
      const { agencyCode, day } = wanted.get(key)!;
      return `${agencyCode}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${String(seq).padStart(4, '0')}`;
    });
  }

  async function issueCode(trx: Trx, agencyId: string, at: Date): Promise<string> {
    const { electronicId } = await agencies.getAgency(trx, agencyId);
    return (await issueCodes(trx, [{ electronicId, at }]))[0]!;
  }

  /** Where an action takes a dossier: state, step, the agency holding it, assignee cleared. */
  function positionAfter(
    d: Pick<DossierRow, 'state' | 'stepIndex' | 'resumeState' | 'receivingAgencyId'> & {
      workflow: readonly WorkflowStep[];
      involvedAgencyIds: string[];
    },
    action: DossierAction,
  ) {
    const t = transition(positionOf(d), action, d.workflow);
    const holder = agencyOfStep(d.workflow[t.next.stepIndex], d);
    const position = {
      state: t.next.state,
      stepIndex: t.next.stepIndex,
      resumeState: t.next.resumeState,
      holderAgencyId: holder,
      involvedAgencyIds: d.involvedAgencyIds.includes(holder)
        ? d.involvedAgencyIds
        : [...d.involvedAgencyIds, holder],
    };
    const patch: DossierPatch = {
      ...position,
      ...(t.next.stepIndex !== d.stepIndex ? { assigneeUserId: null, assigneeName: null } : {}),
    };
    return { position, patch, effects: t.effects };
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
    const t = positionAfter(d, action);
    const patch = t.patch;
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
    issueCodes,
    positionAfter,
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
