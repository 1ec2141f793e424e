/**
 * `npx tsx bench/catalog-search.ts`: latency of the public catalogue search on the bundled
 * 2,642 procedures. Builds a demo database (PGlite in memory, or PostgreSQL when
 * BENCH_DATABASE_URL is set — that database is migrated and seeded), then times a mix of
 * queries through `app.inject` (routing, validation, serialisation included). Prints p50/p95/max.
 */
import { buildApp, createServices } from '../src/app.js';
import { systemClock } from '../src/platform/clock.js';
import { openDatabase } from '../src/platform/db/connect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { seed } from '../src/seed.js';
import { testConfig } from '../test/helpers/template.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 20);
const url = process.env.BENCH_DATABASE_URL;
const database = await openDatabase(url ? { kind: 'postgres', url } : { kind: 'pglite-memory' });
await migrateToLatest(database.db);
const config = testConfig();
const services = createServices({ config, database, clock: systemClock });
let t0 = performance.now();
await seed(services, config, { demo: true });
console.log(`seed (demo province, accounts, catalogue): ${(performance.now() - t0).toFixed(0)} ms`);
const app = await buildApp({ config, database, clock: systemClock, services, logger: false });
await app.ready();

const longDuc = (await services.agencies.findByGsoCode(database.db, '29263'))!.id;
const sectors = (await app.inject('/api/catalog/sectors')).json().items as { id: string }[];
const queries = [
  'q=khai+sinh',
  'q=dang+ky+khai+sinh',
  'q=%C4%90%C4%83ng+k%C3%BD+khai+sinh',
  'q=chung+thuc',
  'q=giay+phep+xay+dung',
  'q=cap+lai+giay+chung+nhan',
  'q=thu',
  'q=dang+ki+khai+sinhh',
  'q=1.0011',
  'q=dat+dai&level=commune',
  `q=ho+tich&agencyId=${longDuc}`,
  `agencyId=${longDuc}&page=3`,
  `sectorId=${sectors[0]!.id}`,
  'onlineClass=partial&page=10',
  'level=province&pageSize=100',
  '',
];
const times: number[] = [];
const byQuery = new Map<string, number[]>();
for (let r = 0; r < rounds; r++) {
  for (const q of queries) {
    t0 = performance.now();
    const res = await app.inject(`/api/catalog/procedures?${q}`);
    const ms = performance.now() - t0;
    times.push(ms);
    byQuery.set(q, [...(byQuery.get(q) ?? []), ms]);
    if (res.statusCode !== 200) throw new Error(`${q}: ${res.statusCode} ${res.body}`);
  }
}
if (process.env.BENCH_VERBOSE) {
  for (const [q, ms] of byQuery) {
    ms.sort((a, b) => a - b);
    console.log(`  ${ms[Math.floor(ms.length / 2)]!.toFixed(1).padStart(6)} ms  ${q || '(all)'}`);
  }
}
times.sort((a, b) => a - b);
const at = (p: number) =>
  times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(1);
console.log(
  `${database.kind}: ${times.length} searches — p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`,
);
await app.close();
await database.close();
