/** A procedure's workflow: its steps, the default workflow and the check of a configured one. */

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
