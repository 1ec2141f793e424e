import { sql } from 'kysely';
import {
  defaultWorkflow,
  type FormField,
  type Implementers,
  type LegacyLevel,
  type Paper,
  type ProcedureVersion,
  type WorkflowStep,
} from '../schema.js';
import { BATCH, chunks, type Exec, q, type VersionRow } from './tables.js';

/** What a new version row holds: the domain's values; jsonb is serialised here. */
export type VersionValues = Omit<
  VersionRow,
  'papers' | 'formFields' | 'workflow' | 'implementers' | 'nameFolded' | 'searchVector'
> & {
  papers: Paper[];
  formFields: FormField[];
  workflow: WorkflowStep[] | null;
  implementers: Implementers;
};

/** The editable part of a version (a future version is replaced in place). */
export type VersionContentValues = Omit<
  VersionValues,
  'id' | 'procedureId' | 'versionNo' | 'validFrom' | 'validTo' | 'createdAt'
>;

const versionColumns = [
  'v.id',
  'v.procedureId',
  'v.versionNo',
  'v.validFrom',
  'v.validTo',
  'v.name',
  'v.sectorId',
  'v.levels',
  'v.levelText',
  'v.onlineClass',
  'v.legacyLevel',
  'v.submissionModes',
  'v.processingTime',
  'v.timeUnit',
  'v.timeText',
  'v.feeVnd',
  'v.feeMaxVnd',
  'v.feeText',
  'v.papers',
  'v.papersText',
  'v.formFields',
  'v.workflow',
  'v.implementers',
  'v.stepsText',
  'v.conditionsText',
  'v.resultText',
  'v.legalBasisText',
  'v.agencyText',
  'v.subjectsText',
  'v.decisionNo',
  'v.changeNote',
  'v.createdAt',
  'v.createdBy',
  'p.code',
  's.name as sectorName',
] as const;

const selectVersions = (exec: Exec) =>
  q(exec)
    .selectFrom('catalog.procedureVersions as v')
    .innerJoin('catalog.procedures as p', 'p.id', 'v.procedureId')
    .innerJoin('catalog.sectors as s', 's.id', 'v.sectorId')
    .select(versionColumns);

type SelectedVersion = Awaited<
  ReturnType<ReturnType<typeof selectVersions>['executeTakeFirstOrThrow']>
>;

function toVersion(r: SelectedVersion): ProcedureVersion {
  return {
    ...r,
    legacyLevel: r.legacyLevel as LegacyLevel | null,
    processingTime: r.processingTime === null ? null : Number(r.processingTime),
    workflow: r.workflow ?? defaultWorkflow.map((s) => structuredClone(s)),
    workflowConfigured: r.workflow !== null,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids come from other modules too: a malformed one is "not there", not a 500. */
export const isUuid = (s: string): boolean => UUID.test(s);

export async function findVersion(exec: Exec, id: string): Promise<ProcedureVersion | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await selectVersions(exec).where('v.id', '=', id).executeTakeFirst();
  return row && toVersion(row);
}

/** The version of a procedure in force on `day` (a local 'YYYY-MM-DD'). */
export async function findVersionInForce(
  exec: Exec,
  by: { procedureId: string } | { code: string },
  day: string,
): Promise<ProcedureVersion | undefined> {
  let query = selectVersions(exec)
    .where('v.validFrom', '<=', day)
    .where((eb) => eb.or([eb('v.validTo', 'is', null), eb('v.validTo', '>', day)]));
  if ('procedureId' in by) {
    if (!isUuid(by.procedureId)) return undefined;
    query = query.where('v.procedureId', '=', by.procedureId);
  } else {
    query = query.where('p.code', '=', by.code);
  }
  const row = await query.executeTakeFirst();
  return row && toVersion(row);
}

/** Every version of a procedure, oldest first. */
export async function findVersionsOf(exec: Exec, procedureId: string): Promise<ProcedureVersion[]> {
  if (!isUuid(procedureId)) return [];
  const rows = await selectVersions(exec)
    .where('v.procedureId', '=', procedureId)
    .orderBy('v.validFrom')
    .execute();
  return rows.map(toVersion);
}

const serialise = (v: VersionContentValues) => ({
  ...v,
  papers: JSON.stringify(v.papers),
  formFields: JSON.stringify(v.formFields),
  workflow: v.workflow === null ? null : JSON.stringify(v.workflow),
  implementers: JSON.stringify(v.implementers),
});

export async function insertVersions(exec: Exec, rows: readonly VersionValues[]): Promise<void> {
  for (const batch of chunks(rows, BATCH)) {
    await q(exec)
      .insertInto('catalog.procedureVersions')
      .values(batch.map((v) => ({ ...v, ...serialise(v) })))
      .execute();
  }
}

/** Replaces the content of a version not yet in force (the service checks that). */
export async function replaceContent(
  exec: Exec,
  id: string,
  content: VersionContentValues,
): Promise<void> {
  await q(exec)
    .updateTable('catalog.procedureVersions')
    .set(serialise(content))
    .where('id', '=', id)
    .execute();
}

/** Ends a version on `validTo` (exclusive), or reopens it with null. */
export async function setValidTo(exec: Exec, id: string, validTo: string | null): Promise<void> {
  await q(exec)
    .updateTable('catalog.procedureVersions')
    .set({ validTo })
    .where('id', '=', id)
    .execute();
}

/** The open (last) version of each of these procedures: what a re-import compares against. */
export async function findOpenVersions(
  exec: Exec,
  procedureIds: readonly string[],
): Promise<Map<string, ProcedureVersion>> {
  const out = new Map<string, ProcedureVersion>();
  for (const batch of chunks(procedureIds, 1000)) {
    const rows = await selectVersions(exec)
      .where('v.procedureId', 'in', batch)
      .where('v.validTo', 'is', null)
      .execute();
    for (const r of rows) out.set(r.procedureId, toVersion(r));
  }
  return out;
}

export async function countVersions(exec: Exec): Promise<number> {
  const row = await q(exec)
    .selectFrom('catalog.procedureVersions')
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
