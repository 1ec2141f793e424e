import { DomainError, type LocalizedText } from '../../platform/errors.js';

/**
 * The dossier workflow of the one-stop shop (Decree 61/2018, now Decree 118/2025) as a pure
 * state machine: `transition(position, action, steps)` gives the next position, what it does
 * to the processing clock and statistics, and who may perform it — or a 409 that lists the
 * actions allowed instead. No I/O and no clock: the service decides *when*, this decides *what*.
 */

export const dossierStates = [
  'draft',
  'submitted',
  'received',
  'in_process',
  'awaiting_supplement',
  'paused',
  'transferred',
  'approved',
  'refused',
  'result_ready',
  'returned',
  'withdrawn',
  'cancelled',
] as const;
export type DossierState = (typeof dossierStates)[number];

export const dossierActions = [
  'submit',
  'receive',
  'refuse_reception',
  'request_supplement',
  'supplement',
  'start',
  'forward',
  'accept_transfer',
  'pause',
  'resume',
  'approve',
  'refuse',
  'attach_result',
  'return',
  'withdraw',
  'cancel',
  'extend',
] as const;
export type DossierAction = (typeof dossierActions)[number];

export type StepRole = 'one_stop_officer' | 'specialist' | 'leader';

/**
 * One step of a procedure's workflow; the catalog module's zod schema has the same shape.
 * steps[0] is reception, the last step is the return of the result, the step before it is
 * the approving leader, and the steps in between are processing steps.
 */
export type WorkflowStep = {
  key: string;
  name: { vi: string; en: string };
  role: StepRole;
  agency: { kind: 'receiving' } | { kind: 'agency'; agencyId: string };
  /** Share of the processing time; the steps sum to 100. */
  sharePercent: number;
};

/**
 * Where a dossier is. `stepIndex` is the step being worked on now; `resumeState` is the state
 * to return to from `awaiting_supplement` or `paused` (null in every other state).
 */
export type Position = { state: DossierState; stepIndex: number; resumeState: DossierState | null };

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

export const initialPosition: Position = Object.freeze({
  state: 'draft',
  stepIndex: 0,
  resumeState: null,
});

/** The workflow a procedure version gets when none is configured. */
export const defaultWorkflow: readonly WorkflowStep[] = Object.freeze([
  {
    key: 'receive',
    name: { vi: 'Tiếp nhận hồ sơ', en: 'Reception' },
    role: 'one_stop_officer',
    agency: { kind: 'receiving' },
    sharePercent: 10,
  },
  {
    key: 'process',
    name: { vi: 'Thẩm định, xử lý hồ sơ', en: 'Examination and processing' },
    role: 'specialist',
    agency: { kind: 'receiving' },
    sharePercent: 60,
  },
  {
    key: 'approve',
    name: { vi: 'Phê duyệt', en: 'Approval' },
    role: 'leader',
    agency: { kind: 'receiving' },
    sharePercent: 20,
  },
  {
    key: 'return',
    name: { vi: 'Trả kết quả', en: 'Return of the result' },
    role: 'one_stop_officer',
    agency: { kind: 'receiving' },
    sharePercent: 10,
  },
]);

