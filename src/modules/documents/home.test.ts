import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import {
  agencyIdByAbbreviation,
  agencyIdByGso,
  decisionForm,
  idem,
  LONG_DUC,
  scenarioSessions,
  signedDecision,
} from '../../../test/helpers/documents.js';
import { userIdOf } from '../../../test/helpers/pki.js';
import { type DocumentQueueKey, documentQueueKeys, documentQueues } from './queues.js';

/**
 * The documents home: the count of every work queue in one call (each the very query of its
 * list, counted; a queue without its permission absent), the issuing agency on outgoing list
 * items, and the officials one picks as reviewer, signer or lead with position and agency.
 */
describe('documents home: queue counts, list items, officials', () => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof scenarioSessions>>;
  let chair: Session;
  let officer: Session;
  let stttt: string;
  let longDuc: string;

  const compose = async (session: Session, overrides: Record<string, unknown> = {}) => {
    const res = await session.post(
      '/api/documents/outgoing',
      await decisionForm(t, overrides),
      idem(),
    );
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const issue = async () => {
    const id = await signedDecision(t, s);
    const res = await s.vt.post(`/api/documents/outgoing/${id}/issue`);
    expect(res.statusCode).toBe(200);
    return id;
  };
  const entryOf = async (documentId: string) =>
    (await chair.get(`/api/documents/incoming?agencyId=${longDuc}&limit=200`))
      .json()
      .items.find((i: { documentId: string }) => i.documentId === documentId).id as string;

  /** The list behind a queue, as the web app asks for it. */
  const listOf = async (session: Session, key: DocumentQueueKey, agencyId?: string) => {
    const queue = documentQueues.find((q) => q.key === key)!;
    const params = new URLSearchParams({
      ...(queue.query as Record<string, string>),
      limit: '200',
      ...(agencyId ? { agencyId } : {}),
    });
    const res = await session.get(`/api/documents/${queue.source}?${params}`);
    expect([key, res.statusCode]).toEqual([key, 200]);
    return res.json() as { items: unknown[]; total: number };
  };

  beforeAll(async () => {
    // 09:00 on Tuesday 1 December 2026 in Trà Vinh.
    t = await createTestApp({
      start: new Date('2026-12-01T02:00:00Z'),
      env: { SESSION_IDLE_MINUTES: '1440', SESSION_TTL_HOURS: '96' },
    });
    s = await scenarioSessions(t);
    chair = await t.loginAs('ld.longduc');
    officer = await t.loginAs('cv.longduc');
    stttt = await agencyIdByAbbreviation(t, 'STTTT');
    longDuc = await agencyIdByGso(t, LONG_DUC);
    const ldId = await userIdOf(t, 'ld.stttt');

    // Something in every queue of the Department and of Long Đức.
    await compose(s.cv); // a draft
    await compose(s.ld); // the leader's own draft
    const returned = await compose(s.cv);
    await s.cv.post(`/api/documents/outgoing/${returned}/submit`, { reviewerUserIds: [ldId] });
    await s.ld.post(`/api/documents/outgoing/${returned}/review`, {
      decision: 'return',
      comment: 'Sửa căn cứ',
    });
    const inReview = await compose(s.cv);
    await s.cv.post(`/api/documents/outgoing/${inReview}/submit`, { reviewerUserIds: [ldId] });
    const approved = await compose(s.cv);
    await s.cv.post(`/api/documents/outgoing/${approved}/submit`, { reviewerUserIds: [] });
    await signedDecision(t, s); // waits for the clerk
    const undirected = await issue();
    const assigned = await issue();
    const done = await issue();
    expect(undirected).toBeDefined();
    const officerId = await userIdOf(t, 'cv.longduc');
    for (const [documentId, deadline] of [
      // A deadline already past: overdue from the start.
      [assigned, '2026-11-30'],
      [done, '2026-12-31'],
    ] as const) {
      const res = await chair.post(`/api/documents/incoming/${await entryOf(documentId)}/direct`, {
        leadUserId: officerId,
        deadline,
      });
      expect(res.statusCode).toBe(200);
    }
    const completed = await officer.post(
      `/api/documents/incoming/${await entryOf(done)}/complete`,
      { note: 'Đã thực hiện.' },
    );
    expect(completed.statusCode).toBe(200);
  });
  afterAll(() => t.close());

  const expectedQueues: Record<string, DocumentQueueKey[]> = {
    // specialist: read, draft, handle
    'cv.stttt': ['assigned', 'overdue', 'returned', 'drafts', 'outgoing', 'incoming', 'all'],
    // leader: read, draft, approve, sign, direct, handle
    'ld.stttt': [
      'sign',
      'review',
      'undirected',
      'assigned',
      'overdue',
      'returned',
      'drafts',
      'outgoing',
      'incoming',
      'all',
    ],
    // clerk: read, issue, register, records
    'vt.stttt': ['issue', 'overdue', 'outgoing', 'incoming', 'all'],
    'ld.longduc': [
      'sign',
      'review',
      'undirected',
      'assigned',
      'overdue',
      'returned',
      'drafts',
      'outgoing',
      'incoming',
      'all',
    ],
    'cv.longduc': ['assigned', 'overdue', 'returned', 'drafts', 'outgoing', 'incoming', 'all'],
  };

  it('counts each queue exactly as its list, for the specialist, leader and clerk of STTTT and the commune’s chairman and officer', async () => {
    const sessions: Record<string, Session> = {
      'cv.stttt': s.cv,
      'ld.stttt': s.ld,
      'vt.stttt': s.vt,
      'ld.longduc': chair,
      'cv.longduc': officer,
    };
    const seen: Record<string, Record<string, number>> = {};
    for (const [username, session] of Object.entries(sessions)) {
      const res = await session.get('/api/documents/counts');
      expect([username, res.statusCode]).toEqual([username, 200]);
      const counts = res.json() as Record<string, number>;
      // The queues of the user's permissions, in the queues' own order; none other.
      expect([username, Object.keys(counts)]).toEqual([
        username,
        documentQueueKeys.filter((k) => expectedQueues[username]!.includes(k)),
      ]);
      for (const key of Object.keys(counts) as DocumentQueueKey[]) {
        const list = await listOf(session, key);
        expect([username, key, counts[key]]).toEqual([username, key, list.total]);
        expect([username, key, counts[key]]).toEqual([username, key, list.items.length]);
      }
      seen[username] = counts;
    }
    // And the lists are not all empty: what was set up shows in the right queues.
    expect(seen['cv.stttt']).toMatchObject({ drafts: 1, returned: 1, overdue: 0, all: 8 });
    expect(seen['ld.stttt']).toMatchObject({
      review: 1,
      sign: 1,
      drafts: 1,
      returned: 0,
      outgoing: 3,
    });
    expect(seen['vt.stttt']).toMatchObject({ issue: 1, outgoing: 3 });
    // The clerk sees no draft of the chain, only the signed one and the issued ones.
    expect(seen['vt.stttt']!.all).toBe(4);
    expect(seen['ld.longduc']).toMatchObject({ undirected: 1, incoming: 3, overdue: 1 });
    expect(seen['cv.longduc']).toMatchObject({ assigned: 2, overdue: 1, drafts: 0 });
  });

  it('counts one agency when asked, within the scope only (404 outside it), and needs document.read', async () => {
    const own = await s.vt.get(`/api/documents/counts?agencyId=${stttt}`);
    expect(own.statusCode).toBe(200);
    for (const [key, n] of Object.entries(own.json() as Record<string, number>)) {
      expect([key, n]).toEqual([key, (await listOf(s.vt, key as DocumentQueueKey, stttt)).total]);
    }
    const outside = await s.vt.get(`/api/documents/counts?agencyId=${longDuc}`);
    expect(outside.statusCode).toBe(404);
    expect(outside.json().code).toBe('document.not_found');
    const bad = await s.vt.get('/api/documents/counts?agencyId=not-a-uuid');
    expect(bad.statusCode).toBe(400);
    const citizen = await t.loginAs('congdan');
    expect((await citizen.get('/api/documents/counts')).statusCode).toBe(403);
    expect((await t.anonymous.get('/api/documents/counts')).statusCode).toBe(401);
  });

  it('names the issuing agency on every outgoing list item', async () => {
    const agency = await t.services.agencies.getAgency(t.db, stttt);
    const list = (await s.cv.get('/api/documents/outgoing?limit=200')).json();
    expect(list.items.length).toBeGreaterThan(0);
    for (const item of list.items) expect(item.agency).toEqual({ id: stttt, name: agency.name });
  });

  it('gives the officials one picks with their position and agency fields', async () => {
    const ldId = await userIdOf(t, 'ld.stttt');
    const res = await s.cv.get('/api/documents/officials?role=sign');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      id: string;
      fullName: string;
      position: string | null;
      agency: { id: string; name: string } | null;
    }[];
    const leader = items.find((o) => o.id === ldId);
    expect(leader).toBeDefined();
    for (const o of items) {
      expect(Object.keys(o).sort()).toEqual(['agency', 'fullName', 'id', 'position']);
      if (o.agency) expect(o.agency).toEqual({ id: expect.any(String), name: expect.any(String) });
    }
    // The directory's own values: the position to pre-fill the signature block.
    const agency = await t.services.agencies.getAgency(t.db, stttt);
    expect(leader).toMatchObject({
      position: 'Phó Giám đốc',
      agency: { id: stttt, name: agency.name },
    });
    // Outside the scope: not found.
    expect(
      (await s.cv.get(`/api/documents/officials?role=sign&agencyId=${longDuc}`)).statusCode,
    ).toBe(404);
  });
});
