/**
 * The one-stop statistics on a province-year: generates N dossiers (`gen:dossiers`, every
 * agency of the demo province, last year) into the target, then times the report through the
 * HTTP API (in this process, `app.inject`, as the province administrator) — the whole province
 * for the year and one district for a quarter, by agency and by procedure — beside the same
 * figures counted straight from `dossier.dossiers` (the brute-force baseline).
 */
import cliProgress from 'cli-progress';
import { sql } from 'kysely';
import { buildApp } from '../../src/app.js';
import { systemClock } from '../../src/platform/clock.js';
import { countFigures } from '../../src/modules/dossiers/generate/brute-force.js';
import { generateDossiers, type Progress } from '../../src/modules/dossiers/generate/generate.js';
import { type Target, loginInject, openTarget } from '../lib/env.js';
import { measure } from '../lib/measure.js';
import type { Row } from '../lib/report.js';

export type StatsResult = { rows: Row[]; generation: Row };

function progressBar(label: string) {
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} {phase} |{bar}| {percentage}% {value}/{total} | {eta_formatted} left`,
      noTTYOutput: true,
      notTTYSchedule: 15_000,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(p: Progress) {
      if (!started) bar.start(p.total, p.done, { phase: p.phase });
      else bar.update(p.done, { phase: p.phase });
      started = true;
    },
    stop: () => bar.stop(),
  };
}

export async function statsScenario(
  target: Target,
  opts: { dossiers: number; runs: number; baselineRuns: number },
): Promise<StatsResult> {
  const { config, database, services } = await openTarget(target);
  const { db } = services;
  try {
    const year = new Date().getFullYear() - 1;
    const bar = progressBar(`${target.label}: generating ${opts.dossiers} dossiers`);
    const report = await generateDossiers(
      { ...services, config, clock: systemClock },
      { agencies: ['all'], dossiers: opts.dossiers, year, seed: 42 },
      (p) => bar.update(p),
    );
    bar.stop();
    // Visibility map and planner statistics as autovacuum would leave them on a live system.
    await sql`VACUUM (ANALYZE) dossier.dossiers, dossier.stat_days, dossier.stat_months`.execute(
      db,
    );
    const generation: Row = {
      name: `${target.label}: gen:dossiers, ${report.dossiers} dossiers (${report.events} events)`,
      rate: report.dossiers / report.seconds.total,
      versus: `${report.seconds.total.toFixed(0)} s in all (plan ${report.seconds.plan.toFixed(0)} s, waiting for the database ${report.seconds.waited.toFixed(0)} s)`,
    };

    const app = await buildApp({ config, database, clock: systemClock, services, logger: false });
    await app.ready();
    const cookie = await loginInject(app, 'admin');
    const root = await services.agencies.getRoot(db);
    // The district with the most dossiers: TP Trà Vinh's committee (GSO 842).
    const district = (await services.agencies.findByGsoCode(db, '842'))!;
    const received = await services.agencies.subtreeIds(db, [root.id]);

    /** Receiving agency → the child of `scope` it lies under: the report's rows. */
    const groupsUnder = async (scope: string) => {
      const out = new Map<string, string>();
      for (const id of received) {
        const path = (await services.agencies.getAgency(db, id)).ancestorIds;
        const at = path.indexOf(scope);
        if (at >= 0) out.set(id, path[at + 1] ?? scope);
      }
      return out;
    };
    const cases = [
      { what: 'province, year', scope: root.id, from: `${year}-01-01`, to: `${year}-12-31` },
      {
        what: 'one district, a quarter',
        scope: district.id,
        from: `${year}-04-01`,
        to: `${year}-06-30`,
      },
    ];
    const rows: Row[] = [];
    for (const c of cases) {
      const agencyGroup = await groupsUnder(c.scope);
      for (const by of ['agency', 'procedure'] as const) {
        const url =
          `/api/stats/dossiers?from=${c.from}&to=${c.to}&groupBy=${by}` +
          (c.scope === root.id ? '' : `&agencyId=${c.scope}`);
        const get = async () => {
          const res = await app.inject({ method: 'GET', url, headers: { cookie } });
          if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
        };
        await get(); // warm-up
        const api = await measure(get, { concurrency: 1, count: opts.runs });
        const end = new Date(Date.parse(`${c.to}T00:00:00Z`) + 86_400_000)
          .toISOString()
          .slice(0, 10);
        const brute = await measure(
          () =>
            countFigures(db, {
              start: c.from,
              end,
              timeZone: config.timeZone,
              group:
                by === 'agency'
                  ? { by: 'agency', agencyGroup }
                  : { by: 'procedure', agencyIds: [...agencyGroup.keys()] },
            }),
          { concurrency: 1, count: opts.baselineRuns },
        );
        const name = `${target.label}: report ${c.what}, by ${by}`;
        rows.push({
          name: `${name} — brute-force count (baseline)`,
          rate: brute.rate,
          p50: brute.p50,
          p95: brute.p95,
          errors: brute.errors,
        });
        rows.push({
          name,
          rate: api.rate,
          p50: api.p50,
          p95: api.p95,
          p99: api.p99,
          errors: api.errors,
          versus: `${(brute.p50 / api.p50).toFixed(1)}× faster than counting (p50)`,
          target: 'p95 ≤ 300 ms',
          met: api.p95 <= 300,
        });
      }
    }
    await app.close();
    return { rows, generation };
  } finally {
    await database.close();
  }
}
