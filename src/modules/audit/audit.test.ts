import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';

let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAs('admin');
  // A few more changes so the chain has some length.
  const agency = await t.services.agencies.findByGsoCode(t.db, '29263');
  await admin.post('/api/users', {
    username: 'audit.probe',
    fullName: 'Kiểm Tra',
    agencyId: agency!.id,
    password: 'Initial-Pass-2026',
  });
});
afterAll(() => t.close());

const verify = async () => (await admin.get('/api/audit/verify')).json();

describe('audit log', () => {
  it('records every change with actor, agency, request id and client address', async () => {
    const res = await admin.get('/api/audit/events?action=identity.user_create');
    expect(res.statusCode).toBe(200);
    const [event] = res.json().items;
    expect(event.actorLabel).toBe('admin');
    expect(event.requestId).toBeTruthy();
    expect(event.clientIp).toBeTruthy();
    expect(event.agencyId).toBeTruthy();
    expect(event.after.username).toBe('audit.probe');
    expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('filters by actor, target, agency and time, and pages by seq', async () => {
    const me = (await admin.get('/api/me')).json();
    const byActor = await admin.get(`/api/audit/events?actorUserId=${me.id}&limit=200`);
    expect(
      byActor.json().items.every((e: { actorUserId: string }) => e.actorUserId === me.id),
    ).toBe(true);
    const future = await admin.get(
      `/api/audit/events?from=${new Date(Date.now() + 86_400_000 * 365).toISOString()}`,
    );
    expect(future.json().items).toEqual([]);
    const page = await admin.get('/api/audit/events?limit=3');
    const next = await admin.get(
      `/api/audit/events?limit=3&beforeSeq=${page.json().nextBeforeSeq}`,
    );
    expect(next.json().items[0].seq).toBe(page.json().items[2].seq - 1);
    const longDuc = await t.services.agencies.findByGsoCode(t.db, '29263');
    const byAgency = await admin.get(`/api/audit/events?agencyId=${longDuc!.id}&limit=200`);
    expect(byAgency.json().items.length).toBeGreaterThan(0);
    expect(
      byAgency.json().items.every((e: { agencyId: string }) => e.agencyId === longDuc!.id),
    ).toBe(true);
    expect((await admin.get('/api/audit/events?from=not-a-date')).json().code).toBe(
      'http.validation_failed',
    );
  });

  it('shows an agency admin only the events of its subtree', async () => {
    const qt = await t.loginAs('qt.longduc');
    const longDuc = await t.services.agencies.findByGsoCode(t.db, '29263');
    const res = await qt.get('/api/audit/events?limit=200');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.length).toBeGreaterThan(0);
    expect(res.json().items.every((e: { agencyId: string }) => e.agencyId === longDuc!.id)).toBe(
      true,
    );
    const phuong1 = await t.services.agencies.findByGsoCode(t.db, '29239');
    expect((await qt.get(`/api/audit/events?agencyId=${phuong1!.id}`)).statusCode).toBe(404);
    expect((await qt.get('/api/audit/verify')).statusCode).toBe(403);
  });

  it('refuses a change whose audit event cannot be written, and keeps nothing of it', async () => {
    await sql`ALTER TABLE audit.events ADD CONSTRAINT events_refuse_ck CHECK (false) NOT VALID`.execute(
      t.db,
    );
    try {
      const agency = await t.services.agencies.findByGsoCode(t.db, '29263');
      const res = await admin.post('/api/users', {
        username: 'not.audited',
        fullName: 'Không Ghi Vết',
        agencyId: agency!.id,
        password: 'Initial-Pass-2026',
      });
      expect(res.statusCode).toBe(500);
      expect(res.json().code).toBe('http.internal');
    } finally {
      await sql`ALTER TABLE audit.events DROP CONSTRAINT events_refuse_ck`.execute(t.db);
    }
    expect((await admin.get('/api/users?q=not.audited')).json().items).toEqual([]);
  });

  it('verifies an intact chain', async () => {
    const r = await verify();
    expect(r.ok).toBe(true);
    expect(r.checked).toBe(r.headSeq);
    expect(r.checked).toBeGreaterThan(10);
  });
});

describe('several chains', () => {
  // PGlite runs one transaction at a time, so there every writer finds chain 1 free.
  it('concurrent writers take free chains; each chain verifies, and a change in one is named', async (test) => {
    if (t.database.kind !== 'postgres') return test.skip();
    const ctx = { actor: null, requestId: 'chains', clientIp: null, systemLabel: 'test' };
    // Eight writers holding their head for a moment: they cannot all share one.
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.db.transaction().execute(async (trx) => {
          await t.services.audit.record(trx, ctx, {
            action: 'test.chains',
            targetType: 'test',
            targetId: String(i),
          });
          await sql`SELECT pg_sleep(0.2)`.execute(trx);
        }),
      ),
    );
    const r = await verify();
    expect(r.ok).toBe(true);
    expect(r.checked).toBe(r.headSeq);
    const used = r.chains.filter((c: { seq: number }) => c.seq > 0);
    expect(used.length).toBeGreaterThan(1);
    const { rows } = await sql<{ seq: number; chain: number; link: number }>`
        SELECT seq, chain, link FROM audit.events WHERE chain > 1 ORDER BY seq LIMIT 1`.execute(
      t.db,
    );
    const row = rows[0]!;
    let result: { firstBroken?: unknown } | undefined;
    await t.db
      .transaction()
      .execute(async (trx) => {
        await sql`ALTER TABLE audit.events DISABLE TRIGGER USER`.execute(trx);
        await sql`UPDATE audit.events SET target_id = 'x' WHERE seq = ${row.seq}`.execute(trx);
        result = await t.services.audit.verify(trx);
        throw new Error('rollback');
      })
      .catch((err: Error) => {
        if (err.message !== 'rollback') throw err;
      });
    expect(result!.firstBroken).toEqual({
      chain: Number(row.chain),
      seq: Number(row.link),
      reason: 'hash_mismatch',
    });
    // The log still reads in one order across the chains.
    const page = (await admin.get('/api/audit/events?action=test.chains&limit=20')).json();
    const seqs = page.items.map((e: { seq: number }) => e.seq);
    expect(seqs).toHaveLength(8);
    expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);
  });
});

