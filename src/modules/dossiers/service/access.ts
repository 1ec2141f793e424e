import type { Actor } from '../../../platform/http/access.js';
import { scopesOf } from '../../../platform/http/access.js';
import type { DossierRow } from '../store/tables.js';
import {
  allowedActions,
  type DossierAction,
  type Performer,
  type StepRole,
  transition,
  type WorkflowStep,
} from '../workflow/index.js';
import type { DossierDeps, Trx } from './deps.js';
import { dossierErrors as E } from './errors.js';

/** The permission that stands for a workflow role when checking who may act on a step. */
export const permissionOfRole: Readonly<Record<StepRole, string>> = {
  one_stop_officer: 'dossier.receive',
  specialist: 'dossier.process',
  leader: 'dossier.approve',
};

export const positionOf = (d: Pick<DossierRow, 'state' | 'stepIndex' | 'resumeState'>) => ({
  state: d.state,
  stepIndex: d.stepIndex,
  resumeState: d.resumeState,
});

export function agencyOfStep(
  step: WorkflowStep | undefined,
  d: Pick<DossierRow, 'receivingAgencyId'>,
): string {
  return !step || step.agency.kind === 'receiving' ? d.receivingAgencyId : step.agency.agencyId;
}

/**
 * Who sees and who acts. An official sees a dossier when one of the agencies it passed
 * through (the receiving agency, and any agency it was transferred to) lies in a subtree
 * they hold `dossier.read` on; otherwise the dossier does not exist for them (404).
 * An applicant sees only their own dossiers (404 for any other).
 */
export function createAccess({ agencies }: Pick<DossierDeps, 'agencies'>) {
  // `exec`: the open transaction when called inside one (never the outer db there: on PGlite
  // that waits on itself), else the database.
  type Exec = Trx | DossierDeps['db'];

  async function canSee(db: Exec, actor: Actor, d: DossierRow): Promise<boolean> {
    const scopes = scopesOf(actor, 'dossier.read');
    if (scopes.length === 0) return false;
    for (const agencyId of d.involvedAgencyIds) {
      if (await agencies.isWithin(db, agencyId, scopes)) return true;
    }
    return false;
  }

  async function isPerformer(
    db: Exec,
    actor: Actor,
    performer: Performer,
    d: DossierRow,
  ): Promise<boolean> {
    if (performer.kind === 'applicant') return d.applicantUserId === actor.userId;
    const agencyId =
      performer.agency.kind === 'receiving' ? d.receivingAgencyId : performer.agency.agencyId;
    for (const role of performer.roles) {
      if (await agencies.isWithin(db, agencyId, scopesOf(actor, permissionOfRole[role]))) {
        return true;
      }
    }
    return false;
  }

  return {
    canSee,
    isPerformer,

    /** The dossier if the official may see it; else 404. */
    async visibleToOfficial(
      db: Exec,
      actor: Actor,
      d: DossierRow | undefined,
    ): Promise<DossierRow> {
      if (!d || !(await canSee(db, actor, d))) throw E.notFound();
      return d;
    },

    ownedBy(actor: Actor, d: DossierRow | undefined): DossierRow {
      if (!d || d.applicantUserId !== actor.userId) throw E.notFound();
      return d;
    },

    /** The actions this actor may take now: allowed by the workflow and theirs to take. */
    async actionsFor(
      db: Exec,
      actor: Actor,
      d: DossierRow,
      side: 'applicant' | 'official',
    ): Promise<DossierAction[]> {
      const out: DossierAction[] = [];
      for (const action of allowedActions(positionOf(d), d.workflow)) {
        const { performer } = transition(positionOf(d), action, d.workflow);
        if (performer.kind === 'applicant' ? side !== 'applicant' : side !== 'official') continue;
        if (await isPerformer(db, actor, performer, d)) out.push(action);
      }
      return out;
    },
  };
}
export type Access = ReturnType<typeof createAccess>;
