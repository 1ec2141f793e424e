import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import {
  applicant,
  createTestProcedure,
  pdfBytes,
  pngBytes,
  upload,
} from '../../../test/helpers/dossiers.js';

const START = new Date('2026-03-03T02:00:00Z'); // Tuesday 09:00 local

let t: TestApp;
let citizen: Session;
let otherCitizen: Session;
let officer: Session;
let outsider: Session;
let procedure: { id: string; code: string };
let longDucId: string;
let draftId: string;
let submittedId: string;

async function draft(session: Session, key: string): Promise<string> {
  const res = await session.post(
    '/api/portal/dossiers',
    { procedureId: procedure.id, agencyId: longDucId, applicant, formData: { child_name: 'An' } },
    { 'idempotency-key': key },
  );
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().id;
}

beforeAll(async () => {
  t = await createTestApp({ start: START, env: { MAX_FILE_BYTES: '4096' } });
  const admin = await t.loginAs('admin');
  procedure = await createTestProcedure(t, admin);
  longDucId = (await t.services.agencies.findByGsoCode(t.db, '29263'))!.id;
  citizen = await t.loginAs('congdan');
  const reg = await t.anonymous.post('/api/auth/register', {
    username: 'congdan2',
    password: 'Mat-khau-Rat-Manh-2026',
    fullName: 'Phạm Văn Hai',
    email: 'hai@example.vn',
  });
  if (reg.statusCode !== 201) throw new Error(reg.body);
  otherCitizen = await t.loginAs('congdan2', 'Mat-khau-Rat-Manh-2026');
  officer = await t.loginAs('mc.longduc');
  outsider = await t.loginAs('mc.stttt'); // a one-stop officer of another agency

  draftId = await draft(citizen, 'sec-draft-01');
  submittedId = await draft(citizen, 'sec-draft-02');
  await upload(
    citizen,
    `/api/portal/dossiers/${submittedId}/files`,
    { paperKey: 'to_khai' },
    {
      name: 'a.pdf',
      data: pdfBytes(),
    },
  );
  const sub = await citizen.post(`/api/portal/dossiers/${submittedId}/actions`, {
    action: 'submit',
  });
  if (sub.statusCode !== 200) throw new Error(sub.body);
}, 90_000);
afterAll(() => t?.close());

