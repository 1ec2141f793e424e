/**
 * `npm run gen:dossiers -- --agencies communes --dossiers 1000000 [--year 2025] [--seed 42]
 *  [--database-url postgres://…]`: a realistic province-year of one-stop dossiers, generated
 * straight into the configured database (DATA_DIR's PGlite, or DATABASE_URL / --database-url).
 * Refuses to run while the app server holds the PGlite data directory. All or nothing: one
 * transaction. See src/modules/dossiers/generate/ and docs/PERFORMANCE.md.
 */
import { Command, InvalidArgumentError } from 'commander';
import { createServices } from '../src/app.js';
import {
  type GenerateReport,
  generateDossiers,
} from '../src/modules/dossiers/generate/generate.js';
import { systemClock } from '../src/platform/clock.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { openGeneratorDatabase } from './lib/open-database.js';
import { progressReporter, whole } from './lib/progress.js';

function printReport(r: GenerateReport): void {
  const pct = (k: number) => `${((k / Math.max(1, r.dossiers)) * 100).toFixed(1)} %`;
  const list = (o: Record<string, number>) =>
    Object.entries(o)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v} (${pct(v)})`)
      .join(', ');
  console.log(
    [
      `Generated ${r.dossiers} dossiers for ${r.from} … ${r.until} (exclusive) at ${r.agencies} agencies, ${r.procedures} procedures.`,
      `  rows: ${r.events} events, ${r.fees} fees, ${r.statDays} day and ${r.statMonths} month statistics rows, ${r.counters} code counters`,
      `  channels: ${list(r.byChannel)}`,
      `  states at the end: ${list(r.byState)}`,
      `  finished: ${list(r.byFinish)}`,
      `  received ${r.received}, returned ${r.returned}, rated ${r.rated} (${pct(r.rated)}), open and overdue ${r.overdue}`,
      `  time: plan ${r.seconds.plan.toFixed(1)} s, generate and write ${r.seconds.generate.toFixed(1)} s, ` +
        `total ${r.seconds.total.toFixed(1)} s (${Math.round(r.dossiers / Math.max(0.001, r.seconds.total))} dossiers/s)`,
      `  of which waiting for the database ${r.seconds.waited.toFixed(1)} s`,
    ].join('\n'),
  );
}

const program = new Command('gen:dossiers')
  .description('Generate a realistic province-year of one-stop dossiers into the database')
  .requiredOption(
    '--agencies <list>',
    "comma-separated GSO codes, or 'all', 'communes', 'districts', 'departments'",
  )
  .requiredOption('--dossiers <n>', 'how many dossiers', whole('--dossiers', 1))
  .option('--year <yyyy>', 'the year (default: last year)', whole('--year', 2000))
  .option('--seed <n>', 'random seed: the same seed gives the same data', whole('--seed', 0), 42)
  .option(
    '--database-url <url>',
    'a PostgreSQL server instead of DATA_DIR (overrides DATABASE_URL)',
  )
  .option('--batch-size <n>', 'dossier rows per INSERT', whole('--batch-size', 1), 2000)
  .option(
    '--history <kind>',
    "'full': every workflow step in each dossier's history; 'essential': filing, reception, outcome, return, rating",
    'full',
  )
  .action(
    async (opts: {
      agencies: string;
      dossiers: number;
      year?: number;
      seed: number;
      databaseUrl?: string;
      batchSize: number;
      history: string;
    }) => {
      if (opts.history !== 'full' && opts.history !== 'essential') {
        throw new InvalidArgumentError("--history is 'full' or 'essential'");
      }
      const history = opts.history;
      const opened = await openGeneratorDatabase(opts.databaseUrl);
      if (!opened) return;
      const { config, database } = opened;
      const progress = progressReporter('dossiers');
      try {
        await migrateToLatest(database.db);
        const s = createServices({ config, database, clock: systemClock });
        if (!(await s.agencies.hasAny(s.db)) || !(await s.catalog.hasProcedures(s.db))) {
          throw new Error(
            'The database has no agencies or no procedures: run `npm run seed -- --demo` (or start the app once) first.',
          );
        }
        const year = opts.year ?? new Date().getFullYear() - 1;
        console.error(
          `Generating ${opts.dossiers} dossiers for ${year} into ${config.databaseUrl ? 'PostgreSQL' : `PGlite (${config.dataDir})`}…`,
        );
        const report = await generateDossiers(
          { ...s, config, clock: systemClock },
          {
            agencies: opts.agencies
              .split(',')
              .map((t) => t.trim())
              .filter(Boolean),
            dossiers: opts.dossiers,
            year,
            seed: opts.seed,
            batchSize: opts.batchSize,
            history,
          },
          (p) => progress.update(p),
        );
        progress.stop();
        printReport(report);
      } finally {
        progress.stop();
        await database.close();
      }
    },
  );

program.parseAsync().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
