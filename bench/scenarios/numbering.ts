/**
 * Numbering under concurrency: N decisions of one agency, drafted, approved and signed
 * beforehand, are issued through the HTTP API (in process) by 50 concurrent clerk requests.
 * Each issuance numbers the document from the register's counter, stamps it, applies the
 * agency's PAdES signature and delivers it, in one transaction. Afterwards the numbers must be
 * exactly 1…N: no gap, no duplicate. Baseline: the bare counter (UPDATE … RETURNING in its own
 * transaction) from the same 50 callers on the same database.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { Secret, TOTP } from 'otpauth';
import { buildApp, createServices } from '../../src/app.js';
import { fixedClock } from '../../src/platform/clock.js';
import { openDatabase } from '../../src/platform/db/connect.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { seed } from '../../src/seed.js';
import { type Target, benchConfig, password } from '../lib/env.js';
import { measure } from '../lib/measure.js';
import type { Row } from '../lib/report.js';

const ISSUERS = 50;

type Session = {
  post(
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
};

async function login(app: FastifyInstance, username: string): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.body}`);
  const cookie = `op_session=${res.cookies.find((c) => c.name === 'op_session')!.value}`;
  const csrf: string = res.json().user.csrfToken;
  return {
    post: (url, body, headers = {}) =>
      app.inject({
        method: 'POST',
        url,
        headers: { cookie, 'x-csrf-token': csrf, ...headers },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
    get: (url) => app.inject({ method: 'GET', url, headers: { cookie } }),
  };
}

const ok = (res: LightMyRequestResponse, what: string) => {
  if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.statusCode === 204 ? undefined : res.json();
};

export async function numberingScenario(
  target: Target,
  opts: { documents: number },
): Promise<Row[]> {
  const config = benchConfig(target);
  const database = await openDatabase(
    config.databaseUrl
      ? { kind: 'postgres', url: config.databaseUrl, poolSize: 20 }
      : { kind: 'pglite', dataDir: config.dataDir },
  );
  // A hand-moved clock: each signature needs a fresh TOTP time step.
  const clock = fixedClock(new Date());
  try {
    await migrateToLatest(database.db);
    const services = createServices({ config, database, clock });
    await seed(services, config, { demo: true });
    const app = await buildApp({ config, database, clock, services, logger: false });
    await app.ready();
    const { db } = services;
    const ids = async (q: string) =>
      (await sql<{ id: string }>`${sql.raw(q)}`.execute(db)).rows.map((r) => r.id);
    const [leaderId] = await ids(`SELECT id FROM identity.users WHERE username = 'ld.stttt'`);
    const [longDuc] = await ids(`SELECT id FROM agency.agencies WHERE gso_code = '29263'`);

    const cv = await login(app, 'cv.stttt');
    const ld = await login(app, 'ld.stttt');
    const vt = await login(app, 'vt.stttt');
    const { secret } = ok(await ld.post('/api/me/totp'), 'totp');
    const totp = new TOTP({ secret: Secret.fromBase32(secret as string) });
    const otp = () => {
      clock.advance(31_000);
      return totp.generate({ timestamp: clock.now().getTime() });
    };
    ok(await ld.post('/api/me/totp/confirm', { code: otp() }), 'totp confirm');

    const signed: string[] = [];
    for (let i = 0; i < opts.documents; i++) {
      const draft = ok(
        await cv.post(
          '/api/documents/outgoing',
          {
            typeKey: 'quyet-dinh',
            summary: `Về việc phê duyệt kế hoạch số ${i + 1} của năm`,
            authority: 'KT.',
            headTitle: 'GIÁM ĐỐC',
            signerUserId: leaderId,
            signerPosition: 'PHÓ GIÁM ĐỐC',
            body: [
              'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;',
              'QUYẾT ĐỊNH:',
              `Điều 1. Phê duyệt kế hoạch số ${i + 1}.`,
            ],
            recipients: [{ agencyId: longDuc }],
            extraRecipientLines: ['- Lưu: VT, VP.'],
          },
          { 'idempotency-key': randomUUID() },
        ),
        'compose',
      );
      ok(
        await cv.post(`/api/documents/outgoing/${draft.id}/submit`, {
          reviewerUserIds: [leaderId],
        }),
        'submit',
      );
      ok(
        await ld.post(`/api/documents/outgoing/${draft.id}/review`, { decision: 'approve' }),
        'ok',
      );
      ok(
        await ld.post(`/api/documents/outgoing/${draft.id}/sign`, { pin: '123456', otp: otp() }),
        'sign',
      );
      signed.push(draft.id as string);
    }

    const numbers: number[] = [];
    const issued = await measure(
      async (_caller, i) => {
        const doc = ok(await vt.post(`/api/documents/outgoing/${signed[i]}/issue`), 'issue');
        numbers.push(doc.number as number);
      },
      { concurrency: ISSUERS, count: signed.length },
    );
    const sorted = [...numbers].sort((a, b) => a - b);
    const duplicates = sorted.length - new Set(sorted).size;
    const gaps = sorted.filter((n, i) => n !== i + 1).length;
    const exact = duplicates === 0 && gaps === 0 && sorted.length === signed.length;

    // The bare counter on a scratch register row, 50 callers, each in its own transaction.
    await sql`CREATE TABLE IF NOT EXISTS public.bench_counter (id int PRIMARY KEY, n int NOT NULL)`.execute(
      db,
    );
    await sql`INSERT INTO public.bench_counter VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET n = 0`.execute(
      db,
    );
    const counter = await measure(
      () =>
        db
          .transaction()
          .execute((trx) =>
            sql`UPDATE public.bench_counter SET n = n + 1 WHERE id = 1 RETURNING n`.execute(trx),
          ),
      { concurrency: ISSUERS, count: signed.length * 10 },
    );
    await sql`DROP TABLE public.bench_counter`.execute(db);
    await app.close();

    return [
      {
        name: `${target.label}: bare counter UPDATE … RETURNING, ${ISSUERS} callers`,
        rate: counter.rate,
        p50: counter.p50,
        p95: counter.p95,
        p99: counter.p99,
        errors: counter.errors,
      },
      {
        name: `${target.label}: issue ${signed.length} decisions, ${ISSUERS} concurrent clerks`,
        rate: issued.rate,
        p50: issued.p50,
        p95: issued.p95,
        p99: issued.p99,
        errors: issued.errors,
        cpu: { node: issued.cpuMs, db: issued.dbCpuMs },
        versus: `numbers 1…${sorted.at(-1) ?? 0}: ${gaps} gaps, ${duplicates} duplicates`,
        target: 'no gaps, no duplicates',
        met: exact && issued.errors === 0,
      },
    ];
  } finally {
    await database.close();
  }
}
