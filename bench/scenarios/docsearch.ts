/**
 * Document search on a province-year: N generated documents (`gen:documents`) — or an already
 * generated database given by BENCH_DOCUMENTS_URL (PostgreSQL; generating a million takes about
 * an hour) — then GET /api/documents/search through the HTTP API in this process, as the clerk
 * of the Department (a big register) and of a commune, with and without diacritics, with
 * filters; p95 at 1 and 10 concurrent clients. Baseline: the bare full-text match on the index
 * table (no scope, no ranking, no details), the floor any search pays.
 */
import { sql } from 'kysely';
import { buildApp, createServices } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { systemClock } from '../../src/platform/clock.js';
import { openDatabase } from '../../src/platform/db/connect.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { generateDocuments } from '../../src/modules/documents/search/generate/generate.js';
import { type Target, loginInject, openTarget } from '../lib/env.js';
import { measure } from '../lib/measure.js';
import type { Row } from '../lib/report.js';

/** What clerks type: with and without diacritics, one to four words, some with filters. */
const queries = [
  'q=quyet+dinh',
  'q=kế+hoạch+chuyển+đổi+số',
  'q=bao+cao+tinh+hinh',
  'q=giấy+mời+họp',
  'q=cong+van+ve+viec',
  'q=thong+bao+ket+luan',
  'q=tờ+trình',
  'q=phong+chong+dich',
  'q=dau+tu+cong',
  'q=cải+cách+hành+chính',
  'q=chuyen+doi+so&typeKey=ke-hoach',
  'q=quyet+dinh&direction=incoming',
  'q=bao+cao&from=YEAR-04-01&to=YEAR-06-30',
  'typeKey=quyet-dinh&from=YEAR-01-01&to=YEAR-03-31',
  'direction=outgoing&from=YEAR-07-01&to=YEAR-07-31',
  'q=ubnd+tinh+tra+vinh',
];

async function open(target: Target, documents: number) {
  const reuse = target.label === 'PostgreSQL' ? process.env.BENCH_DOCUMENTS_URL : undefined;
  if (reuse) {
    const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: reuse });
    const database = await openDatabase({ kind: 'postgres', url: reuse, poolSize: 10 });
    await migrateToLatest(database.db);
    const services = createServices({ config, database, clock: systemClock });
    const { rows } = await sql<{ year: number; n: number }>`
      SELECT extract(year FROM max(on_date))::int AS year, count(*)::int AS n
      FROM document.search_index`.execute(database.db);
    const password = process.env.BENCH_DOCUMENTS_PASSWORD ?? config.demoPassword;
    return { config, database, services, year: rows[0]!.year, n: rows[0]!.n, password };
  }
  const opened = await openTarget(target);
  const { db } = opened.services;
  const root = await opened.services.agencies.getRoot(db);
  const agencies = [];
  for (const id of await opened.services.agencies.subtreeIds(db, [root.id])) {
    const a = await opened.services.agencies.getAgency(db, id);
    if (a.validTo === null) agencies.push(a);
  }
  const year = new Date().getFullYear() - 1;
  process.stderr.write(`${target.label}: generating ${documents} documents…\n`);
  await generateDocuments(db, {
    agencies,
    count: documents,
    year,
    seed: 42,
    batchSize: 1000,
    externalShare: 0.2,
  });
  return { ...opened, year, n: documents, password: undefined };
}

export async function docSearchScenario(
  target: Target,
  opts: { documents: number; seconds: number },
): Promise<Row[]> {
  const { config, database, services, year, n, password } = await open(target, opts.documents);
  const { db } = services;
  try {
    await sql`VACUUM (ANALYZE) document.search_index, document.documents`.execute(db);
    const app = await buildApp({ config, database, clock: systemClock, services, logger: false });
    await app.ready();
    const clerks = [
      await loginInject(app, 'vt.stttt', password),
      await loginInject(app, 'vt.longduc', password),
    ];
    const urls = queries.map((q) => `/api/documents/search?${q.replaceAll('YEAR', String(year))}`);
    const get = async (caller: number, i: number) => {
      const res = await app.inject({
        method: 'GET',
        url: urls[i % urls.length]!,
        // Every query for each clerk in turn (the query list's length is even: i alone would
        // pair each query with one clerk only).
        headers: { cookie: clerks[(caller + Math.floor(i / urls.length)) % clerks.length]! },
      });
      if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
    };
    for (let i = 0; i < urls.length; i++) await get(0, i); // warm the caches and the plans
    const one = await measure(get, { concurrency: 1, seconds: opts.seconds });
    const ten = await measure(get, { concurrency: 10, seconds: opts.seconds });
    const bare = await measure(
      (_c, i) =>
        sql`SELECT document_id FROM document.search_index
            WHERE tsv @@ to_tsquery('simple', ${['quyet & dinh', 'bao & cao', 'giay & moi'][i % 3]!})
            ORDER BY on_date DESC LIMIT 20`.execute(db),
      { concurrency: 1, seconds: Math.max(2, opts.seconds / 2) },
    );
    await app.close();
    const size = `${Math.round(n / 1000)}k documents`;
    const row = (label: string, m: typeof one, clients: number): Row => ({
      name: `${target.label}: ${label}, ${size}, ${clients} client${clients > 1 ? 's' : ''}`,
      rate: m.rate,
      p50: m.p50,
      p95: m.p95,
      p99: m.p99,
      errors: m.errors,
      cpu: { node: m.cpuMs, db: m.dbCpuMs },
    });
    return [
      row('bare tsquery on the index (baseline)', bare, 1),
      {
        ...row('GET /api/documents/search', one, 1),
        target: 'p95 ≤ 100 ms',
        met: one.p95 <= 100,
      },
      {
        ...row('GET /api/documents/search', ten, 10),
        target: 'p95 ≤ 100 ms',
        met: ten.p95 <= 100,
      },
    ];
  } finally {
    await database.close();
  }
}
