import type { DossierState, WorkflowStep } from '../workflow/index.js';
import type { GeneratedApplicant } from './names.js';
import type { Rng, WeightedSampler } from './random.js';
import { finishDay, momentOn, outcomeOf } from './timeline-outcome.js';
import { type Act, play } from './timeline-play.js';
import {
  type Calendar,
  citizenMoment,
  dueAtOf,
  localDay,
  nextOfficeMoment,
  type TimeUnit,
  workingDayAfter,
} from './times.js';

/**
 * The life of one generated dossier, pure: from filing to the returned result (or wherever it
 * stands at the horizon), every step taken through the real workflow (`transition`), so the
 * row's state, step and clock fields and its history are those the service would have written.
 * The outcome draw is in `timeline-outcome.ts`, the replay through the workflow in
 * `timeline-play.ts`.
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

const MINUTE = 60_000;

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
