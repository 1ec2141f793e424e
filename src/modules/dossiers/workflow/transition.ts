/** The transition table: what each action does at a position, who may take it, and `transition`. */
import { DomainError } from '../../../platform/errors.js';
import { assertValid, type Position } from './position.js';
import {
  actionNames,
  type DossierAction,
  dossierActions,
  type DossierState,
  stateNames,
} from './states.js';
import type { StepRole, WorkflowStep } from './steps.js';

/**
 * Who may perform an action: the applicant, or an official holding one of `roles` at
 * `agency` (`receiving` = the agency that received the dossier). `stepIndex` is the step the
 * dossier is at when the action is taken (the step the official must be working on).
 */
export type Performer =
  | { kind: 'applicant' }
  | {
      kind: 'official';
      roles: readonly StepRole[];
      agency: WorkflowStep['agency'];
      stepIndex: number;
    };

/**
 * What a transition does besides moving the dossier. `clock`: the processing-time clock
 * starts (reception), stops (supplement request, pause) or resumes. `settles`: the dossier is
 * settled (đã giải quyết) with a result or a refusal after reception. `finishes`: it leaves
 * the "in progress" count (it settles, or a received dossier is withdrawn or cancelled).
 */
export type Effects = {
  clock: 'start' | 'stop' | 'resume' | null;
  settles: boolean;
  finishes: boolean;
};

export type Transition = { next: Position; effects: Effects; performer: Performer };

/** The actions `transition` accepts at `position`, in the order of `dossierActions`. */
export function allowedActions(
  position: Position,
  steps: readonly WorkflowStep[],
): DossierAction[] {
  assertValid(position, steps);
  return dossierActions.filter((action) => apply(position, action, steps) !== null);
}

/**
 * The result of taking `action` at `position`. Throws DomainError conflict
 * `dossier.illegal_transition` (with `state`, `action` and `allowedActions`) when the action is
 * not allowed there, and a plain Error when the workflow or the position is inconsistent (a bug
 * or corrupt data, never user input).
 */
export function transition(
  position: Position,
  action: DossierAction,
  steps: readonly WorkflowStep[],
): Transition {
  assertValid(position, steps);
  const result = apply(position, action, steps);
  if (result) return result;
  const state = stateNames[position.state];
  const act = actionNames[action];
  throw new DomainError(
    'conflict',
    'dossier.illegal_transition',
    {
      vi: `Không thể thực hiện thao tác "${act.vi}" khi hồ sơ ở trạng thái "${state.vi}".`,
      en: `"${act.en}" is not possible while the dossier is "${state.en}".`,
    },
    {
      state: position.state,
      action,
      allowedActions: dossierActions.filter((a) => apply(position, a, steps) !== null),
    },
  );
}

// ── Rules ────────────────────────────────────────────────────────────────────────────────

const applicant: Performer = { kind: 'applicant' };
const RECEIVING: WorkflowStep['agency'] = { kind: 'receiving' };

/** States from which the applicant may withdraw the dossier. */
const withdrawable: readonly DossierState[] = [
  'submitted',
  'received',
  'in_process',
  'awaiting_supplement',
  'paused',
  'transferred',
];

/** States in which the receiving agency may apologise and set a new return date. */
const extendable: readonly DossierState[] = [
  'received',
  'in_process',
  'awaiting_supplement',
  'paused',
  'transferred',
];

/** Whether a live (non-terminal) dossier has been received, i.e. its processing clock runs. */
const isAfterReception = (p: Position): boolean =>
  p.state !== 'draft' &&
  p.state !== 'submitted' &&
  !(p.state === 'awaiting_supplement' && p.resumeState === 'submitted');

const sameAgency = (a: WorkflowStep['agency'], b: WorkflowStep['agency']): boolean =>
  a.kind === 'receiving'
    ? b.kind === 'receiving'
    : b.kind === 'agency' && a.agencyId === b.agencyId;

type Outcome = {
  stepIndex?: number;
  resumeState?: DossierState;
  clock?: Effects['clock'];
  settles?: boolean;
  finishes?: boolean;
};

