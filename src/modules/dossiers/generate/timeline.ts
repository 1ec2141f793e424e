import { addDays } from '../../calendar/index.js';
import { timingOf } from '../stats-facts.js';
import {
  type DossierAction,
  type DossierState,
  type Position,
  transition,
  type WorkflowStep,
} from '../workflow.js';
import type { GeneratedApplicant } from './names.js';
import type { Rng, WeightedSampler } from './random.js';
import {
  type Calendar,
  citizenMoment,
  dueAtOf,
  localDay,
  nextOfficeMoment,
  officeMoment,
  type TimeUnit,
  workingDayAfter,
  workingDaysIn,
} from './times.js';

/**
 * The life of one generated dossier, pure: from filing to the returned result (or wherever it
 * stands at the horizon), every step taken through the real workflow (`transition`), so the
 * row's state, step and clock fields and its history are those the service would have written.
 */

export type Channel = 'online' | 'desk' | 'post';
export type FinishKind = 'early' | 'on_time' | 'late' | 'refused' | 'withdrawn' | 'cancelled';
export type Rating = 'very_satisfied' | 'satisfied' | 'not_satisfied';

/** A procedure as the generator files it: the version's snapshot, pre-serialised. */
export type ProcedurePick = {
  /** Index into the plan's procedure list (the statistics key). */
  index: number;
  procedureId: string;
  versionId: string;
  code: string;
  name: string;
  sectorId: string;
  processingTime: number;
  timeUnit: TimeUnit;
  feeVnd: number;
  steps: readonly WorkflowStep[];
  workflowJson: string;
  papersJson: string;
  mandatoryPapers: readonly string[];
  formFields: readonly { key: string; type: string; required: boolean; options?: string[] }[];
  channels: WeightedSampler<Channel>;
};

export type AgencyPick = {
  index: number;
  id: string;
  electronicId: string;
  name: string;
};

export type LifeEvent = {
  seq: number;
  action: string;
  fromState: DossierState | null;
  toState: DossierState;
  stepIndex: number;
  stepKey: string | null;
  actorName: string;
  actorAgencyId: string | null;
  at: Date;
  data: string;
};

export type DossierLife = {
  id: string;
  code: string;
  agency: AgencyPick;
  procedure: ProcedurePick;
  channel: Channel;
  applicant: GeneratedApplicant;
  formData: Record<string, string>;
  state: DossierState;
  stepIndex: number;
  resumeState: DossierState | null;
  holderAgencyId: string;
  involvedAgencyIds: string[];
  submittedAt: Date;
  receivedAt: Date | null;
  dueAt: Date | null;
  clockStoppedAt: Date | null;
  settledAt: Date | null;
  finishedAt: Date | null;
  finishKind: FinishKind | null;
  returnedAt: Date | null;
  returnMethod: 'desk' | 'post' | null;
  rating: Rating | null;
  ratedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** The fee row (paid at reception) when the procedure has a fee and the dossier was received. */
  feePaidAt: Date | null;
  /** Every change the dossier went through (its `row_version`), whether in `events` or not. */
  changes: number;
  events: LifeEvent[];
};

export type LifeInput = {
  id: string;
  code: string;
  agency: AgencyPick;
  procedure: ProcedurePick;
  channel: Channel;
  /** When the code was issued: the online submission, or the reception at the desk. */
  issueAt: Date;
  applicant: GeneratedApplicant;
};

export type LifeEnv = {
  cal: Calendar;
  /** Nothing happens at or after this instant (the end of the generated year, or today). */
  horizon: Date;
  /** The actor name of officials' steps: the data is synthetic, no real officer acted. */
  officialLabel: string;
  /**
   * `full`: every step in the history; `essential`: only filing, reception, the outcome, the
   * return and the rating (about half the rows; the row itself is the same either way).
   */
  history: 'full' | 'essential';
};

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

/**
 * Outcome shares: of every received dossier 2 % refused, 1 % withdrawn, 0.3 % cancelled while
 * waiting for a supplement that never came, 4.2 % stuck far past the due date, and the rest
 * settled with a result — 70 % early, 25 % on the due day, 5 % late. Dossiers still open at
 * the horizon (received late in the year, or stuck) are in progress, some of them overdue.
 */
type Outcome = 'early' | 'on_time' | 'late' | 'stuck' | 'refused' | 'withdrawn' | 'cancelled';

function outcomeOf(rng: Rng): Outcome {
  const x = rng.next();
  if (x < 0.02) return 'refused';
  if (x < 0.03) return 'withdrawn';
  if (x < 0.033) return 'cancelled';
  if (x < 0.075) return 'stuck';
  const y = rng.next();
  return y < 0.7 ? 'early' : y < 0.95 ? 'on_time' : 'late';
}

const MINUTE = 60_000;

