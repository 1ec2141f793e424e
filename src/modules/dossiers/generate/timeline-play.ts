/** Plays a timeline's acts through the real workflow into the dossier row and its history. */
import { timingOf } from '../stats-facts.js';
import { type DossierAction, type Position, transition } from '../workflow/index.js';
import type { GeneratedApplicant } from './names.js';
import type { DossierLife, LifeEnv, LifeInput, ProcedurePick, Rating } from './timeline.js';
import { localDay } from './times.js';

const essentialActions = new Set([
  'create',
  'submit',
  'receive',
  'attach_result',
  'refuse',
  'withdraw',
  'cancel',
  'return',
  'rate',
]);

function formDataOf(p: ProcedurePick, a: GeneratedApplicant, day: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of p.formFields) {
    if (!f.required) continue;
    switch (f.type) {
      case 'textarea':
        out[f.key] = `Đề nghị giải quyết hồ sơ: ${p.name.slice(0, 200)}`;
        break;
      case 'number':
        out[f.key] = '1';
        break;
      case 'date':
        out[f.key] = day;
        break;
      case 'select':
        out[f.key] = f.options?.[0] ?? '';
        break;
      case 'id_number':
        out[f.key] = a.idNumber;
        break;
      case 'phone':
        out[f.key] = a.phone;
        break;
      case 'email':
        out[f.key] = a.email ?? 'congdan@example.com';
        break;
      default:
        out[f.key] = a.fullName;
    }
  }
  return out;
}

export type Act = {
  action: DossierAction | 'create' | 'pay_fee' | 'rate';
  at: Date;
  data?: Record<string, unknown>;
  byApplicant?: boolean;
};

/** Plays the acts through the workflow up to the horizon and builds the row and its history. */
export function play(input: LifeInput, env: LifeEnv, acts: Act[], due: Date): DossierLife {
  const p = input.procedure;
  const steps = p.steps;
  const receiving = input.agency.id;
  const holderOf = (stepIndex: number) => {
    const step = steps[stepIndex];
    return !step || step.agency.kind === 'receiving' ? receiving : step.agency.agencyId;
  };
  const d: DossierLife = {
    id: input.id,
    code: input.code,
    agency: input.agency,
    procedure: p,
    channel: input.channel,
    applicant: input.applicant,
    formData: formDataOf(p, input.applicant, localDay(env.cal, input.issueAt)),
    state: 'draft',
    stepIndex: 0,
    resumeState: null,
    holderAgencyId: receiving,
    involvedAgencyIds: [receiving],
    submittedAt: input.issueAt,
    receivedAt: null,
    dueAt: null,
    clockStoppedAt: null,
    settledAt: null,
    finishedAt: null,
    finishKind: null,
    returnedAt: null,
    returnMethod: null,
    rating: null,
    ratedAt: null,
    createdAt: acts[0]!.at,
    updatedAt: acts[0]!.at,
    feePaidAt: null,
    changes: 0,
    events: [],
  };
  let pos: Position | null = null;
  for (const act of acts) {
    if (act.at >= env.horizon) break;
    const before = pos;
    let next: Position;
    let stepKeyIndex = before?.stepIndex ?? 0;
    if (act.action === 'create') {
      next = {
        state: input.channel === 'online' ? 'draft' : 'submitted',
        stepIndex: 0,
        resumeState: null,
      };
    } else if (act.action === 'pay_fee' || act.action === 'rate') {
      next = before!;
      if (act.action === 'pay_fee') d.feePaidAt = act.at;
      else {
        d.rating = act.data!.rating as Rating;
        d.ratedAt = act.at;
      }
    } else {
      const t = transition(before!, act.action, steps);
      next = t.next;
      if (act.action === 'forward') stepKeyIndex = next.stepIndex;
      if (act.action === 'receive') {
        d.receivedAt = act.at;
        d.dueAt = due;
      }
      if (t.effects.clock === 'stop') d.clockStoppedAt = act.at;
      if (t.effects.finishes && d.receivedAt) {
        d.finishedAt = act.at;
        d.finishKind = t.effects.settles
          ? act.action === 'refuse'
            ? 'refused'
            : timingOf(localDay(env.cal, act.at), localDay(env.cal, d.dueAt ?? act.at))
          : act.action === 'withdraw'
            ? 'withdrawn'
            : 'cancelled';
        d.clockStoppedAt = null;
      }
      if (t.effects.settles) d.settledAt = act.at;
      if (act.action === 'return') {
        d.returnedAt = act.at;
        d.returnMethod = act.data!.method as 'desk' | 'post';
      }
      const holder = holderOf(next.stepIndex);
      d.holderAgencyId = holder;
      if (!d.involvedAgencyIds.includes(holder)) d.involvedAgencyIds.push(holder);
    }
    d.changes++;
    if (env.history === 'full' || essentialActions.has(act.action)) {
      d.events.push({
        seq: d.events.length + 1,
        action: act.action,
        fromState: before?.state ?? null,
        toState: next.state,
        stepIndex: next.stepIndex,
        stepKey: steps[stepKeyIndex]?.key ?? null,
        actorName: act.byApplicant ? input.applicant.fullName : env.officialLabel,
        actorAgencyId: act.byApplicant ? null : receiving,
        at: act.at,
        data: act.data ? JSON.stringify(act.data) : '{}',
      });
    }
    d.state = next.state;
    d.stepIndex = next.stepIndex;
    d.resumeState = next.resumeState;
    d.updatedAt = act.at;
    pos = next;
  }
  return d;
}