/** The transition, or null when `action` is not allowed at `p` (p and steps are valid). */
function apply(
  p: Position,
  action: DossierAction,
  steps: readonly WorkflowStep[],
): Transition | null {
  const last = steps.length - 1;
  const step = steps[p.stepIndex]!;
  const stepOfficial: Performer = {
    kind: 'official',
    roles: [step.role],
    agency: step.agency,
    stepIndex: p.stepIndex,
  };
  const desk = (roles: readonly StepRole[]): Performer => ({
    kind: 'official',
    roles,
    agency: RECEIVING,
    stepIndex: p.stepIndex,
  });
  const to = (state: DossierState, performer: Performer, o: Outcome = {}): Transition => {
    const settles = o.settles ?? false;
    return {
      next: { state, stepIndex: o.stepIndex ?? p.stepIndex, resumeState: o.resumeState ?? null },
      effects: { clock: o.clock ?? null, settles, finishes: settles || (o.finishes ?? false) },
      performer,
    };
  };

  switch (action) {
    case 'submit':
      return p.state === 'draft' ? to('submitted', applicant) : null;
    case 'receive':
      return p.state === 'submitted'
        ? to('received', stepOfficial, { stepIndex: 1, clock: 'start' })
        : null;
    case 'refuse_reception':
      return p.state === 'submitted' ? to('refused', stepOfficial) : null;
    case 'request_supplement':
      if (p.state === 'submitted') {
        return to('awaiting_supplement', stepOfficial, { resumeState: 'submitted' });
      }
      if (p.state === 'received' || p.state === 'in_process') {
        return to('awaiting_supplement', stepOfficial, { resumeState: p.state, clock: 'stop' });
      }
      return null;
    case 'supplement':
      if (p.state !== 'awaiting_supplement' || p.resumeState === null) return null;
      return to(p.resumeState, applicant, {
        clock: p.resumeState === 'submitted' ? null : 'resume',
      });
    case 'start':
      return p.state === 'received' ? to('in_process', stepOfficial) : null;
    case 'forward': {
      // Only to a processing step or the leader's step: the leader approves, never forwards.
      const nextStep = steps[p.stepIndex + 1];
      if (p.state !== 'in_process' || p.stepIndex + 1 > last - 1 || !nextStep) return null;
      const state = sameAgency(step.agency, nextStep.agency) ? 'in_process' : 'transferred';
      return to(state, stepOfficial, { stepIndex: p.stepIndex + 1 });
    }
    case 'accept_transfer':
      return p.state === 'transferred' ? to('in_process', stepOfficial) : null;
    case 'pause':
      return p.state === 'in_process'
        ? to('paused', stepOfficial, { resumeState: 'in_process', clock: 'stop' })
        : null;
    case 'resume':
      return p.state === 'paused' ? to('in_process', stepOfficial, { clock: 'resume' }) : null;
    case 'approve':
      return p.state === 'in_process' && p.stepIndex === last - 1 && step.role === 'leader'
        ? to('approved', stepOfficial, { stepIndex: last })
        : null;
    case 'refuse':
      return p.state === 'in_process' && step.role === 'leader'
        ? to('refused', stepOfficial, { settles: true })
        : null;
    case 'attach_result':
      return p.state === 'approved' ? to('result_ready', stepOfficial, { settles: true }) : null;
    case 'return':
      return p.state === 'result_ready' ? to('returned', stepOfficial) : null;
    case 'withdraw':
      return withdrawable.includes(p.state)
        ? to('withdrawn', applicant, { finishes: isAfterReception(p) })
        : null;
    case 'cancel':
      if (p.state === 'draft') return to('cancelled', applicant);
      if (p.state === 'submitted' || p.state === 'awaiting_supplement') {
        return to('cancelled', desk(['one_stop_officer']), { finishes: isAfterReception(p) });
      }
      return null;
    case 'extend':
      return extendable.includes(p.state) && isAfterReception(p)
        ? to(p.state, desk(['one_stop_officer', 'leader']), {
            resumeState: p.resumeState ?? undefined,
          })
        : null;
    default: {
      const unknown: never = action;
      throw new Error(`Unknown dossier action ${String(unknown)}`);
    }
  }
}
