/**
 * `npm run gen:documents -- [--count 1000000] [--year 2025] [--seed 42]
 *  [--external-share 0.2] [--batch-size 1000] [--database-url postgres://…]`: a province-year
 * of official documents (issued ones with their deliveries, and paper / e-mail ones registered
 * by the receivers), generated straight into the configured database for the search and
 * statistics benchmarks. No PDF is needed. Refuses to run while the app server holds the
 * PGlite data directory. All or nothing: one transaction. See
 * src/modules/documents/search/generate/ and docs/RECORDS-SEARCH.md.
 */
import { Command, InvalidArgumentError } from 'commander';
import { createServices } from '../src/app.js';
import {
  type GenerateReport,
  generateDocuments,
} from '../src/modules/documents/search/generate/generate.js';
import { systemClock } from '../src/platform/clock.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { openGeneratorDatabase } from './lib/open-database.js';
import { progressReporter, whole } from './lib/progress.js';

const share = (value: string) => {
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError('a share between 0 and 1');
  return n;
};

function printReport(r: GenerateReport, year: number): void {
  const types = Object.entries(r.byType)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${((v / Math.max(1, r.documents)) * 100).toFixed(1)} %`)
    .join(', ');
  console.log(
    [
      `Generated ${r.documents} documents for ${year}: ${r.internal} issued, ${r.external} registered from paper or e-mail, ${r.incoming} incoming entries.`,
      `  types: ${types}`,
      `  text: ${(r.textChars / Math.max(1, r.documents) / 1000).toFixed(1)} k characters a document on average`,
      `  time: ${r.seconds.toFixed(1)} s (${Math.round(r.documents / Math.max(0.001, r.seconds))} documents/s)`,
    ].join('\n'),
  );
}

const program = new Command('gen:documents')
  .description('Generate a province-year of official documents into the database')
  .option('--count <n>', 'how many documents', whole('--count', 1), 1_000_000)
  .option('--year <yyyy>', 'the year (default: last year)', whole('--year', 2000))
  .option('--seed <n>', 'random seed: the same seed gives the same data', whole('--seed', 0), 42)
  .option('--external-share <x>', 'share registered from paper or e-mail', share, 0.2)
  .option('--batch-size <n>', 'documents per INSERT', whole('--batch-size', 1), 1000)
  .option(
    '--database-url <url>',
    'a PostgreSQL server instead of DATA_DIR (overrides DATABASE_URL)',
  )
  .action(
    async (opts: {
      count: number;
      year?: number;
      seed: number;
      externalShare: number;
      batchSize: number;
      databaseUrl?: string;
    }) => {
      const opened = await openGeneratorDatabase(opts.databaseUrl);
      if (!opened) return;
      const { config, database } = opened;
      const progress = progressReporter('documents');
      try {
        await migrateToLatest(database.db);
        const s = createServices({ config, database, clock: systemClock });
        if (!(await s.agencies.hasAny(s.db))) {
          throw new Error(
            'The database has no agencies: run `npm run seed -- --demo` (or start the app once) first.',
          );
        }
        const root = await s.agencies.getRoot(s.db);
        const ids = await s.agencies.subtreeIds(s.db, [root.id]);
        const agencies = [];
        for (const id of ids) {
          const a = await s.agencies.getAgency(s.db, id);
          if (a.validTo === null) agencies.push(a);
        }
        const year = opts.year ?? new Date().getFullYear() - 1;
        console.error(
          `Generating ${opts.count} documents for ${year} at ${agencies.length} agencies into ${config.databaseUrl ? 'PostgreSQL' : `PGlite (${config.dataDir})`}…`,
        );
        const report = await generateDocuments(
          s.db,
          {
            agencies,
            count: opts.count,
            year,
            seed: opts.seed,
            batchSize: opts.batchSize,
            externalShare: opts.externalShare,
          },
          (p) => progress.update(p),
        );
        progress.stop();
        printReport(report, year);
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
