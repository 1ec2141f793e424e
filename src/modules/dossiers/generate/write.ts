import { type RawBuilder, sql } from 'kysely';
import type { AnyDb } from '../../../platform/db/connect.js';
import { foldApplicantText } from './names.js';
import type { DossierLife, ProcedurePick } from './timeline.js';

/**
 * Bulk writing of generated rows: each table's rows are gathered column by column and sent as
 * one `INSERT … SELECT * FROM unnest($1::type[], $2::type[], …)` per batch — a few parameters
 * whatever the number of rows, so thousands of rows go in one statement. Up to `MAX_QUEUED`
 * statements wait on the transaction's connection while the next batch is being generated.
 */

type Column = { name: string; type: string };

/**
 * One INSERT shape: the arrays sent (`columns`), and the target columns with the expression
 * each takes (`t.<column>` of the unnested arrays, or of a joined table).
 */
type Shape = {
  table: string;
  columns: readonly Column[];
  targets?: readonly (readonly [string, string])[];
  join?: string;
  onConflict?: string;
};

class ColumnBatch {
  private data: unknown[][];
  size = 0;

  constructor(readonly shape: Shape) {
    this.data = shape.columns.map(() => []);
  }

  push(values: readonly unknown[]): void {
    for (let i = 0; i < values.length; i++) this.data[i]!.push(values[i]);
    this.size++;
  }

  /** The statement for the rows gathered so far, and an empty batch. */
  take(): RawBuilder<unknown> {
    const { table, columns, join = '', onConflict = '' } = this.shape;
    const targets = this.shape.targets ?? columns.map((c) => [c.name, `t.${c.name}`] as const);
    const arrays = columns.map((c, i) => sql`${sql.val(this.data[i])}::${sql.raw(c.type)}[]`);
    const statement = sql`INSERT INTO ${sql.raw(table)} (${sql.raw(targets.map((t) => t[0]).join(', '))})
      SELECT ${sql.raw(targets.map((t) => t[1]).join(', '))}
      FROM unnest(${sql.join(arrays)}) AS t (${sql.raw(columns.map((c) => c.name).join(', '))})
      ${sql.raw(join)} ${sql.raw(onConflict)}`;
    this.data = columns.map(() => []);
    this.size = 0;
    return statement;
  }
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/**
 * The procedure snapshot every dossier copies (workflow, papers, names, time, fee) is sent once,
 * into a temporary table, and joined: the batches then carry an index instead of kilobytes of
 * JSON per row that the server would parse again and again.
 */
const PROCEDURES = 'pg_temp.gen_procedures';

const dossierColumns: Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'code', type: 'text' },
  { name: 'procedure', type: 'int4' },
  { name: 'receiving_agency_id', type: 'uuid' },
  { name: 'holder_agency_id', type: 'uuid' },
  { name: 'involved_agency_ids', type: 'text' },
  { name: 'channel', type: 'text' },
  { name: 'state', type: 'text' },
  { name: 'step_index', type: 'int4' },
  { name: 'resume_state', type: 'text' },
  { name: 'applicant', type: 'jsonb' },
  { name: 'applicant_folded', type: 'text' },
  { name: 'form_data', type: 'jsonb' },
  { name: 'submitted_at', type: 'timestamptz' },
  { name: 'received_at', type: 'timestamptz' },
  { name: 'due_at', type: 'timestamptz' },
  { name: 'clock_stopped_at', type: 'timestamptz' },
  { name: 'settled_at', type: 'timestamptz' },
  { name: 'finished_at', type: 'timestamptz' },
  { name: 'finish_kind', type: 'text' },
  { name: 'returned_at', type: 'timestamptz' },
  { name: 'return_method', type: 'text' },
  { name: 'rating', type: 'text' },
  { name: 'rated_at', type: 'timestamptz' },
  { name: 'created_at', type: 'timestamptz' },
  { name: 'updated_at', type: 'timestamptz' },
  { name: 'row_version', type: 'int4' },
];

const fromRow = (name: string) => [name, `t.${name}`] as const;
const dossierTargets: (readonly [string, string])[] = [
  fromRow('id'),
  fromRow('code'),
  ['procedure_id', 'p.procedure_id'],
  ['procedure_version_id', 'p.version_id'],
  ['procedure_code', 'p.code'],
  ['procedure_name', 'p.name'],
  ['sector_id', 'p.sector_id'],
  fromRow('receiving_agency_id'),
  fromRow('holder_agency_id'),
  ['involved_agency_ids', 't.involved_agency_ids::uuid[]'],
  fromRow('channel'),
  fromRow('state'),
  fromRow('step_index'),
  fromRow('resume_state'),
  ['workflow', 'p.workflow'],
  ['papers', 'p.papers'],
  fromRow('applicant'),
  fromRow('applicant_folded'),
  fromRow('form_data'),
  ['processing_time', 'p.processing_time'],
  ['time_unit', 'p.time_unit'],
  fromRow('submitted_at'),
  fromRow('received_at'),
  fromRow('due_at'),
  ['appointment_at', 't.due_at'],
  fromRow('clock_stopped_at'),
  fromRow('settled_at'),
  fromRow('finished_at'),
  fromRow('finish_kind'),
  fromRow('returned_at'),
  fromRow('return_method'),
  ['fee_vnd', 'p.fee_vnd'],
  fromRow('rating'),
  fromRow('rated_at'),
  fromRow('created_at'),
  fromRow('updated_at'),
  fromRow('row_version'),
];

