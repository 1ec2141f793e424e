import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import type { NotifyInput } from './schema.js';

let t: TestApp;
let citizen: Session;
let officer: Session;
let citizenId: string;
let officerId: string;

const userId = async (username: string): Promise<string> =>
  (
    await t.db
      .selectFrom('identity.users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
  ).id;

beforeAll(async () => {
  t = await createTestApp();
  citizen = await t.loginAs('congdan');
  officer = await t.loginAs('mc.longduc');
  citizenId = await userId('congdan');
  officerId = await userId('mc.longduc');
});
afterAll(() => t?.close());

/** notify() the way a module calls it: inside its own transaction. */
const send = (input: NotifyInput) =>
  t.db.transaction().execute((trx) => t.services.notify.notify(trx, input));

const rowsWithKey = async (dedupeKey: string) => ({
  messages: await t.db
    .selectFrom('notify.messages')
    .selectAll()
    .where('dedupeKey', '=', dedupeKey)
    .execute(),
  outbox: await t.db
    .selectFrom('notify.outbox')
    .selectAll()
    .where('dedupeKey', '=', dedupeKey)
    .execute(),
});

const list = async (session: Session, query = '') => {
  const res = await session.get(`/api/me/notifications${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: { id: string; title: string; readAt: string | null }[];
    unread: number;
    nextCursor: string | null;
  };
};

describe('notify() in the caller transaction', () => {
  it('leaves nothing behind when the caller rolls back', async () => {
    await expect(
      t.db.transaction().execute(async (trx) => {
        await t.services.notify.notify(trx, {
          userId: citizenId,
          email: 'ba.nguyen@example.vn',
          title: 'Hồ sơ đã được tiếp nhận',
          body: 'Nội dung',
          dedupeKey: 'test.rollback',
        });
        throw new Error('the transition failed');
      }),
    ).rejects.toThrow('the transition failed');
    expect(await rowsWithKey('test.rollback')).toEqual({ messages: [], outbox: [] });
  });

  it('writes one message and one e-mail for a dedupe key, however often it is called', async () => {
    const input = {
      userId: citizenId,
      email: 'ba.nguyen@example.vn',
      title: 'Hồ sơ cần bổ sung',
      body: 'Vui lòng bổ sung giấy tờ.',
      link: '/dossiers/1',
      dedupeKey: 'test.dedupe',
    };
    await send(input);
    await send(input);
    const { messages, outbox } = await rowsWithKey('test.dedupe');
    expect(messages).toHaveLength(1);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      kind: 'email',
      payloadVersion: 1,
      status: 'pending',
      attempts: 0,
      toAddress: 'ba.nguyen@example.vn',
      subject: 'Hồ sơ cần bổ sung',
    });
  });

  it('writes only the channels asked for, and skips an address that is not one', async () => {
    await send({
      userId: null,
      email: 'x@example.vn',
      title: 'Chỉ e-mail',
      body: '',
      dedupeKey: 'k1',
    });
    await send({
      userId: officerId,
      email: 'not an address',
      title: 'Chỉ trong ứng dụng',
      body: '',
      dedupeKey: 'k2',
    });
    expect(await rowsWithKey('k1')).toMatchObject({
      messages: [],
      outbox: [{ toAddress: 'x@example.vn' }],
    });
    expect(await rowsWithKey('k2')).toMatchObject({
      messages: [{ userId: officerId }],
      outbox: [],
    });
  });

  it('refuses a link that leaves the application, and an empty title', async () => {
    for (const link of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      'dossiers/1',
    ]) {
      await expect(
        send({ userId: citizenId, email: null, title: 'x', body: '', link }),
      ).rejects.toMatchObject({ code: 'notify.invalid_notification' });
    }
    await expect(
      send({ userId: citizenId, email: null, title: '  ', body: '' }),
    ).rejects.toMatchObject({ code: 'notify.invalid_notification' });
  });
});

describe('GET /api/me/notifications', () => {
  it('shows each user only their own notifications, with the allowed fields only', async () => {
    await send({ userId: citizenId, email: null, title: 'Cho công dân', body: 'A' });
    await send({
      userId: officerId,
      email: null,
      title: 'Cho cán bộ một cửa',
      body: 'B',
      link: '/desk',
    });
    const mine = await list(citizen, '?limit=100');
    expect(mine.items.map((i) => i.title)).toContain('Cho công dân');
    expect(mine.items.map((i) => i.title)).not.toContain('Cho cán bộ một cửa');
    const theirs = await list(officer, '?limit=100');
    expect(theirs.items.map((i) => i.title)).toContain('Cho cán bộ một cửa');
    expect(theirs.items.map((i) => i.title)).not.toContain('Cho công dân');
    expect(Object.keys(theirs.items[0]!).sort()).toEqual(
      ['body', 'createdAt', 'id', 'link', 'readAt', 'title'].sort(),
    );
  });

  it('pages newest first without gaps or repeats, and counts the unread', async () => {
    expect((await officer.post('/api/me/notifications/read-all')).statusCode).toBe(204);
    expect((await list(officer)).unread).toBe(0);
    const titles: string[] = [];
    for (let i = 1; i <= 5; i++) {
      t.clock.advance(1000);
      titles.push(`Thông báo ${i}`);
      await send({ userId: officerId, email: null, title: `Thông báo ${i}`, body: '' });
    }
    // Two at the same instant: the id breaks the tie, and the cursor keeps it.
    t.clock.advance(1000);
    await send({ userId: officerId, email: null, title: 'Cùng lúc a', body: '' });
    await send({ userId: officerId, email: null, title: 'Cùng lúc b', body: '' });

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof list>> = await list(
        officer,
        `?limit=3${cursor ? `&before=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(page.unread).toBe(7);
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((i) => i.title));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, 2).sort()).toEqual(['Cùng lúc a', 'Cùng lúc b']);
    expect(seen.slice(2, 7)).toEqual([...titles].reverse());
  });

  it('rejects a forged cursor and a limit out of range', async () => {
    const forged = Buffer.from('yesterday|nope').toString('base64url');
    const res = await officer.get(`/api/me/notifications?before=${forged}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('notify.invalid_cursor');
    for (const limit of [0, 101, 'x']) {
      const bad = await officer.get(`/api/me/notifications?limit=${limit}`);
      expect(bad.json().code).toBe('http.validation_failed');
    }
  });
});

