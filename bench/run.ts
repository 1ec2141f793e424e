/**
 * `npm run bench [-- --only platform,search,submit,stats] [--dossiers 1000000]`: the platform
 * against baselines measured on the same machine in the same run, on PGlite and — when
 * BENCH_DATABASE_URL or TEST_DATABASE_URL is set — on a scratch database of a PostgreSQL server
 * (created for the run and dropped after it).
 *
 * Scenarios (all by default):
 * - platform: authenticated read and password login against a bare Fastify hello-world;
 * - search: the public catalogue search, p95, against the hello-world's latency;
 * - submit: desk filings per second against a raw INSERT of the same row;
 * - stats: the statistics report on a generated province-year against a brute-force count;
 * - sign: PAdES signing of a one-page decision against `openssl cms -sign` of the same bytes;
 * - numbering: --documents N signed decisions (default 100) issued by 50 concurrent clerks,
 *   checked gap-free, beside the bare register counter;
 * - docsearch: document search on --search-documents N generated documents (default 100000;
 *   PGlite at most 50000), or on the database BENCH_DOCUMENTS_URL already generated
 *   (`npm run gen:documents -- --database-url …`), p95 at 1 and 10 clients.
 * Options: --dossiers N (stats, PostgreSQL; default 100000), --pglite-dossiers N (default the
 * smaller of --dossiers and 100000), --seconds S (default BENCH_SECONDS or 10), --connections C
 * (HTTP clients, default BENCH_CONNECTIONS or 10), --callers N (concurrent filings, default 16).
 */
import { parseArgs } from 'node:util';
import { type Target, pgliteTarget, postgresTarget } from './lib/env.js';
import { type Table, printTables } from './lib/report.js';
import { helloBaseline, helloRows, serverScenarios } from './scenarios/http.js';
import { docSearchScenario } from './scenarios/docsearch.js';
import { numberingScenario } from './scenarios/numbering.js';
import { signScenario } from './scenarios/sign.js';
import { statsScenario } from './scenarios/stats.js';
import { submitScenario } from './scenarios/submit.js';

const scenarios = [
  'platform',
  'search',
  'submit',
  'stats',
  'sign',
  'numbering',
  'docsearch',
] as const;
type Scenario = (typeof scenarios)[number];

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    dossiers: { type: 'string' },
    'pglite-dossiers': { type: 'string' },
    seconds: { type: 'string' },
    connections: { type: 'string' },
    callers: { type: 'string' },
    documents: { type: 'string' },
    'search-documents': { type: 'string' },
    'no-pglite': { type: 'boolean' },
  },
});

const count = (value: string | undefined, fallback: number) => {
  const n = value === undefined ? fallback : Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`not a whole number ≥ 1: ${value}`);
  return n;
};
const only = new Set<Scenario>(
  args.only
    ? args.only.split(',').map((s) => {
        if (!scenarios.includes(s as Scenario)) throw new Error(`unknown scenario ${s}`);
        return s as Scenario;
      })
    : scenarios,
);
const seconds = count(args.seconds ?? process.env.BENCH_SECONDS, 10);
const connections = count(args.connections ?? process.env.BENCH_CONNECTIONS, 10);
const callers = count(args.callers, 16);
const dossiers = count(args.dossiers, 100_000);
const pgliteDossiers = count(args['pglite-dossiers'], Math.min(dossiers, 100_000));
const documents = count(args.documents, 100);
const searchDocuments = count(args['search-documents'], 100_000);
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const http = { seconds, connections };

const tables = {
  platform: {
    title: `HTTP: requests per second (autocannon, ${connections} connections, ${seconds} s)`,
    rows: [],
    note: 'Targets of issue 2: authenticated read ≥ 40 % of hello-world; login ≥ 30/s per core.',
  } as Table,
  search: {
    title: `Catalogue search: GET /api/catalog/procedures?q=… (16 queries, with and without diacritics), ${seconds} s`,
    rows: [],
  } as Table,
  submit: {
    title: `Dossier submission: desk filing in process, ${callers} concurrent callers at different communes, ${seconds} s`,
    rows: [],
  } as Table,
  generate: { title: 'Generator: npm run gen:dossiers (one transaction)', rows: [] } as Table,
  sign: {
    title: `Signing: a one-page decision, one signer at a time, ${seconds} s each (no database)`,
    rows: [],
  } as Table,
  numbering: {
    title:
      'Numbering: decisions issued (number, stamps, agency signature, delivery) by 50 concurrent clerks of one agency',
    rows: [],
  } as Table,
  docsearch: {
    title: `Document search: GET /api/documents/search (16 queries, clerks of a department and a commune), ${seconds} s`,
    rows: [],
  } as Table,
  stats: {
    title: 'Statistics report of a generated province-year: GET /api/stats/dossiers (in process)',
    rows: [],
  } as Table,
};

async function onTarget(
  make: () => Target | Promise<Target>,
  port: number,
  size: number,
  baseline: Awaited<ReturnType<typeof helloBaseline>> | undefined,
): Promise<void> {
  const target = await make();
  try {
    if (baseline && (only.has('platform') || only.has('search'))) {
      const r = await serverScenarios(target, port, http, baseline, {
        platform: only.has('platform'),
        search: only.has('search'),
      });
      tables.platform.rows.push(...r.platform);
      tables.search.rows.push(...r.search);
    }
    if (only.has('submit'))
      tables.submit.rows.push(...(await submitScenario(target, { seconds, callers })));
    if (only.has('docsearch')) {
      const n = target.label === 'PGlite' ? Math.min(searchDocuments, 50_000) : searchDocuments;
      tables.docsearch.rows.push(...(await docSearchScenario(target, { documents: n, seconds })));
    }
    if (only.has('numbering')) {
      tables.numbering.rows.push(...(await numberingScenario(target, { documents })));
    }
    if (only.has('stats')) {
      const r = await statsScenario(target, {
        dossiers: size,
        runs: 20,
        baselineRuns: size > 200_000 ? 3 : 5,
      });
      tables.generate.rows.push(r.generation);
      tables.stats.rows.push(...r.rows);
    }
  } finally {
    await target.dispose();
  }
}

async function main(): Promise<void> {
  let baseline: Awaited<ReturnType<typeof helloBaseline>> | undefined;
  if (only.has('platform') || only.has('search')) {
    baseline = await helloBaseline(http);
    const rows = helloRows(baseline, connections);
    if (only.has('platform')) tables.platform.rows.push(rows.platform);
    if (only.has('search')) tables.search.rows.push(...rows.search);
  }
  if (only.has('sign')) tables.sign.rows.push(...(await signScenario({ seconds })));
  const onDatabase = (
    ['platform', 'search', 'submit', 'stats', 'numbering', 'docsearch'] as const
  ).some((s) => only.has(s));
  if (onDatabase && !args['no-pglite']) {
    await onTarget(pgliteTarget, 3902, pgliteDossiers, baseline);
  }
  if (onDatabase && pgUrl) await onTarget(() => postgresTarget(pgUrl), 3903, dossiers, baseline);

  console.log(
    `\nOpenProvince bench — node ${process.version}, ${seconds} s per scenario; ` +
      `scenarios: ${[...only].join(', ')}`,
  );
  if (!pgUrl) {
    console.log(
      'PostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL to a server where the bench may create a database).',
    );
  }
  printTables(Object.values(tables));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
