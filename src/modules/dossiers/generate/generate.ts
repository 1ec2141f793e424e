import { createStatsAccumulator, metricColumns } from './aggregate.js';
import { applicantOf, loadNameLists } from './names.js';
import { type GenerateDeps, makePlan, type PlannedAgency } from './plan.js';
import { createRng, timeOrderedUuid } from './random.js';
import { type Channel, type DossierLife, liveDossier } from './timeline.js';
import { citizenMoment, localDay, officeMoment } from './times.js';
import { createWriter, readCounters, writeCounters, writeProcedures } from './write.js';

export type { GenerateDeps } from './plan.js';

export type GenerateOptions = {
  /** GSO codes of agencies, or `all`, `communes`, `districts`, `departments`. */
  agencies: string[];
  dossiers: number;
  year: number;
  seed: number;
  /** Dossier rows per INSERT (their events and fees follow in their own statements). */
  batchSize?: number;
  /** Every workflow step in the history (default), or only the essential ones. */
  history?: 'full' | 'essential';
};

export type Progress = { phase: 'plan' | 'generate' | 'finish'; done: number; total: number };

export type GenerateReport = {
  from: string;
  until: string;
  agencies: number;
  procedures: number;
  dossiers: number;
  events: number;
  fees: number;
  statDays: number;
  statMonths: number;
  counters: number;
  byChannel: Record<string, number>;
  byState: Record<string, number>;
  byFinish: Record<string, number>;
  received: number;
  returned: number;
  rated: number;
  /** Open at the horizon with the due date passed. */
  overdue: number;
  /** `waited`: of `generate`, the time spent waiting for the database. */
  seconds: { plan: number; generate: number; total: number; waited: number };
};

/** Who the history names for the officials' steps: no real officer acted on synthetic data. */
export const GENERATED_ACTOR = 'gen:dossiers (dữ liệu mẫu)';

const channels: Channel[] = ['online', 'desk', 'post'];

/**
 * Generates a province-year of dossiers straight into the dossier tables, in one transaction:
 * the rows, their history (every workflow step up to the horizon), the fees, the statistics
 * (exactly the service's facts, summed) and the code counters (so later filings continue each
 * agency's day sequence). No audit records: this is synthetic bulk data, recognisable by
 * `created_by` NULL, the applicants' identity numbers starting with 000 and the actor name
 * of the officials' steps (`GENERATED_ACTOR`).
 */
