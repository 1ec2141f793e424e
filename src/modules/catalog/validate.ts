import { catalogErrors as E } from './errors.js';
import type { ProcedureContent, WorkflowStep } from './schema.js';

/**
 * A configured workflow: at least 3 steps; the first (reception) and the last (return) are
 * one-stop officers of the receiving agency; the step before last is a leader (approval);
 * shares are integers summing to 100; keys unique. Throws `catalog.invalid_workflow`.
 */
export function checkWorkflow(steps: readonly WorkflowStep[]): void {
  if (steps.length < 3) throw E.invalidWorkflow('too_few_steps');
  const first = steps[0]!;
  const last = steps[steps.length - 1]!;
  const atDesk = (s: WorkflowStep) =>
    s.role === 'one_stop_officer' && s.agency.kind === 'receiving';
  if (!atDesk(first)) throw E.invalidWorkflow('first_not_reception');
  if (!atDesk(last)) throw E.invalidWorkflow('last_not_return');
  if (steps[steps.length - 2]!.role !== 'leader')
    throw E.invalidWorkflow('no_leader_before_return');
  if (steps.some((s) => !Number.isInteger(s.sharePercent) || s.sharePercent < 0))
    throw E.invalidWorkflow('share_not_integer');
  const total = steps.reduce((sum, s) => sum + s.sharePercent, 0);
  if (total !== 100) throw E.invalidWorkflow('shares_not_100', { total });
  const keys = new Set<string>();
  for (const s of steps) {
    if (keys.has(s.key)) throw E.invalidWorkflow('duplicate_key', { key: s.key });
    keys.add(s.key);
  }
}

function firstDuplicate(values: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) return v;
    seen.add(v);
  }
  return undefined;
}

/** The legacy level a class implies; `info` may be 1 or 2. */
export function legacyLevelOf(
  onlineClass: ProcedureContent['onlineClass'],
  given?: number | null,
): 1 | 2 | 3 | 4 {
  if (onlineClass === 'full') return 4;
  if (onlineClass === 'partial') return 3;
  return given === 1 ? 1 : 2;
}

/** Checks across fields that the schema alone cannot express. Throws `catalog.invalid_content`. */
export function checkContent(c: ProcedureContent): void {
  const dupLevel = firstDuplicate(c.levels);
  if (dupLevel) throw E.invalidContent('duplicate_level', { level: dupLevel });
  const dupMode = firstDuplicate(c.submissionModes);
  if (dupMode) throw E.invalidContent('duplicate_submission_mode', { mode: dupMode });
  if ((c.processingTime === null) !== (c.timeUnit === null))
    throw E.invalidContent('time_and_unit_together');
  if (c.onlineClass !== 'info' && !c.submissionModes.includes('online'))
    throw E.invalidContent('online_class_needs_online_submission');
  if (c.legacyLevel != null && c.legacyLevel !== legacyLevelOf(c.onlineClass, c.legacyLevel))
    throw E.invalidContent('legacy_level_mismatch');
  if (c.feeMaxVnd != null && c.feeMaxVnd < c.feeVnd) throw E.invalidContent('fee_range');
  const dupPaper = firstDuplicate(c.papers.map((p) => p.key));
  if (dupPaper) throw E.invalidContent('duplicate_paper_key', { key: dupPaper });
  const dupField = firstDuplicate(c.formFields.map((f) => f.key));
  if (dupField) throw E.invalidContent('duplicate_field_key', { key: dupField });
  for (const f of c.formFields) {
    if (f.type === 'select' && !f.options)
      throw E.invalidContent('select_without_options', { key: f.key });
    if (f.type !== 'select' && f.options)
      throw E.invalidContent('options_without_select', { key: f.key });
  }
  if (c.implementers.mode === 'custom') {
    const dupTarget = firstDuplicate(
      c.implementers.targets.map((t) => (t.kind === 'agency' ? t.agencyId : t.kind)),
    );
    if (dupTarget) throw E.invalidContent('duplicate_implementer', { target: dupTarget });
  }
  if (c.workflow) checkWorkflow(c.workflow);
}

/** Every agency id the content names: they must exist. */
export function agencyIdsOf(c: ProcedureContent): string[] {
  const ids = new Set<string>();
  for (const s of c.workflow ?? []) if (s.agency.kind === 'agency') ids.add(s.agency.agencyId);
  if (c.implementers.mode === 'custom')
    for (const t of c.implementers.targets) if (t.kind === 'agency') ids.add(t.agencyId);
  return [...ids];
}
