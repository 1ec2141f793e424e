/** Where a dossier stands on its workflow, and the check that a position fits the workflow. */
import { type DossierState, dossierStates } from './states.js';
import { validateWorkflow, type WorkflowStep } from './steps.js';

/**
 * Where a dossier is. `stepIndex` is the step being worked on now; `resumeState` is the state
 * to return to from `awaiting_supplement` or `paused` (null in every other state).
 */
export type Position = { state: DossierState; stepIndex: number; resumeState: DossierState | null };

export const initialPosition: Position = Object.freeze({
  state: 'draft',
  stepIndex: 0,
  resumeState: null,
});

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

/** Throws a plain Error when the workflow or the position is inconsistent (a bug, not user input). */
export function assertValid(position: Position, steps: readonly WorkflowStep[]): void {
  const workflowProblem = validateWorkflow(steps);
  if (workflowProblem) throw new Error(`Invalid dossier workflow: ${workflowProblem}`);
  const problem = positionProblem(position, steps.length);
  if (problem) throw new Error(`Invalid dossier position: ${problem}`);
}