export async function generateDossiers(
  deps: GenerateDeps,
  opts: GenerateOptions,
  onProgress: (p: Progress) => void = () => {},
): Promise<GenerateReport> {
  const t0 = performance.now();
  const rng = createRng(opts.seed);
  onProgress({ phase: 'plan', done: 0, total: opts.dossiers });
  const plan = await makePlan(deps, opts, rng.fork('plan'));
  const names = await loadNameLists();
  const { cal } = plan;
  const days = plan.onlineDays.items;
  const dayIndex = new Map(days.map((d, i) => [d, i]));

  // Pass 1: who files what, by which channel, on which day — compactly, then sorted by day.
  const n = opts.dossiers;
  const dayOf = new Int32Array(n);
  const agencyOf = new Int32Array(n);
  const procedureOf = new Int32Array(n);
  const channelOf = new Uint8Array(n);
  const draw = rng.fork('assign');
  const inForce = (a: PlannedAgency, day: string) =>
    a.validFrom <= day && (a.validTo === null || a.validTo > day);
  for (let i = 0; i < n; i++) {
    for (;;) {
      const agency = plan.agencySampler.draw(draw);
      const procedure = agency.procedures.draw(draw);
      const channel = procedure.channels.draw(draw);
      const day = (channel === 'online' ? plan.onlineDays : plan.deskDays).draw(draw);
      if (!inForce(agency, day)) continue;
      dayOf[i] = dayIndex.get(day)!;
      agencyOf[i] = agency.index;
      procedureOf[i] = procedure.index;
      channelOf[i] = channels.indexOf(channel);
      break;
    }
  }
  const starts = new Int32Array(days.length + 1);
  for (let i = 0; i < n; i++) starts[dayOf[i]! + 1]!++;
  for (let d = 0; d < days.length; d++) starts[d + 1]! += starts[d]!;
  const order = new Int32Array(n);
  const fill = starts.slice(0, days.length);
  for (let i = 0; i < n; i++) order[fill[dayOf[i]!]!++] = i;
  const tPlan = performance.now();

  const report: GenerateReport = {
    from: plan.from,
    until: plan.until,
    agencies: plan.agencies.length,
    procedures: plan.procedures.length,
    dossiers: 0,
    events: 0,
    fees: 0,
    statDays: 0,
    statMonths: 0,
    counters: 0,
    byChannel: {},
    byState: {},
    byFinish: {},
    received: 0,
    returned: 0,
    rated: 0,
    overdue: 0,
    seconds: { plan: (tPlan - t0) / 1000, generate: 0, total: 0, waited: 0 },
  };
  const tally = (r: Record<string, number>, k: string) => (r[k] = (r[k] ?? 0) + 1);
  const count = (d: DossierLife) => {
    tally(report.byChannel, d.channel);
    tally(report.byState, d.state);
    if (d.finishKind) tally(report.byFinish, d.finishKind);
    if (d.receivedAt) report.received++;
    if (d.returnedAt) report.returned++;
    if (d.rating) report.rated++;
    if (d.receivedAt && !d.finishedAt && d.dueAt && localDay(cal, d.dueAt) < plan.until) {
      report.overdue++;
    }
  };

  const env = {
    cal,
    horizon: plan.horizon,
    officialLabel: GENERATED_ACTOR,
    history: opts.history ?? 'full',
  };
  await deps.db.transaction().execute(async (trx) => {
    const codes = plan.agencies.map((a) => a.electronicId);
    const existing = await readCounters(trx, codes, plan.from, plan.until);
    await writeProcedures(trx, plan.procedures);
    const counters = new Map<string, { agencyCode: string; day: string; lastSeq: number }>();
    const writer = createWriter(trx, metricColumns, {
      dossiers: opts.batchSize ?? 2000,
      stats: 5000,
    });
    const stats = createStatsAccumulator((at) => localDay(cal, at));

    for (let d = 0; d < days.length; d++) {
      const day = days[d]!;
      const dayRng = rng.fork(`day:${day}`);
      const filed = [];
      for (let k = starts[d]!; k < starts[d + 1]!; k++) {
        const i = order[k]!;
        const channel = channels[channelOf[i]!]!;
        const at =
          channel === 'online' ? citizenMoment(cal, dayRng, day) : officeMoment(cal, dayRng, day)!;
        filed.push({ i, channel, at, agency: plan.agencies[agencyOf[i]!]! });
      }
      // Codes in the order they were issued, per agency, continuing the day's counter.
      filed.sort((a, b) => a.agency.index - b.agency.index || a.at.getTime() - b.at.getTime());
      const yymmdd = `${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}`;
      for (const f of filed) {
        const key = `${f.agency.electronicId}|${day}`;
        let counter = counters.get(key);
        if (!counter) {
          counter = { agencyCode: f.agency.electronicId, day, lastSeq: existing.get(key) ?? 0 };
          counters.set(key, counter);
        }
        const seq = ++counter.lastSeq;
        const life = liveDossier(
          {
            id: timeOrderedUuid(f.at),
            code: `${f.agency.electronicId}-${yymmdd}-${String(seq).padStart(4, '0')}`,
            agency: f.agency,
            procedure: plan.procedures[procedureOf[f.i]!]!,
            channel: f.channel,
            issueAt: f.at,
            applicant: applicantOf(names, dayRng, dayRng.pick(f.agency.places), day),
          },
          env,
          dayRng,
        );
        await writer.addDossier(life);
        stats.add(life);
        count(life);
        report.dossiers++;
        report.events += life.events.length;
      }
      // Every fact of a dossier falls on or after its filing day: earlier days are final.
      const next = days[d + 1] ?? plan.until;
      for (const row of stats.takeDaysBefore(next)) await writer.addStat('day', row);
      onProgress({ phase: 'generate', done: starts[d + 1]!, total: n });
    }
    onProgress({ phase: 'finish', done: n, total: n });
    for (const [period, row] of stats.takeAll()) await writer.addStat(period, row);
    await writer.flush();
    await writeCounters(trx, counters);
    report.fees = writer.written.fees;
    report.statDays = writer.written.statDays;
    report.statMonths = writer.written.statMonths;
    report.counters = counters.size;
    report.seconds.waited = writer.waited;
  });
  const t1 = performance.now();
  report.seconds.generate = (t1 - tPlan) / 1000;
  report.seconds.total = (t1 - t0) / 1000;
  return report;
}
