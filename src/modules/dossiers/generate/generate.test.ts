import { type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers/app.js';
import { addDays } from '../../calendar/index.js';
import { Applicant } from '../schema.js';
import { foldApplicant } from '../service/core.js';
import { createTiming } from '../service/timing.js';
import { metricNames } from '../stats-facts.js';
import { metricColumn, NO_SECTOR as STORE_NO_SECTOR } from '../store/stats.js';
import { allowedActions, type DossierState, type WorkflowStep } from '../workflow/index.js';
import { metricColumns, NO_SECTOR } from './aggregate.js';
import { type CountedFigures, countFigures } from './brute-force.js';
import { GENERATED_ACTOR, type GenerateReport, generateDossiers } from './generate.js';
import { foldApplicantText, SYNTHETIC_ID_PREFIX } from './names.js';
import { createRng } from './random.js';

// Monday 2 February 2026, 09:00 in Trà Vinh: the generated year 2025 is over.
const START = new Date('2026-02-02T02:00:00Z');
const TZ = 'Asia/Ho_Chi_Minh';
const COMMUNES = ['29263', '29239']; // Xã Long Đức and Phường 1, both of TP Trà Vinh

let t: TestApp;
let admin: Session;
let report: GenerateReport;

beforeAll(async () => {
  t = await createTestApp({ start: START });
  admin = await t.loginAs('admin');
  report = await generateDossiers(
    { ...t.services, config: t.config, clock: t.clock },
    { agencies: COMMUNES, dossiers: 2000, year: 2025, seed: 42, batchSize: 300 },
  );
}, 60_000);
afterAll(() => t?.close());

type Row = Record<string, unknown>;
const query = async <T = Row>(q: RawBuilder<unknown>): Promise<T[]> =>
  (await q.execute(t.db)).rows as T[];

describe('generated dossiers', () => {
  it('fill the year for the two communes in realistic proportions', () => {
    expect(report).toMatchObject({ dossiers: 2000, agencies: 2, from: '2025-01-01' });
    expect(report.until).toBe('2026-01-01');
    const share = (n = 0) => n / report.dossiers;
    expect(share(report.byChannel.online)).toBeGreaterThan(0.2);
    expect(share(report.byChannel.online)).toBeLessThan(0.4);
    expect(share(report.byChannel.desk)).toBeGreaterThan(0.55);
    const settled =
      (report.byFinish.early ?? 0) + (report.byFinish.on_time ?? 0) + (report.byFinish.late ?? 0);
    expect(share(settled)).toBeGreaterThan(0.85);
    expect(share(report.byFinish.refused)).toBeGreaterThan(0.005);
    expect(share(report.rated)).toBeGreaterThan(0.3);
    expect(report.overdue).toBeGreaterThan(0);
  });

  it('are rows the workflow allows, with a consistent history and synthetic applicants', async () => {
    const rows = await query<{
      state: DossierState;
      stepIndex: number;
      resumeState: DossierState | null;
      workflow: WorkflowStep[];
      applicant: Record<string, string>;
      applicantFolded: string;
      createdBy: string | null;
      rowVersion: number;
      seqs: number[];
      lastState: DossierState;
      firstAt: Date;
      createdAt: Date;
      officials: string[];
    }>(sql`
      SELECT d.state, d.step_index, d.resume_state, d.workflow, d.applicant, d.applicant_folded,
        d.created_by, d.row_version,
        array_agg(e.seq ORDER BY e.seq) AS seqs,
        (array_agg(e.to_state ORDER BY e.seq DESC))[1] AS last_state,
        min(e.at) AS first_at, d.created_at,
        array_agg(DISTINCT e.actor_name) FILTER (WHERE e.actor_agency_id IS NOT NULL) AS officials
      FROM dossier.dossiers d JOIN dossier.events e ON e.dossier_id = d.id
      GROUP BY d.id`);
    expect(rows).toHaveLength(2000);
    for (const r of rows) {
      const position = { state: r.state, stepIndex: r.stepIndex, resumeState: r.resumeState };
      expect(() => allowedActions(position, r.workflow)).not.toThrow();
      expect(r.seqs).toEqual(r.seqs.map((_, i) => i + 1));
      expect(r.rowVersion).toBe(r.seqs.length);
      expect(r.lastState).toBe(r.state);
      expect(r.firstAt.getTime()).toBe(r.createdAt.getTime());
      expect(r.createdBy).toBeNull();
      expect(r.officials ?? [GENERATED_ACTOR]).toEqual([GENERATED_ACTOR]);
      expect(Applicant.safeParse(r.applicant).success).toBe(true);
      expect(r.applicant.idNumber!.startsWith(SYNTHETIC_ID_PREFIX)).toBe(true);
      expect(r.applicantFolded).toBe(foldApplicant(r.applicant as never));
    }
    // Nothing happens after the horizon, and no audit record was written for synthetic data.
    const [late] = await query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM dossier.events WHERE at >= '2026-01-01T00:00:00+07:00'`,
    );
    expect(late!.n).toBe(0);
    const [audited] = await query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit.events WHERE target_type = 'dossier'`,
    );
    expect(audited!.n).toBe(0);
  });

  it('carry codes unique and gap-free per agency and day, in filing order, continued by the counters', async () => {
    const rows = await query<{
      agency: string;
      day: string;
      n: number;
      first: number;
      last: number;
      disorder: number;
      wrongDay: number;
      counter: number | null;
    }>(sql`
      WITH c AS (
        SELECT split_part(code, '-', 1) AS agency, split_part(code, '-', 2) AS yymmdd,
          split_part(code, '-', 3)::int AS seq, submitted_at,
          to_char(submitted_at AT TIME ZONE ${TZ}, 'YYMMDD') AS local_day,
          lag(submitted_at) OVER (PARTITION BY split_part(code, '-', 1), split_part(code, '-', 2)
            ORDER BY split_part(code, '-', 3)::int) AS previous_at
        FROM dossier.dossiers
      )
      SELECT c.agency, c.yymmdd AS day, count(*)::int AS n, min(seq) AS first, max(seq) AS last,
        count(*) FILTER (WHERE previous_at > submitted_at)::int AS disorder,
        count(*) FILTER (WHERE local_day <> yymmdd)::int AS wrong_day,
        max(k.last_seq) AS counter
      FROM c LEFT JOIN dossier.code_counters k
        ON k.agency_code = c.agency AND to_char(k.day, 'YYMMDD') = c.yymmdd
      GROUP BY c.agency, c.yymmdd`);
    expect(rows.reduce((s, r) => s + r.n, 0)).toBe(2000);
    for (const r of rows) {
      expect({ ...r, first: r.first, last: r.last }).toMatchObject({
        first: 1,
        last: r.n,
        disorder: 0,
        wrongDay: 0,
        counter: r.n,
      });
    }
    const [{ codes }] = (await query<{ codes: number }>(
      sql`SELECT count(DISTINCT code)::int AS codes FROM dossier.dossiers`,
    )) as [{ codes: number }];
    expect(codes).toBe(2000);
  });

  it('have the due dates the service computes, and mirror the statistics store', async () => {
    const timing = createTiming({ calendar: t.services.calendar, config: t.config });
    const sample = await query<{
      receivedAt: Date;
      dueAt: Date;
      processingTime: number;
      timeUnit: 'working_day' | 'day' | 'hour' | 'month';
    }>(sql`
      SELECT received_at, due_at, processing_time, time_unit FROM dossier.dossiers
      WHERE received_at IS NOT NULL ORDER BY md5(id::text) LIMIT 60`);
    await t.db.transaction().execute(async (trx) => {
      for (const d of sample) {
        const due = await timing.dueAt(trx, d.receivedAt, d.processingTime, d.timeUnit);
        expect(due.toISOString()).toBe(d.dueAt.toISOString());
      }
    });
    expect(metricColumns).toEqual(metricNames.map((m) => metricColumn[m]));
    expect(NO_SECTOR).toBe(STORE_NO_SECTOR);
    const a = { fullName: 'Đặng Thị Ánh Tuyết', idNumber: '000190123456', phone: '0912345678' };
    expect(foldApplicantText(a)).toBe(foldApplicant(a));
  });
});