/** Sends the procedure snapshots the dossiers join to (dropped at commit). */
export async function writeProcedures(
  trx: AnyDb,
  procedures: readonly ProcedurePick[],
): Promise<void> {
  await sql`
    CREATE TEMP TABLE gen_procedures (
      idx int4 PRIMARY KEY, procedure_id uuid, version_id uuid, code text, name text,
      sector_id uuid, workflow jsonb, papers jsonb, processing_time float8, time_unit text,
      fee_vnd int8
    ) ON COMMIT DROP`.execute(trx);
  const batch = new ColumnBatch({
    table: PROCEDURES,
    columns: [
      { name: 'idx', type: 'int4' },
      { name: 'procedure_id', type: 'uuid' },
      { name: 'version_id', type: 'uuid' },
      { name: 'code', type: 'text' },
      { name: 'name', type: 'text' },
      { name: 'sector_id', type: 'uuid' },
      { name: 'workflow', type: 'jsonb' },
      { name: 'papers', type: 'jsonb' },
      { name: 'processing_time', type: 'float8' },
      { name: 'time_unit', type: 'text' },
      { name: 'fee_vnd', type: 'int8' },
    ],
  });
  for (const p of procedures) {
    batch.push([
      p.index,
      p.procedureId,
      p.versionId,
      p.code,
      p.name,
      p.sectorId,
      p.workflowJson,
      p.papersJson,
      p.processingTime,
      p.timeUnit,
      p.feeVnd,
    ]);
  }
  await batch.take().execute(trx);
}

const eventColumns: Column[] = [
  { name: 'dossier_id', type: 'uuid' },
  { name: 'seq', type: 'int4' },
  { name: 'action', type: 'text' },
  { name: 'from_state', type: 'text' },
  { name: 'to_state', type: 'text' },
  { name: 'step_index', type: 'int4' },
  { name: 'step_key', type: 'text' },
  { name: 'actor_name', type: 'text' },
  { name: 'actor_agency_id', type: 'uuid' },
  { name: 'at', type: 'timestamptz' },
  { name: 'data', type: 'jsonb' },
];

const feeColumns: Column[] = [
  { name: 'dossier_id', type: 'uuid' },
  { name: 'amount_vnd', type: 'int8' },
  { name: 'status', type: 'text' },
  { name: 'method', type: 'text' },
  { name: 'receipt_no', type: 'text' },
  { name: 'paid_at', type: 'timestamptz' },
  { name: 'created_at', type: 'timestamptz' },
];

/** Statistics columns in the order of `metricNames` (stats-facts.ts). */
export function statColumns(period: 'day' | 'month', metricColumns: readonly string[]): Column[] {
  return [
    { name: period, type: 'date' },
    { name: 'agency_id', type: 'uuid' },
    { name: 'procedure_id', type: 'uuid' },
    { name: 'sector_id', type: 'uuid' },
    { name: 'channel', type: 'text' },
    ...metricColumns.map((name) => ({ name, type: 'int4' })),
  ];
}

const MAX_QUEUED = 6;

/** Rows per statement: dossiers (their events and fees follow them), statistics rows. */
export type WriterLimits = { dossiers: number; stats: number };