describe('marking read', () => {
  it('marks one read, keeps the first reading time, and counts it off', async () => {
    await send({ userId: citizenId, email: null, title: 'Đọc tôi', body: '' });
    const before = await list(citizen);
    const item = before.items.find((i) => i.title === 'Đọc tôi')!;
    expect(item.readAt).toBeNull();
    expect((await citizen.post(`/api/me/notifications/${item.id}/read`)).statusCode).toBe(204);
    const readAt = (await list(citizen)).items.find((i) => i.id === item.id)!.readAt;
    expect(readAt).toBe(t.clock.now().toISOString());
    t.clock.advance(60_000);
    expect((await citizen.post(`/api/me/notifications/${item.id}/read`)).statusCode).toBe(204);
    const after = await list(citizen);
    expect(after.items.find((i) => i.id === item.id)!.readAt).toBe(readAt);
    expect(after.unread).toBe(before.unread - 1);
  });

  it("answers 404 for another user's notification, as for one that does not exist", async () => {
    await send({ userId: citizenId, email: null, title: 'Riêng tư', body: '' });
    const item = (await list(citizen)).items.find((i) => i.title === 'Riêng tư')!;
    const other = await officer.post(`/api/me/notifications/${item.id}/read`);
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('notify.not_found');
    const none = await officer.post(`/api/me/notifications/${crypto.randomUUID()}/read`);
    expect(none.statusCode).toBe(404);
    expect(none.json().code).toBe('notify.not_found');
    expect((await list(citizen)).items.find((i) => i.id === item.id)!.readAt).toBeNull();
    expect((await officer.post('/api/me/notifications/not-a-uuid/read')).statusCode).toBe(400);
  });

  it("marks all of the user's own read, and nobody else's", async () => {
    await send({ userId: officerId, email: null, title: 'Chưa đọc', body: '' });
    expect((await list(citizen)).unread).toBeGreaterThan(0);
    expect((await citizen.post('/api/me/notifications/read-all')).statusCode).toBe(204);
    expect((await list(citizen)).unread).toBe(0);
    expect((await list(officer)).unread).toBeGreaterThan(0);
  });
});

describe('access', () => {
  it('needs a session for every route', async () => {
    const id = crypto.randomUUID();
    for (const res of [
      await t.anonymous.get('/api/me/notifications'),
      await t.anonymous.post(`/api/me/notifications/${id}/read`),
      await t.anonymous.post('/api/me/notifications/read-all'),
    ]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('auth.unauthenticated');
    }
  });

  it('refuses a state change without the CSRF token', async () => {
    const res = await citizen.post('/api/me/notifications/read-all', undefined, {
      'x-csrf-token': 'wrong',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('auth.csrf_failed');
  });
});
