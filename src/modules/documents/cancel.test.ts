import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import {
  agencyIdByAbbreviation,
  decisionForm,
  idem,
  scenarioSessions,
  signedDecision,
} from '../../../test/helpers/documents.js';
import { userIdOf } from '../../../test/helpers/pki.js';

const titles = async (s: Session) =>
  (await s.get('/api/me/notifications?limit=20'))
    .json()
    .items.map((n: { title: string }) => n.title) as string[];

/**
 * Cancelling a draft: by its drafter or its designated signer, before the signature; the
 * document ends `cancelled`, keeps its history, leaves the queues and the public search; a
 * signed or issued document cannot be cancelled (409 with the allowed actions).
 */
describe('cancelling a draft', () => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof scenarioSessions>>;
  let ldId: string;
  /** A second leader of STTTT: a reviewer who is not the signer. */
  let reviewer: Session;
  let reviewerId: string;

  const compose = async (session: Session = s.cv, overrides: Record<string, unknown> = {}) => {
    const res = await session.post(
      '/api/documents/outgoing',
      await decisionForm(t, { summary: 'Về việc tổ chức hội nghị số hóa tài liệu', ...overrides }),
      idem(),
    );
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const cancel = (session: Session, id: string, body: unknown = { reason: 'Không ban hành nữa' }) =>
    session.post(`/api/documents/outgoing/${id}/cancel`, body);
  const stateOf = async (id: string) =>
    (
      await t.db.executeQuery<{ state: string; isPublic: boolean | null }>(
        sql`SELECT d.state, s.is_public FROM document.documents d
            LEFT JOIN document.search_index s ON s.document_id = d.id
            WHERE d.id = ${id}`.compile(t.db),
      )
    ).rows[0]!;
  const auditOf = async (id: string) =>
    (
      await t.db.executeQuery<{ action: string }>(
        sql`SELECT action FROM audit.events WHERE target_id = ${id} ORDER BY seq`.compile(t.db),
      )
    ).rows.map((r) => r.action);
  const ids = async (session: Session, query = '') =>
    (await session.get(`/api/documents/outgoing?limit=200${query}`))
      .json()
      .items.map((d: { id: string }) => d.id) as string[];

  beforeAll(async () => {
    t = await createTestApp({ env: { SESSION_IDLE_MINUTES: '600' } });
    s = await scenarioSessions(t);
    ldId = await userIdOf(t, 'ld.stttt');
    const stttt = await agencyIdByAbbreviation(t, 'STTTT');
    const admin = await t.loginAs('qt.stttt');
    const created = await admin.post('/api/users', {
      username: 'ld2.stttt',
      fullName: 'Phạm Văn Duyệt',
      agencyId: stttt,
      position: 'Phó Giám đốc',
      password: 'Temporary-Pass-2026',
    });
    expect(created.statusCode).toBe(201);
    reviewerId = created.json().id;
    const granted = await admin.post(`/api/users/${reviewerId}/roles`, {
      role: 'leader',
      agencyId: stttt,
    });
    expect(granted.statusCode).toBeLessThan(300);
    const first = await t.loginAs('ld2.stttt', 'Temporary-Pass-2026');
    await first.post('/api/me/password', {
      currentPassword: 'Temporary-Pass-2026',
      newPassword: 'Own-Password-2026',
    });
    reviewer = await t.loginAs('ld2.stttt', 'Own-Password-2026');
  });
  afterAll(() => t.close());

  it('lets the drafter cancel a draft: terminal state, history and audit kept, gone from the queues and the public search', async () => {
    const id = await compose();
    const before = (await s.cv.get('/api/documents/counts')).json();
    expect(await ids(s.cv)).toContain(id);

    const res = await cancel(s.cv, id, { reason: 'Soạn trùng với dự thảo khác' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc).toMatchObject({
      state: 'cancelled',
      cancelReason: 'Soạn trùng với dự thảo khác',
      number: null,
      symbol: null,
      actions: [],
    });
    expect(doc.cancelledAt).not.toBeNull();
    expect(doc.history.map((h: { action: string }) => h.action)).toEqual(['draft', 'cancel']);
    expect(doc.history.at(-1).note).toBe('Soạn trùng với dự thảo khác');
    expect(await auditOf(id)).toEqual(['document.draft', 'document.cancel']);

    // Its drafter still opens it (with its file); nobody else in the agency does.
    expect((await s.cv.get(`/api/documents/outgoing/${id}`)).json().state).toBe('cancelled');
    expect((await s.cv.get(`/api/documents/outgoing/${id}/file`)).statusCode).toBe(200);
    expect((await s.vt.get(`/api/documents/outgoing/${id}`)).statusCode).toBe(404);

    // Out of every queue and of the default list; asked for by state, there it is.
    const after = (await s.cv.get('/api/documents/counts')).json();
    expect(after.drafts).toBe(before.drafts - 1);
    expect(after.all).toBe(before.all - 1);
    expect(await ids(s.cv)).not.toContain(id);
    expect(await ids(s.cv, '&box=mine')).not.toContain(id);
    expect(await ids(s.cv, '&state=cancelled')).toEqual([id]);
    expect(await ids(s.ld, '&state=cancelled')).toEqual([id]); // the signer, of its chain
    expect(await ids(s.vt, '&state=cancelled')).toEqual([]);

    // The search index followed the state change: not public.
    expect(await stateOf(id)).toEqual({ state: 'cancelled', isPublic: false });
    const search = await s.vt.get(
      `/api/documents/search?q=${encodeURIComponent('hội nghị số hóa tài liệu')}`,
    );
    expect(search.statusCode).toBe(200);
    expect(search.json().items.map((h: { id: string }) => h.id)).not.toContain(id);
    expect(
      (await s.cv.get(`/api/documents/search?q=${encodeURIComponent('hội nghị số hóa')}`))
        .statusCode,
    ).toBe(200);

    // Nothing more can happen to it: 409 with no action allowed.
    for (const [url, body] of [
      [`/api/documents/outgoing/${id}/cancel`, { reason: 'lần nữa' }],
      [`/api/documents/outgoing/${id}/submit`, { reviewerUserIds: [] }],
    ] as const) {
      const again = await s.cv.post(url, body);
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({
        code: 'document.invalid_state',
        state: 'cancelled',
        allowed: [],
      });
    }
  });

  it('lets the designated signer cancel a draft in review, closing the pending reviews and telling the drafter', async () => {
    const id = await compose();
    await s.cv.post(`/api/documents/outgoing/${id}/submit`, {
      reviewerUserIds: [reviewerId, ldId],
    });
    expect((await reviewer.get(`/api/documents/outgoing/${id}`)).json().actions).toEqual([
      'approve',
      'return',
    ]);
    const view = (await s.ld.get(`/api/documents/outgoing/${id}`)).json();
    expect(view.actions).toEqual(['cancel']);
    const res = await cancel(s.ld, id);
    expect(res.statusCode).toBe(200);
    expect(res.json().state).toBe('cancelled');
    expect(res.json().reviews.map((r: { decision: string }) => r.decision)).toEqual([
      'skipped',
      'skipped',
    ]);
    expect((await reviewer.get('/api/documents/counts')).json().review).toBe(0);
    expect(await titles(s.cv)).toContain(
      'Dự thảo đã bị hủy: Về việc tổ chức hội nghị số hóa tài liệu',
    );
    expect(await titles(reviewer)).toContain(
      'Dự thảo đã bị hủy: Về việc tổ chức hội nghị số hóa tài liệu',
    );
    // The notice opens the draft's page in the web app.
    const notices = (await s.cv.get('/api/me/notifications?limit=20')).json().items as {
      title: string;
      link: string | null;
    }[];
    expect(notices.find((n) => n.title.startsWith('Dự thảo đã bị hủy'))?.link).toBe(
      `/documents/outgoing/${id}`,
    );
  });

  it('cancels an approved draft and a returned one', async () => {
    const approved = await compose();
    await s.cv.post(`/api/documents/outgoing/${approved}/submit`, { reviewerUserIds: [] });
    expect((await s.cv.get(`/api/documents/outgoing/${approved}`)).json().actions).toEqual([
      'cancel',
    ]);
    expect((await cancel(s.cv, approved)).json().state).toBe('cancelled');
    expect((await s.ld.get('/api/documents/counts')).json().sign).toBe(0);

    const returned = await compose();
    await s.cv.post(`/api/documents/outgoing/${returned}/submit`, { reviewerUserIds: [ldId] });
    await s.ld.post(`/api/documents/outgoing/${returned}/review`, {
      decision: 'return',
      comment: 'Không cần ban hành',
    });
    expect((await s.cv.get(`/api/documents/outgoing/${returned}`)).json().actions).toEqual([
      'revise',
      'submit',
      'cancel',
    ]);
    expect((await cancel(s.cv, returned)).json().state).toBe('cancelled');
  });

  it('refuses a reviewer who is not the signer (403), another agency (404), a clerk (403), bad input (400), changing nothing', async () => {
    const id = await compose();
    await s.cv.post(`/api/documents/outgoing/${id}/submit`, { reviewerUserIds: [reviewerId] });
    const byReviewer = await cancel(reviewer, id);
    expect(byReviewer.statusCode).toBe(403);
    expect(byReviewer.json().code).toBe('document.not_your_turn');
    expect((await reviewer.get(`/api/documents/outgoing/${id}`)).json().actions).not.toContain(
      'cancel',
    );
    const other = await t.loginAs('ld.longduc');
    const outside = await cancel(other, id);
    expect(outside.statusCode).toBe(404);
    expect(outside.json().code).toBe('document.not_found');
    expect((await cancel(s.vt, id)).statusCode).toBe(403);
    for (const body of [{}, { reason: '   ' }, { reason: 'x'.repeat(2001) }]) {
      const bad = await cancel(s.cv, id, body);
      expect(bad.statusCode).toBe(400);
      expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect(await stateOf(id)).toEqual({ state: 'in_review', isPublic: false });
    expect(await auditOf(id)).toEqual(['document.draft', 'document.submit']);
  });

  it('refuses to cancel a signed or an issued document: 409 problem+json with the allowed actions', async () => {
    const id = await signedDecision(t, s);
    const signed = await cancel(s.cv, id);
    expect(signed.statusCode).toBe(409);
    expect(signed.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(signed.json()).toMatchObject({
      code: 'document.invalid_state',
      state: 'signed',
      action: 'cancel',
      allowed: ['issue'],
    });
    expect((await s.cv.get(`/api/documents/outgoing/${id}`)).json().actions).toEqual([]);
    expect((await s.vt.post(`/api/documents/outgoing/${id}/issue`)).statusCode).toBe(200);
    const issued = await cancel(s.ld, id);
    expect(issued.statusCode).toBe(409);
    expect(issued.json()).toMatchObject({ state: 'issued', allowed: ['recall'] });
    expect(await stateOf(id)).toEqual({ state: 'issued', isPublic: true });
  });
});