describe('uploads are checked by content and stored under generated names', () => {
  const url = () => `/api/portal/dossiers/${draftId}/files`;

  it('refuses a .pdf that is really HTML', async () => {
    const res = await upload(
      citizen,
      url(),
      { paperKey: 'to_khai' },
      {
        name: 'don.pdf',
        data: Buffer.from('<!doctype html><script>alert(1)</script>'),
        type: 'application/pdf',
      },
    );
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('file.type_not_allowed');
  });

  it('refuses empty and oversized files', async () => {
    const empty = await upload(
      citizen,
      url(),
      { paperKey: 'to_khai' },
      {
        name: 'empty.pdf',
        data: Buffer.alloc(0),
      },
    );
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('file.empty');
    const big = await upload(
      citizen,
      url(),
      { paperKey: 'to_khai' },
      {
        name: 'big.pdf',
        data: Buffer.concat([pdfBytes(), Buffer.alloc(8192, 0x20)]),
      },
    );
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('file.too_large');
    const files = (await citizen.get(`/api/portal/dossiers/${draftId}`)).json().files;
    expect(files).toEqual([]);
  });

  it('keeps path traversal and CR/LF out of the stored name and the download header', async () => {
    const res = await upload(
      citizen,
      url(),
      { paperKey: 'giay_chung_sinh' },
      {
        name: '../../etc/passwd\r\nX-Evil: 1.png',
        data: pngBytes(),
      },
    );
    expect(res.statusCode).toBe(201);
    const name: string = res.json().fileName;
    expect(name).not.toMatch(/[\r\n/\\]/);
    expect(name).not.toContain('..');
    const download = await citizen.get(`/api/portal/dossiers/${draftId}/files/${res.json().id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['x-evil']).toBeUndefined();
    expect(String(download.headers['content-disposition'])).toMatch(/^attachment;/);
  });

  it('refuses an unknown paper key', async () => {
    const res = await upload(
      citizen,
      url(),
      { paperKey: 'khong_co' },
      {
        name: 'a.pdf',
        data: pdfBytes(),
      },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('dossier.unknown_paper');
  });
});

describe('nobody sees or acts on a dossier that is not theirs', () => {
  it('another citizen gets 404 on read, files, actions and rating', async () => {
    expect((await otherCitizen.get(`/api/portal/dossiers/${submittedId}`)).statusCode).toBe(404);
    const act = await otherCitizen.post(`/api/portal/dossiers/${submittedId}/actions`, {
      action: 'withdraw',
      reason: 'x',
    });
    expect(act.statusCode).toBe(404);
    const file = await upload(
      otherCitizen,
      `/api/portal/dossiers/${draftId}/files`,
      {},
      {
        name: 'a.pdf',
        data: pdfBytes(),
      },
    );
    expect(file.statusCode).toBe(404);
    const mine = await otherCitizen.get('/api/portal/dossiers');
    expect(mine.json().items).toEqual([]);
  });

  it('an officer of another agency gets 404 and an empty queue', async () => {
    expect((await outsider.get(`/api/desk/dossiers/${submittedId}`)).statusCode).toBe(404);
    const act = await outsider.post(`/api/desk/dossiers/${submittedId}/actions`, {
      action: 'receive',
    });
    expect(act.statusCode).toBe(404);
    const queue = await outsider.get('/api/desk/dossiers?queue=to_receive');
    expect(queue.json().items.map((d: { id: string }) => d.id)).not.toContain(submittedId);
  });

  it('a citizen cannot use the desk and an anonymous caller nothing', async () => {
    expect((await citizen.get('/api/desk/dossiers')).statusCode).toBe(403);
    expect((await citizen.get(`/api/desk/dossiers/${submittedId}`)).statusCode).toBe(403);
    expect((await t.anonymous.get('/api/portal/dossiers')).statusCode).toBe(401);
    expect((await t.anonymous.get('/api/desk/counts')).statusCode).toBe(401);
    expect(
      (await citizen.get('/api/stats/dossiers?from=2026-01-01&to=2026-12-31')).statusCode,
    ).toBe(403);
  });
});

describe('concurrency', () => {
  it('two officers receiving the same dossier: one wins, the other gets 409', async () => {
    const second = await t.loginAs('mc.longduc');
    const [a, b] = await Promise.all([
      officer.post(`/api/desk/dossiers/${submittedId}/actions`, { action: 'receive' }),
      second.post(`/api/desk/dossiers/${submittedId}/actions`, { action: 'receive' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().code).toBe('dossier.illegal_transition');
    const d = (await officer.get(`/api/desk/dossiers/${submittedId}`)).json();
    expect(d.history.filter((h: { action: string }) => h.action === 'receive')).toHaveLength(1);
  });

  it('dossier codes of one agency and day are consecutive with no gaps', async () => {
    const created = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        officer.post(
          '/api/desk/dossiers',
          {
            procedureId: procedure.id,
            channel: i % 2 ? 'post' : 'desk',
            applicant,
            formData: { child_name: `Bé ${i}` },
            papersReceived: ['to_khai'],
          },
          { 'idempotency-key': `sec-desk-${i}-abcdef` },
        ),
      ),
    );
    const codes = created.map((r) => {
      expect(r.statusCode).toBe(201);
      return r.json().code as string;
    });
    const seqs = codes.map((c) => Number(c.split('-').at(-1))).sort((a, b) => a - b);
    // The online dossier submitted in beforeAll took number 1 of the day.
    expect(seqs).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('filings arriving together are written together, each with its own answer', async () => {
    const admin = await t.loginAs('admin');
    const chainBefore = (await admin.get('/api/audit/verify')).json();
    const body = (i: number) => ({
      procedureId: procedure.id,
      channel: 'desk',
      applicant,
      formData: { child_name: `Bé nhóm ${i}` },
      papersReceived: ['to_khai'],
    });
    const file = (key: string, b: object) =>
      officer.post('/api/desk/dossiers', b, { 'idempotency-key': key });
    const taken = await file('sec-group-taken', body(99));
    expect(taken.statusCode).toBe(201);
    const res = await Promise.all([
      ...Array.from({ length: 8 }, (_, i) => file(`sec-group-${i}-abcdef`, body(i))),
      // A double click: the same key and body twice in the same moment.
      file('sec-group-twice', body(50)),
      file('sec-group-twice', body(50)),
      // A key already used for another dossier, and a filing missing its mandatory paper.
      file('sec-group-taken', body(98)),
      file('sec-group-bad-paper', { ...body(97), papersReceived: [] }),
    ]);
    const ok = res.slice(0, 8);
    for (const r of ok) expect(r.statusCode).toBe(201);
    const [a, b] = [res[8]!, res[9]!];
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json().id).toBe(b.json().id);
    expect(res[10]!.statusCode).toBe(409);
    expect(res[10]!.json().code).toBe('idempotency.key_reused');
    expect(res[11]!.statusCode).toBe(400);
    expect(res[11]!.json().code).toBe('dossier.missing_papers');

    // Nine new dossiers (eight and the double click), numbered on from the earlier ones.
    const fresh = [...ok, a.statusCode === 201 ? a : b, taken].map((r) => r.json());
    const seqs = fresh.map((d) => Number(d.code.split('-').at(-1))).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 10 }, (_, i) => seqs[0]! + i));
    for (const d of fresh) {
      expect(d.state).toBe('received');
      const full = (await officer.get(`/api/desk/dossiers/${d.id}`)).json();
      expect(full.history.map((h: { action: string }) => h.action)).toEqual(['create', 'receive']);
      expect(full.dueAt).toBeTruthy();
    }
    const chainAfter = (await admin.get('/api/audit/verify')).json();
    expect(chainAfter.ok).toBe(true);
    // Two links per dossier (filed, received); the refused requests left none.
    expect(chainAfter.headSeq - chainBefore.headSeq).toBeGreaterThanOrEqual(20);
    const { rows } = await t.db.executeQuery<{ n: string }>(
      sql`SELECT count(*) AS n FROM audit.events
          WHERE action = 'dossier.create' AND target_id = ANY(${fresh.map((d) => d.id)})`.compile(
        t.db,
      ),
    );
    expect(Number(rows[0]!.n)).toBe(10);
  });

  it('acts in a transaction after the in-memory caches expired, never waiting on itself', async () => {
    // On PGlite (one connection) a check that read the outer database inside a transaction
    // would wait for that very transaction — which a fresh cache hides until it expires.
    const id = await draft(citizen, 'sec-draft-expiry');
    await upload(
      citizen,
      `/api/portal/dossiers/${id}/files`,
      { paperKey: 'to_khai' },
      { name: 'a.pdf', data: pdfBytes() },
    );
    const sub = await citizen.post(`/api/portal/dossiers/${id}/actions`, { action: 'submit' });
    expect(sub.statusCode).toBe(200);
    const realNow = Date.now.bind(Date);
    const later = vi.spyOn(Date, 'now').mockImplementation(() => realNow() + 60 * 60_000);
    try {
      const res = await Promise.race([
        officer.post(`/api/desk/dossiers/${id}/actions`, { action: 'receive' }),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('the action hung')), 15_000),
        ),
      ]);
      expect(res.statusCode).toBe(200);
    } finally {
      later.mockRestore();
    }
  });
});
