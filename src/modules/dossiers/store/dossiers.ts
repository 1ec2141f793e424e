import {
  type Expression,
  type ExpressionBuilder,
  type Insertable,
  type SqlBool,
  sql,
  type Updateable,
} from 'kysely';
import type { Queue } from '../schema.js';
import { type DossierRow, type DossierTables, type Exec, q } from './tables.js';

export type NewDossier = Insertable<DossierTables['dossier.dossiers']>;

// The connection's CamelCasePlugin renames keys inside JSON values too; the e-form's keys are
// the applicant's data (`child_name`), so the form is read back as text and parsed here.
const formText = sql<string>`form_data::text`.as('formDataText');
const revive = <T extends { formDataText: string } | undefined>(
  row: T,
): T extends undefined ? DossierRow | undefined : DossierRow => {
  if (!row) return undefined as never;
  const { formDataText, ...rest } = row as { formDataText: string } & DossierRow;
  return { ...rest, formData: JSON.parse(formDataText) as Record<string, unknown> } as never;
};

export async function insert(trx: Exec, row: NewDossier): Promise<DossierRow> {
  return q(trx)
    .insertInto('dossier.dossiers')
    .values(row)
    .returningAll()
    .returning(formText)
    .executeTakeFirstOrThrow()
    .then(revive);
}

/** Several new dossiers in one statement, returned in the order given. */
export async function insertMany(trx: Exec, rows: readonly NewDossier[]): Promise<DossierRow[]> {
  if (rows.length === 0) return [];
  const inserted = await q(trx)
    .insertInto('dossier.dossiers')
    .values(rows as NewDossier[])
    .returningAll()
    .returning(formText)
    .execute();
  const byId = new Map(inserted.map((r) => [r.id, revive(r)]));
  return rows.map((r) => byId.get(r.id as string)!);
}

export async function find(exec: Exec, id: string): Promise<DossierRow | undefined> {
  return q(exec)
    .selectFrom('dossier.dossiers')
    .selectAll()
    .select(formText)
    .where('id', '=', id)
    .executeTakeFirst()
    .then(revive);
}

/** The dossier locked for a change: concurrent actions on it run one after the other. */
export async function lock(trx: Exec, id: string): Promise<DossierRow | undefined> {
  return q(trx)
    .selectFrom('dossier.dossiers')
    .selectAll()
    .select(formText)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
    .then(revive);
}

export async function findByCode(exec: Exec, code: string): Promise<DossierRow | undefined> {
  return q(exec)
    .selectFrom('dossier.dossiers')
    .selectAll()
    .select(formText)
    .where('code', '=', code)
    .executeTakeFirst()
    .then(revive);
}

export type DossierPatch = Updateable<DossierTables['dossier.dossiers']>;

export async function update(trx: Exec, id: string, patch: DossierPatch): Promise<DossierRow> {
  return q(trx)
    .updateTable('dossier.dossiers')
    .set(patch)
    .set((eb) => ({ rowVersion: eb('rowVersion', '+', 1) }))
    .where('id', '=', id)
    .returningAll()
    .returning(formText)
    .executeTakeFirstOrThrow()
    .then(revive);
}

/** Sets the rating only if none was given: the return value says whether it was. */
export async function setRatingOnce(
  trx: Exec,
  id: string,
  rating: NonNullable<DossierRow['rating']>,
  at: Date,
): Promise<DossierRow | undefined> {
  return q(trx)
    .updateTable('dossier.dossiers')
    .set({ rating, ratedAt: at, updatedAt: at })
    .set((eb) => ({ rowVersion: eb('rowVersion', '+', 1) }))
    .where('id', '=', id)
    .where('rating', 'is', null)
    .returningAll()
    .returning(formText)
    .executeTakeFirst()
    .then(revive);
}

export type Cursor = { createdAt: string; id: string };

export function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): Cursor | undefined {
  if (!cursor) return undefined;
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    if (typeof createdAt !== 'string' || typeof id !== 'string') return undefined;
    if (Number.isNaN(Date.parse(createdAt)) || !/^[0-9a-f-]{36}$/.test(id)) return undefined;
    return { createdAt, id };
  } catch {
    return undefined;
  }
}

/** Matches nothing: `IN ()` is not SQL. */
const NO_AGENCY = '00000000-0000-0000-0000-000000000000';

const OPEN_STATES = ['received', 'in_process', 'paused', 'transferred', 'approved'] as const;