/** The day the outcome finishes on; the instant is picked in office hours after reception. */
function finishDay(env: LifeEnv, rng: Rng, outcome: Outcome, dayR: string, dueDay: string) {
  const { cal } = env;
  const among = (days: string[]) => days[Math.floor(days.length * rng.next() ** 1.5)];
  switch (outcome) {
    case 'early':
      return among(workingDaysIn(cal, dayR, addDays(dueDay, -1))) ?? dueDay;
    case 'on_time':
      return dueDay;
    case 'late':
      return workingDayAfter(cal, dueDay, 1 + rng.geometric(0.35));
    case 'stuck':
      return workingDayAfter(cal, dueDay, 60 + rng.geometric(0.005));
    case 'refused':
      return rng.pick(workingDaysIn(cal, dayR, dueDay).concat(dayR));
    case 'withdrawn':
      return rng.pick(workingDaysIn(cal, dayR, workingDayAfter(cal, dueDay, 2)).concat(dayR));
    case 'cancelled':
      return workingDayAfter(cal, dayR, rng.int(5, 20));
  }
}

/** An office moment on `day` after `after`, or on the next working day that still has one. */
function momentOn(env: LifeEnv, rng: Rng, day: string, after: Date): Date {
  return (
    officeMoment(env.cal, rng, day, after) ??
    nextOfficeMoment(env.cal, rng, workingDayAfter(env.cal, day, 1), after)
  );
}

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

type Act = {
  action: DossierAction | 'create' | 'pay_fee' | 'rate';
  at: Date;
  data?: Record<string, unknown>;
  byApplicant?: boolean;
};

/** The dossier's life up to the horizon. `issueAt` must be before the horizon. */
export function liveDossier(input: LifeInput, env: LifeEnv, rng: Rng): DossierLife {
  const { cal } = env;
  const p = input.procedure;
  const online = input.channel === 'online';
  const submittedAt = input.issueAt;
  const createdAt = online
    ? new Date(submittedAt.getTime() - rng.int(3, 40) * MINUTE)
    : submittedAt;
  const R = online
    ? nextOfficeMoment(cal, rng, localDay(cal, submittedAt), submittedAt)
    : submittedAt;
  const due = dueAtOf(cal, R, p.processingTime, p.timeUnit);
  const dayR = localDay(cal, R);
  const outcome = outcomeOf(rng);
  const S = momentOn(env, rng, finishDay(env, rng, outcome, dayR, localDay(cal, due)), R);
  const span = S.getTime() - R.getTime();
  const f = (x: number) => new Date(R.getTime() + Math.round(span * x));

  const acts: Act[] = [];
  if (online) {
    acts.push({ action: 'create', at: createdAt, byApplicant: true, data: { generated: true } });
    acts.push({ action: 'submit', at: submittedAt, byApplicant: true });
  } else {
    acts.push({
      action: 'create',
      at: createdAt,
      data: { channel: input.channel, generated: true },
    });
  }
  acts.push({
    action: 'receive',
    at: R,
    data: { papersReceived: online ? [] : p.mandatoryPapers },
  });
  if (p.feeVnd > 0) {
    acts.push({
      action: 'pay_fee',
      at: new Date(R.getTime() + 1000),
      data: { amountVnd: p.feeVnd, receiptNo: `BL-${input.code}` },
    });
  }
  const leader = p.steps.length - 2;
  const processing = () => {
    acts.push({ action: 'start', at: f(0.1) });
    // Forward from step 1 up to the leader's step; a step at another agency is a transfer.
    for (let step = 1; step < leader; step++) {
      const x = 0.1 + (0.75 * step) / Math.max(1, leader - 1);
      acts.push({ action: 'forward', at: f(x - 0.01) });
      if (JSON.stringify(p.steps[step + 1]!.agency) !== JSON.stringify(p.steps[step]!.agency)) {
        acts.push({ action: 'accept_transfer', at: f(x) });
      }
    }
  };
  let rateAfter: Date | null = null;
  switch (outcome) {
    case 'early':
    case 'on_time':
    case 'late':
    case 'stuck': {
      processing();
      acts.push({ action: 'approve', at: f(0.92) });
      acts.push({ action: 'attach_result', at: S });
      const dayT = workingDayAfter(cal, localDay(cal, S), rng.geometric(0.45));
      const T = momentOn(env, rng, dayT, S);
      const method = input.channel === 'post' || rng.chance(0.15) ? 'post' : 'desk';
      acts.push({ action: 'return', at: T, data: { method } });
      rateAfter = T;
      break;
    }
    case 'refused':
      processing();
      acts.push({ action: 'refuse', at: S });
      rateAfter = S;
      break;
    case 'withdrawn':
      if (span > 60 * MINUTE) acts.push({ action: 'start', at: f(0.3) });
      acts.push({ action: 'withdraw', at: S, byApplicant: true });
      break;
    case 'cancelled':
      acts.push({ action: 'request_supplement', at: f(0.2) });
      acts.push({ action: 'cancel', at: S });
      break;
  }
  if (rateAfter && rng.chance(0.4)) {
    const x = rng.next();
    const rating: Rating = x < 0.55 ? 'very_satisfied' : x < 0.95 ? 'satisfied' : 'not_satisfied';
    let Q = citizenMoment(
      cal,
      rng,
      workingDayAfter(cal, localDay(cal, rateAfter), rng.geometric(0.5)),
    );
    if (Q <= rateAfter) Q = new Date(rateAfter.getTime() + rng.int(5, 120) * MINUTE);
    acts.push({ action: 'rate', at: Q, byApplicant: true, data: { rating } });
  }
  return play(input, env, acts, due);
}

/** Plays the acts through the workflow up to the horizon and builds the row and its history. */
function play(input: LifeInput, env: LifeEnv, acts: Act[], due: Date): DossierLife {
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