const compared: (keyof CountedFigures)[] = [
  'carriedOver',
  'receivedOnline',
  'receivedDesk',
  'receivedPost',
  'received',
  'settledEarly',
  'settledOnTime',
  'settledLate',
  'settled',
  'refused',
  'withdrawn',
  'cancelled',
  'inProgress',
  'inProgressOverdue',
  'returned',
  'ratedVerySatisfied',
  'ratedSatisfied',
  'ratedNotSatisfied',
];
const pick = (f: Record<string, unknown>) => Object.fromEntries(compared.map((k) => [k, f[k]]));
const zeros = Object.fromEntries(compared.map((k) => [k, 0]));

/** Receiving agency → the child of `rootId` it lies under (the report's rows). */
async function groupsUnder(rootId: string): Promise<Map<string, string>> {
  const ids = await query<{ id: string }>(
    sql`SELECT DISTINCT receiving_agency_id::text AS id FROM dossier.dossiers`,
  );
  const out = new Map<string, string>();
  for (const { id } of ids) {
    const path = (await t.services.agencies.getAgency(t.db, id)).ancestorIds;
    const at = path.indexOf(rootId);
    if (at >= 0) out.set(id, path[at + 1] ?? rootId);
  }
  return out;
}

describe('the statistics API on generated data', () => {
  it('gives exactly the brute-force counts over the dossiers, for random periods', async () => {
    const commune = (await t.services.agencies.findByGsoCode(t.db, COMMUNES[0]!))!;
    const district = commune.parentId!;
    const root = (await t.services.agencies.getRoot(t.db)).id;
    const rng = createRng(7);
    const periods: [string, string][] = [
      ['2025-01-01', '2025-12-31'],
      ['2025-04-01', '2025-06-30'],
      ['2025-12-15', '2026-01-31'],
      ['2025-03-10', '2025-03-10'],
    ];
    for (let i = 0; i < 4; i++) {
      const from = addDays('2024-12-20', rng.int(0, 400));
      periods.push([from, addDays(from, rng.int(0, 120))]);
    }
    for (const scope of [root, district]) {
      const agencyGroup = await groupsUnder(scope);
      for (const [from, to] of periods) {
        const res = await admin.get(
          `/api/stats/dossiers?from=${from}&to=${to}&groupBy=agency${scope === root ? '' : `&agencyId=${scope}`}`,
        );
        expect(res.statusCode).toBe(200);
        const api = res.json() as { rows: ({ key: string } & Row)[]; total: Row };
        const counted = await countFigures(t.db, {
          start: from,
          end: addDays(to, 1),
          timeZone: TZ,
          group: { by: 'agency', agencyGroup },
        });
        const label = `${scope === root ? 'province' : 'district'} ${from} … ${to}`;
        for (const row of api.rows) {
          expect(pick(row), `${label} row ${row.key}`).toEqual(counted.get(row.key) ?? zeros);
        }
        for (const [key, figures] of counted) {
          if (figures.carriedOver + figures.received + figures.returned + figures.inProgress > 0) {
            expect(
              api.rows.map((r) => r.key),
              `${label} has row ${key}`,
            ).toContain(key);
          }
        }
        const total = { ...zeros } as Record<string, number>;
        for (const f of counted.values()) for (const k of compared) total[k]! += f[k];
        expect(pick(api.total), label).toEqual(total);
        for (const f of [api.total, ...api.rows] as Record<string, number>[]) {
          expect(f.carriedOver! + f.received!, `${label}: the balance`).toBe(
            f.settled! + f.refused! + f.withdrawn! + f.cancelled! + f.inProgress!,
          );
        }
      }
    }
  });

  it('gives the brute-force counts by procedure too', async () => {
    const res = await admin.get(
      '/api/stats/dossiers?from=2025-07-01&to=2025-09-30&groupBy=procedure',
    );
    expect(res.statusCode).toBe(200);
    const ids = await query<{ id: string }>(
      sql`SELECT DISTINCT receiving_agency_id::text AS id FROM dossier.dossiers`,
    );
    const counted = await countFigures(t.db, {
      start: '2025-07-01',
      end: '2025-10-01',
      timeZone: TZ,
      group: { by: 'procedure', agencyIds: ids.map((r) => r.id) },
    });
    const rows = res.json().rows as ({ key: string } & Row)[];
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) expect(pick(row), row.key).toEqual(counted.get(row.key) ?? zeros);
  });
});