/** Gathers rows and writes them through `trx` in batches. */
export function createWriter(trx: AnyDb, metricColumns: readonly string[], limits: WriterLimits) {
  const addUp = (table: string, period: string) =>
    `ON CONFLICT (${period}, agency_id, procedure_id, sector_id, channel) DO UPDATE SET ` +
    metricColumns.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ');
  const batches = {
    dossiers: new ColumnBatch({
      table: 'dossier.dossiers',
      columns: dossierColumns,
      targets: dossierTargets,
      join: `JOIN ${PROCEDURES} AS p ON p.idx = t.procedure`,
    }),
    events: new ColumnBatch({ table: 'dossier.events', columns: eventColumns }),
    fees: new ColumnBatch({ table: 'dossier.fees', columns: feeColumns }),
    statDays: new ColumnBatch({
      table: 'dossier.stat_days',
      columns: statColumns('day', metricColumns),
      onConflict: addUp('dossier.stat_days', 'day'),
    }),
    statMonths: new ColumnBatch({
      table: 'dossier.stat_months',
      columns: statColumns('month', metricColumns),
      onConflict: addUp('dossier.stat_months', 'month'),
    }),
  };
  // Statements queue on the transaction's one connection and run in order (so a batch's
  // events follow its dossiers); the generator goes on while up to `MAX_QUEUED` wait there.
  const queued: Promise<void>[] = [];
  let failure: { error: unknown } | undefined;
  const written = { dossiers: 0, events: 0, fees: 0, statDays: 0, statMonths: 0 };
  /** Seconds the generator waited for the database before it could queue more rows. */
  let waited = 0;

  async function settle(keep: number): Promise<void> {
    const started = performance.now();
    while (queued.length > keep) await queued.shift();
    waited += (performance.now() - started) / 1000;
    if (failure) throw failure.error;
  }

  async function send(name: keyof typeof batches): Promise<void> {
    const batch = batches[name];
    if (batch.size === 0) return;
    written[name] += batch.size;
    await settle(MAX_QUEUED - 1);
    // Caught here and rethrown by `settle`: a failure must not go unhandled meanwhile.
    queued.push(
      batch
        .take()
        .execute(trx)
        .then(
          () => undefined,
          (error: unknown) => {
            failure ??= { error };
          },
        ),
    );
  }

  return {
    written,
    get waited() {
      return waited;
    },

    async addDossier(d: DossierLife): Promise<void> {
      const p = d.procedure;
      batches.dossiers.push([
        d.id,
        d.code,
        p.index,
        d.agency.id,
        d.holderAgencyId,
        `{${d.involvedAgencyIds.join(',')}}`,
        d.channel,
        d.state,
        d.stepIndex,
        d.resumeState,
        JSON.stringify(d.applicant),
        foldApplicantText(d.applicant),
        JSON.stringify(d.formData),
        iso(d.submittedAt),
        iso(d.receivedAt),
        iso(d.dueAt),
        iso(d.clockStoppedAt),
        iso(d.settledAt),
        iso(d.finishedAt),
        d.finishKind,
        iso(d.returnedAt),
        d.returnMethod,
        d.rating,
        iso(d.ratedAt),
        iso(d.createdAt),
        iso(d.updatedAt),
        d.changes,
      ]);
      for (const e of d.events) {
        batches.events.push([
          d.id,
          e.seq,
          e.action,
          e.fromState,
          e.toState,
          e.stepIndex,
          e.stepKey,
          e.actorName,
          e.actorAgencyId,
          e.at.toISOString(),
          e.data,
        ]);
      }
      if (d.receivedAt && p.feeVnd > 0) {
        batches.fees.push([
          d.id,
          p.feeVnd,
          d.feePaidAt ? 'paid' : 'due',
          d.feePaidAt ? (d.channel === 'online' ? 'online' : 'desk') : null,
          d.feePaidAt ? `BL-${d.code}` : null,
          iso(d.feePaidAt),
          d.receivedAt.toISOString(),
        ]);
      }
      // Events and fees go right after their dossiers (foreign keys), in the same order.
      if (batches.dossiers.size >= limits.dossiers) {
        await send('dossiers');
        await send('events');
        await send('fees');
      }
    },

    async addStat(period: 'day' | 'month', values: readonly unknown[]): Promise<void> {
      const name = period === 'day' ? 'statDays' : 'statMonths';
      batches[name].push(values);
      if (batches[name].size >= limits.stats) await send(name);
    },

    /** Writes everything gathered and waits for it. */
    async flush(): Promise<void> {
      await send('dossiers');
      await send('events');
      await send('fees');
      await send('statDays');
      await send('statMonths');
      await settle(0);
    },
  };
}
export type Writer = ReturnType<typeof createWriter>;

/** The code counters after the run: later filings continue each agency's day sequence. */
export async function writeCounters(
  trx: AnyDb,
  counters: Map<string, { agencyCode: string; day: string; lastSeq: number }>,
): Promise<void> {
  const rows = [...counters.values()];
  for (let i = 0; i < rows.length; i += 5000) {
    const part = rows.slice(i, i + 5000);
    await sql`
      INSERT INTO dossier.code_counters (agency_code, day, last_seq)
      SELECT * FROM unnest(${sql.val(part.map((r) => r.agencyCode))}::text[],
        ${sql.val(part.map((r) => r.day))}::date[], ${sql.val(part.map((r) => r.lastSeq))}::int4[])
      ON CONFLICT (agency_code, day) DO UPDATE
        SET last_seq = GREATEST(dossier.code_counters.last_seq, excluded.last_seq)`.execute(trx);
  }
}

/** The counters already there for these agencies and days: the sequences continue from them. */
export async function readCounters(
  trx: AnyDb,
  agencyCodes: string[],
  from: string,
  to: string,
): Promise<Map<string, number>> {
  const { rows } = await sql<{ agencyCode: string; day: string; lastSeq: number }>`
    SELECT agency_code, day::text AS day, last_seq FROM dossier.code_counters
    WHERE agency_code = ANY(${sql.val(agencyCodes)}::text[]) AND day BETWEEN ${from} AND ${to}`.execute(
    trx,
  );
  return new Map(rows.map((r) => [`${r.agencyCode}|${r.day}`, Number(r.lastSeq)]));
}
