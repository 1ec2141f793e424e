/**
 * Dossier submission throughput, in this process: the desk filing `dossiers.desk.createAtDesk`
 * (validate, issue the code, compute the deadline, store, history, statistics, audit — filed
 * and received in one transaction) from N concurrent callers at N different communes, beside a
 * raw single-row INSERT of the same row from N callers, in the same run; then 1 and 4N callers
 * (filings arriving together share a transaction: see service/filing.ts). Two diagnostics show
 * where the time goes: the same path without the audit chain, and the audit chain alone (two
 * links per transaction). CPU per operation is measured for this process and, when the
 * PostgreSQL server runs on this machine, for the server.
 */
import { sql } from 'kysely';
import type { Actor } from '../../src/platform/http/access.js';
import type { RequestContext } from '../../src/platform/context.js';
import { systemClock } from '../../src/platform/clock.js';
import { together } from '../../src/platform/db/together.js';
import { createFileStore } from '../../src/platform/files/index.js';
import { createDossierService } from '../../src/modules/dossiers/index.js';
import { applicantOf, loadNameLists } from '../../src/modules/dossiers/generate/names.js';
import { createRng } from '../../src/modules/dossiers/generate/random.js';
import { type Target, openTarget } from '../lib/env.js';
import { type Measured, measure } from '../lib/measure.js';
import { type Row, pct } from '../lib/report.js';

/** Chứng thực bản sao từ bản chính: the most frequent procedure at a commune desk. */
const PROCEDURE_CODE = '2.000815';

/** The demo province opened on the target, and a desk filing at the caller's commune. */
export async function openFilingBench(target: Target, poolSize: number) {
  const { config, database, services } = await openTarget(target, poolSize);
  const { db } = services;
  try {
    const root = await services.agencies.getRoot(db);
    const communes = await services.agencies.subtreeIdsOfKinds(
      db,
      [root.id],
      ['commune_peoples_committee'],
    );
    const version = await services.catalog.getProcedureByCode(db, PROCEDURE_CODE, new Date());
    const { rows } = await sql<{ id: string }>`
      SELECT id FROM identity.users WHERE username = 'mc.longduc'`.execute(db);
    const everywhere = new Set([root.id]);
    const actor: Actor = {
      userId: rows[0]!.id,
      sessionId: 'bench',
      username: 'mc.longduc',
      fullName: 'Cán bộ một cửa (bench)',
      kind: 'official',
      agencyId: null,
      grants: new Map([
        ['dossier.receive', everywhere],
        ['dossier.read', everywhere],
      ]),
      mfaEnrollmentRequired: false,
      passwordChangeRequired: false,
      csrfToken: '',
    };
    const ctx: RequestContext = { actor, requestId: 'bench', clientIp: '127.0.0.1' };
    const names = await loadNameLists();
    const rng = createRng(1);
    const place = { commune: 'xã Long Đức', district: 'thành phố Trà Vinh', hamlet: 'Ấp' } as const;
    const formData = Object.fromEntries(
      version.formFields.filter((f) => f.required).map((f) => [f.key, 'Chứng thực 02 bản sao']),
    );
    const input = (caller: number) => ({
      procedureId: version.procedureId,
      agencyId: communes[caller % communes.length]!,
      channel: 'desk' as const,
      applicant: applicantOf(names, rng, place, '2026-01-01'),
      formData,
      papersReceived: version.papers.filter((p) => p.mandatory).map((p) => p.key),
    });
    let key = 0;
    const file = (service: typeof services.dossiers) => (caller: number) =>
      service.desk.createAtDesk(ctx, input(caller), `bench-${process.pid}-${++key}`);
    return { config, database, services, ctx, file };
  } catch (error) {
    await database.close();
    throw error;
  }
}

