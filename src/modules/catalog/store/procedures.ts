import type { ProcedureOrigin } from '../schema.js';
import { chunks, type Exec, type ProcedureRow, q } from './tables.js';
import { isUuid } from './versions.js';

export type Procedure = Pick<ProcedureRow, 'id' | 'code' | 'origin' | 'sourceHash' | 'sourceUrl'>;

const columns = ['id', 'code', 'origin', 'sourceHash', 'sourceUrl'] as const;

export async function hasAnyProcedure(exec: Exec): Promise<boolean> {
  const row = await q(exec)
    .selectFrom('catalog.procedures')
    .select('id')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function findProcedure(exec: Exec, id: string): Promise<Procedure | undefined> {
  if (!isUuid(id)) return undefined;
  return q(exec)
    .selectFrom('catalog.procedures')
    .select(columns)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The procedure, its row locked until the transaction ends: its versions change one writer at a time. */
export async function lockProcedure(exec: Exec, id: string): Promise<Procedure | undefined> {
  if (!isUuid(id)) return undefined;
  return q(exec)
    .selectFrom('catalog.procedures')
    .select(columns)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function findProcedureByCode(
  exec: Exec,
  code: string,
): Promise<Procedure | undefined> {
  return q(exec)
    .selectFrom('catalog.procedures')
    .select(columns)
    .where('code', '=', code)
    .executeTakeFirst();
}

/** Code → id and source hash of every procedure: what an import compares against. */
export async function importState(exec: Exec): Promise<Map<string, Procedure>> {
  const rows = await q(exec).selectFrom('catalog.procedures').select(columns).execute();
  return new Map(rows.map((r) => [r.code, r]));
}

export type NewProcedure = {
  id: string;
  code: string;
  origin: ProcedureOrigin;
  sourceHash: string | null;
  sourceUrl: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export async function insertProcedures(exec: Exec, rows: readonly NewProcedure[]): Promise<void> {
  for (const batch of chunks(rows)) {
    await q(exec).insertInto('catalog.procedures').values(batch).execute();
  }
}

export async function setSource(
  exec: Exec,
  id: string,
  source: { sourceHash: string; sourceUrl: string | null; updatedAt: Date },
): Promise<void> {
  await q(exec).updateTable('catalog.procedures').set(source).where('id', '=', id).execute();
}

export async function touchProcedure(exec: Exec, id: string, updatedAt: Date): Promise<void> {
  await q(exec).updateTable('catalog.procedures').set({ updatedAt }).where('id', '=', id).execute();
}