export const stateNames: Readonly<Record<DossierState, LocalizedText>> = {
  draft: { vi: 'Dự thảo', en: 'Draft' },
  submitted: { vi: 'Chờ tiếp nhận', en: 'Awaiting reception' },
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  in_process: { vi: 'Đang xử lý', en: 'In process' },
  awaiting_supplement: { vi: 'Chờ bổ sung', en: 'Awaiting supplement' },
  paused: { vi: 'Tạm dừng', en: 'Paused' },
  transferred: { vi: 'Chuyển liên thông', en: 'Transferred to another agency' },
  approved: { vi: 'Đã phê duyệt', en: 'Approved' },
  refused: { vi: 'Từ chối', en: 'Refused' },
  result_ready: { vi: 'Có kết quả', en: 'Result ready' },
  returned: { vi: 'Đã trả kết quả', en: 'Result returned' },
  withdrawn: { vi: 'Rút hồ sơ', en: 'Withdrawn' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

export const actionNames: Readonly<Record<DossierAction, LocalizedText>> = {
  submit: { vi: 'Nộp hồ sơ', en: 'Submit' },
  receive: { vi: 'Tiếp nhận hồ sơ', en: 'Receive' },
  refuse_reception: { vi: 'Từ chối tiếp nhận', en: 'Refuse reception' },
  request_supplement: { vi: 'Yêu cầu bổ sung hồ sơ', en: 'Request a supplement' },
  supplement: { vi: 'Bổ sung hồ sơ', en: 'Supplement' },
  start: { vi: 'Bắt đầu xử lý', en: 'Start processing' },
  forward: { vi: 'Chuyển bước xử lý', en: 'Forward to the next step' },
  accept_transfer: { vi: 'Nhận hồ sơ liên thông', en: 'Accept the transfer' },
  pause: { vi: 'Tạm dừng xử lý', en: 'Pause' },
  resume: { vi: 'Tiếp tục xử lý', en: 'Resume' },
  approve: { vi: 'Phê duyệt', en: 'Approve' },
  refuse: { vi: 'Từ chối giải quyết', en: 'Refuse' },
  attach_result: { vi: 'Cập nhật kết quả', en: 'Attach the result' },
  return: { vi: 'Trả kết quả', en: 'Return the result' },
  withdraw: { vi: 'Rút hồ sơ', en: 'Withdraw' },
  cancel: { vi: 'Hủy hồ sơ', en: 'Cancel' },
  extend: {
    vi: 'Xin lỗi và hẹn lại ngày trả kết quả',
    en: 'Apologise and set a new return date',
  },
};

/** States from which no action is possible. */
export const terminalStates: readonly DossierState[] = [
  'refused',
  'returned',
  'withdrawn',
  'cancelled',
];

/** States a dossier can be seen in from outside (public lookup): all but the private draft. */
export const publicStates: readonly DossierState[] = dossierStates.filter((s) => s !== 'draft');

export const isTerminal = (state: DossierState): boolean => terminalStates.includes(state);

/** Why `steps` is not a usable workflow, or null when it is. */
export function validateWorkflow(steps: readonly WorkflowStep[]): string | null {
  if (steps.length < 3) return 'A workflow has at least 3 steps: reception, approval, return.';
  const keys = new Set<string>();
  for (const [i, step] of steps.entries()) {
    if (step.key.trim() === '') return `Step ${i} has no key.`;
    if (keys.has(step.key)) return `Step key "${step.key}" is used twice.`;
    keys.add(step.key);
    if (step.agency.kind === 'agency' && step.agency.agencyId.trim() === '') {
      return `Step ${i} names no agency.`;
    }
    if (!Number.isFinite(step.sharePercent) || step.sharePercent < 0) {
      return `Step ${i} has an invalid share of the processing time.`;
    }
  }
  const last = steps.length - 1;
  const isDesk = (s: WorkflowStep) =>
    s.role === 'one_stop_officer' && s.agency.kind === 'receiving';
  if (!isDesk(steps[0]!)) {
    return 'The first step is reception by a one-stop officer of the receiving agency.';
  }
  if (!isDesk(steps[last]!)) {
    return 'The last step is the return of the result by a one-stop officer of the receiving agency.';
  }
  if (steps[last - 1]!.role !== 'leader')
    return 'The step before the return is approval by a leader.';
  const total = steps.reduce((sum, s) => sum + s.sharePercent, 0);
  if (Math.abs(total - 100) > 1e-6) return `The shares of the steps sum to ${total}, not 100.`;
  return null;
}

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

// ── Consistency of the inputs (bugs, not user errors) ───────────────────────────────────────

/** Why `p` cannot be a position on a workflow of `stepCount` steps, or null when it can. */
function positionProblem(p: Position, stepCount: number): string | null {
  if (!dossierStates.includes(p.state)) return `unknown state ${String(p.state)}`;
  const last = stepCount - 1;
  const hasResume = p.state === 'awaiting_supplement' || p.state === 'paused';
  if (!hasResume && p.resumeState !== null) return `${p.state} has a resume state`;
  let range: [number, number];
  switch (p.state) {
    case 'draft':
    case 'submitted':
      range = [0, 0];
      break;
    case 'received':
      range = [1, 1];
      break;
    case 'in_process':
      range = [1, last - 1];
      break;
    case 'transferred':
      range = [2, last - 1];
      break;
    case 'paused':
      if (p.resumeState !== 'in_process') return 'paused without resume state in_process';
      range = [1, last - 1];
      break;
    case 'awaiting_supplement':
      if (p.resumeState === 'submitted') range = [0, 0];
      else if (p.resumeState === 'received') range = [1, 1];
      else if (p.resumeState === 'in_process') range = [1, last - 1];
      else return `awaiting_supplement with resume state ${String(p.resumeState)}`;
      break;
    case 'approved':
    case 'result_ready':
    case 'returned':
      range = [last, last];
      break;
    case 'refused':
    case 'withdrawn':
    case 'cancelled':
      range = [0, last - 1];
      break;
  }
  if (!Number.isInteger(p.stepIndex) || p.stepIndex < range[0] || p.stepIndex > range[1]) {
    return `step ${p.stepIndex} is out of range [${range[0]}, ${range[1]}] for ${p.state}`;
  }
  return null;
}

function assertValid(position: Position, steps: readonly WorkflowStep[]): void {
  const workflowProblem = validateWorkflow(steps);
  if (workflowProblem) throw new Error(`Invalid dossier workflow: ${workflowProblem}`);
  const problem = positionProblem(position, steps.length);
  if (problem) throw new Error(`Invalid dossier position: ${problem}`);
}