export type QueueFilter = {
  queue: Queue;
  agencyIds: string[];
  userId: string;
  now: Date;
  dueSoonUntil: Date;
};

function queueWhere(f: QueueFilter) {
  return (eb: ExpressionBuilder<DossierTables, 'dossier.dossiers'>): Expression<SqlBool> => {
    const inAgencies = eb('holderAgencyId', 'in', f.agencyIds.length ? f.agencyIds : [NO_AGENCY]);
    const open = eb.and([eb('receivedAt', 'is not', null), eb('finishedAt', 'is', null)]);
    switch (f.queue) {
      case 'to_receive':
        return eb.and([inAgencies, eb('state', '=', 'submitted')]);
      case 'mine':
        return eb.and([eb('assigneeUserId', '=', f.userId), eb('state', 'in', [...OPEN_STATES])]);
      case 'in_process':
        return eb.and([inAgencies, eb('state', 'in', [...OPEN_STATES, 'result_ready'])]);
      case 'supplement':
        return eb.and([inAgencies, eb('state', '=', 'awaiting_supplement')]);
      case 'due_soon':
        return eb.and([
          inAgencies,
          open,
          eb('dueAt', '>=', f.now),
          eb('dueAt', '<=', f.dueSoonUntil),
        ]);
      case 'overdue':
        return eb.and([inAgencies, open, eb('dueAt', '<', f.now)]);
      case 'all':
        return eb.or([
          inAgencies,
          sql<SqlBool>`involved_agency_ids && ${sql.val(f.agencyIds)}::uuid[]`,
        ]);
    }
  };
}

export async function listQueue(
  exec: Exec,
  f: QueueFilter & {
    q?: string | undefined;
    procedureId?: string | undefined;
    cursor?: Cursor;
    limit: number;
  },
): Promise<DossierRow[]> {
  let query = q(exec)
    .selectFrom('dossier.dossiers')
    .selectAll()
    .select(formText)
    .where(queueWhere(f));
  if (f.procedureId) query = query.where('procedureId', '=', f.procedureId);
  if (f.q) {
    const text = f.q.trim();
    const folded = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('code', '=', text),
        sql<SqlBool>`applicant_folded LIKE public.f_fold(${folded})`,
        sql<SqlBool>`public.f_fold(procedure_name) LIKE public.f_fold(${folded})`,
        sql<SqlBool>`applicant->>'idNumber' = ${text}`,
      ]),
    );
  }
  if (f.cursor) {
    const c = f.cursor;
    query = query.where((eb) =>
      eb.or([
        eb('createdAt', '<', new Date(c.createdAt)),
        eb.and([eb('createdAt', '=', new Date(c.createdAt)), eb('id', '<', c.id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
  return rows.map(revive);
}

// Result keys come back camel-cased by the connection's plugin.
const camel = (s: string) => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

export async function countQueues(
  exec: Exec,
  f: Omit<QueueFilter, 'queue'>,
): Promise<Record<Exclude<Queue, 'all'>, number>> {
  const queues = ['to_receive', 'mine', 'in_process', 'supplement', 'due_soon', 'overdue'] as const;
  const row = await q(exec)
    .selectFrom('dossier.dossiers')
    .select((eb) =>
      queues.map((queue) =>
        eb.fn
          .countAll<number>()
          .filterWhere(queueWhere({ ...f, queue }))
          .as(camel(queue)),
      ),
    )
    .where((eb) =>
      eb.or([
        eb('holderAgencyId', 'in', f.agencyIds.length ? f.agencyIds : [NO_AGENCY]),
        eb('assigneeUserId', '=', f.userId),
      ]),
    )
    .executeTakeFirstOrThrow();
  const counts = row as Record<string, unknown>;
  return Object.fromEntries(queues.map((k) => [k, Number(counts[camel(k)])])) as Record<
    Exclude<Queue, 'all'>,
    number
  >;
}

export async function listByApplicant(
  exec: Exec,
  userId: string,
  cursor: Cursor | undefined,
  limit: number,
): Promise<DossierRow[]> {
  let query = q(exec)
    .selectFrom('dossier.dossiers')
    .selectAll()
    .select(formText)
    .where('applicantUserId', '=', userId);
  if (cursor) {
    query = query.where((eb) =>
      eb.or([
        eb('createdAt', '<', new Date(cursor.createdAt)),
        eb.and([eb('createdAt', '=', new Date(cursor.createdAt)), eb('id', '<', cursor.id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  return rows.map(revive);
}