export async function submitScenario(
  target: Target,
  opts: { seconds: number; callers: number },
): Promise<Row[]> {
  const { config, database, services, ctx, file } = await openFilingBench(target, opts.callers + 2);
  const { db } = services;
  try {
    // A filed dossier is the template of the raw INSERT: the same row, new id and code.
    const first = await file(services.dossiers)(0);
    const d = first.dossier;
    let raw = 0;
    const rawInsert = async () => {
      const n = ++raw;
      await sql`
        INSERT INTO dossier.dossiers (id, code, procedure_id, procedure_version_id, procedure_code,
          procedure_name, sector_id, receiving_agency_id, holder_agency_id, involved_agency_ids,
          channel, state, step_index, workflow, papers, applicant, applicant_folded, form_data,
          processing_time, time_unit, submitted_at, received_at, due_at, appointment_at, fee_vnd,
          created_by, created_at, updated_at, row_version)
        VALUES (gen_random_uuid(), ${`RAW.BENCH-261231-${String(n).padStart(6, '0')}`},
          ${d.procedureId}, ${d.procedureVersionId}, ${d.procedureCode}, ${d.procedureName},
          ${d.sectorId}, ${d.receivingAgencyId}, ${d.holderAgencyId},
          ${sql.val(d.involvedAgencyIds)}::uuid[], ${d.channel}, ${d.state}, ${d.stepIndex},
          ${JSON.stringify(d.workflow)}::jsonb, ${JSON.stringify(d.papers)}::jsonb,
          ${JSON.stringify(d.applicant)}::jsonb, ${d.applicantFolded},
          ${JSON.stringify(d.formData)}::jsonb, ${d.processingTime}, ${d.timeUnit},
          ${d.submittedAt}, ${d.receivedAt}, ${d.dueAt}, ${d.appointmentAt}, ${d.feeVnd},
          ${d.createdBy}, ${d.createdAt}, ${d.updatedAt}, ${d.rowVersion})`.execute(db);
    };

    // Diagnostics: the same service without the audit chain; the audit chain alone.
    const noAudit = createDossierService({
      db,
      clock: systemClock,
      audit: {
        ...services.audit,
        record: async () => {},
        // The links are skipped; the rows sent along with them are still written.
        recordMany: async (trx, _links, alongWith = []) => {
          if (alongWith.length > 0) await together(alongWith, sql`SELECT 1`).execute(trx);
        },
      },
      agencies: services.agencies,
      calendar: services.calendar,
      catalog: services.catalog,
      identity: services.identity,
      notify: services.notify,
      files: createFileStore({ dir: config.filesDir }),
      config,
    });
    const auditOnly = () =>
      db.transaction().execute((trx) =>
        services.audit.recordMany(
          trx,
          ['dossier.create', 'dossier.receive'].map((action) => ({
            ctx,
            entry: { action, targetType: 'bench', targetId: 'bench', after: { state: 'received' } },
          })),
        ),
      );

    const run = (op: (caller: number) => Promise<unknown>, callers = opts.callers) =>
      measure((c) => op(c), { concurrency: callers, seconds: opts.seconds });
    await run(rawInsert, 2); // warm-up
    const rawRun = await run(rawInsert);
    const serviceRun = await run(file(services.dossiers));
    const serialRun = await run(file(services.dossiers), 1);
    const many = opts.callers * 4;
    const rawManyRun = await run(rawInsert, many);
    const manyRun = await run(file(services.dossiers), many);
    const noAuditRun = await run(file(noAudit));
    const auditRun = await run(auditOnly);

    const label = target.label;
    const row = (name: string, m: Measured, extra: Partial<Row> = {}): Row => ({
      name: `${label}: ${name}`,
      rate: m.rate,
      p50: m.p50,
      p95: m.p95,
      p99: m.p99,
      errors: m.errors,
      cpu: { node: m.cpuMs, db: target.label === 'PostgreSQL' ? m.dbCpuMs : null },
      ...extra,
    });
    const versus = (m: Measured) => `${pct(m.rate, rawRun.rate)} of raw INSERT`;
    const isPg = label === 'PostgreSQL';
    // The issue's target, judged against the raw INSERT at the same number of callers.
    const targetOf = (m: Measured, raw: Measured): Partial<Row> =>
      isPg
        ? {
            target: '≥ 1,000/s and ≥ 25 % of raw',
            met: m.rate >= 1000 && m.rate >= 0.25 * raw.rate,
          }
        : {};
    return [
      row(`raw single-row INSERT, ${opts.callers} callers (baseline)`, rawRun),
      row(`createAtDesk, ${opts.callers} callers`, serviceRun, {
        versus: versus(serviceRun),
        ...targetOf(serviceRun, rawRun),
      }),
      row('createAtDesk, 1 caller', serialRun, { versus: versus(serialRun) }),
      row(`raw single-row INSERT, ${many} callers (baseline)`, rawManyRun),
      row(`createAtDesk, ${many} callers`, manyRun, {
        versus: `${pct(manyRun.rate, rawManyRun.rate)} of raw INSERT`,
        ...targetOf(manyRun, rawManyRun),
      }),
      row(`diagnostic: createAtDesk without audit, ${opts.callers} callers`, noAuditRun, {
        versus: versus(noAuditRun),
      }),
      row(`diagnostic: audit chain alone, 2 links/tx, ${opts.callers} callers`, auditRun),
    ];
  } finally {
    await database.close();
  }
}