describe('tampering is detected and named', () => {
  // Each case tampers behind the application's back inside a transaction, verifies the
  // chain through that transaction, then rolls everything back for the next case.
  async function tampered(statements: string[]) {
    let result: Awaited<ReturnType<typeof t.services.audit.verify>> | undefined;
    await t.db
      .transaction()
      .execute(async (trx) => {
        // As an attacker with the table owner's rights would, switch the guard off first.
        await sql`ALTER TABLE audit.events DISABLE TRIGGER USER`.execute(trx);
        for (const text of statements) await sql.raw(text).execute(trx);
        result = await t.services.audit.verify(trx);
        throw new Error('rollback');
      })
      .catch((err: Error) => {
        if (err.message !== 'rollback') throw err;
      });
    return result!;
  }

  it('an edited row', async () => {
    const r = await tampered([`UPDATE audit.events SET action = 'identity.nothing' WHERE seq = 5`]);
    expect(r.firstBroken).toEqual({ chain: 1, seq: 5, reason: 'hash_mismatch' });
  });

  it('an edited before/after payload', async () => {
    const r = await tampered([
      `UPDATE audit.events SET after = jsonb_set(after, '{fullName}', '"X"') WHERE seq = 8`,
    ]);
    expect(r.firstBroken).toEqual({ chain: 1, seq: 8, reason: 'hash_mismatch' });
  });

  it('a deleted row', async () => {
    const r = await tampered(['DELETE FROM audit.events WHERE seq = 7']);
    expect(r.firstBroken).toEqual({ chain: 1, seq: 7, reason: 'seq_gap' });
  });

  it('two rows swapped (their seq exchanged)', async () => {
    const r = await tampered([
      'UPDATE audit.events SET seq = -1 WHERE seq = 3',
      'UPDATE audit.events SET seq = 3 WHERE seq = 4',
      'UPDATE audit.events SET seq = 4 WHERE seq = -1',
    ]);
    expect(r.firstBroken?.seq).toBe(3);
    expect(r.ok).toBe(false);
  });

  it('the newest rows cut off', async () => {
    const r = await tampered([
      'DELETE FROM audit.events WHERE seq = (SELECT max(seq) FROM audit.events)',
    ]);
    expect(r.firstBroken?.reason).toBe('tail_missing');
  });

  it('is refused by the database itself: the log is append-only', async () => {
    for (const text of [
      `UPDATE audit.events SET action = 'x' WHERE seq = 3`,
      'DELETE FROM audit.events WHERE seq = 3',
      'TRUNCATE audit.events',
    ]) {
      await expect(sql.raw(text).execute(t.db)).rejects.toThrow(/append-only/);
    }
    expect((await verify()).ok).toBe(true);
  });

  it('is named by the admin screen API', async () => {
    await sql`ALTER TABLE audit.events DISABLE TRIGGER USER`.execute(t.db);
    await sql`UPDATE audit.events SET client_ip = '10.0.0.66' WHERE seq = 2`.execute(t.db);
    const r = (await admin.get('/api/audit/verify')).json();
    expect(r.ok).toBe(false);
    expect(r.firstBroken).toEqual({ chain: 1, seq: 2, reason: 'hash_mismatch' });
  });
});
