import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import {
  decisionForm,
  idem,
  plainPdf,
  scenarioSessions,
  uploadDocument,
} from '../../../test/helpers/documents.js';
import { extractText } from '../../platform/pdf-safety/index.js';
import { userIdOf } from '../../../test/helpers/pki.js';

type Doc = {
  id: string;
  state: string;
  currentVersion: number;
  composed: { body: string[]; extraRecipientLines: string[] } | null;
  versions: { version: number; source: string }[];
  reviews: { round: number; version: number; decision: string }[];
  actions: string[];
  type: { key: string };
  summary: string;
  urgency: string;
  language: string;
  authority: string | null;
  headTitle: string | null;
  signerUserId: string;
  signerPosition: string;
  draftingUnit: string | null;
  place: string | null;
  dueOn: string | null;
  recipients: { agencyId: string | null; name: string; email: string | null }[];
  related: { id: string }[];
};

/** The form again, from what the drafter's view carries: metadata + the composed body. */
function formOf(d: Doc) {
  return {
    typeKey: d.type.key,
    summary: d.summary,
    urgency: d.urgency,
    language: d.language,
    authority: d.authority,
    headTitle: d.headTitle,
    signerUserId: d.signerUserId,
    signerPosition: d.signerPosition,
    draftingUnit: d.draftingUnit,
    ...(d.place ? { place: d.place } : {}),
    dueOn: d.dueOn,
    recipients: d.recipients.map((r) =>
      r.agencyId ? { agencyId: r.agencyId } : { name: r.name, email: r.email },
    ),
    relatedIds: d.related.map((r) => r.id),
    body: d.composed!.body,
    extraRecipientLines: d.composed!.extraRecipientLines,
  };
}

/**
 * A returned composed draft is composed again: its drafter gets the body back in the view,
 * sends the edited form as a new version (`POST …/:id/versions`), and the review starts over.
 */
describe('recomposing a returned draft', () => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof scenarioSessions>>;
  let ldId: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { SESSION_IDLE_MINUTES: '600' } });
    s = await scenarioSessions(t);
    ldId = await userIdOf(t, 'ld.stttt');
  });
  afterAll(() => t.close());

  it('gives the drafter the composed body, composes a new version of the returned draft, and restarts the review', async () => {
    const form = await decisionForm(t);
    const created = await s.cv.post('/api/documents/outgoing', form, idem());
    expect(created.statusCode).toBe(201);
    const draft = created.json() as Doc;
    expect(draft.composed).toEqual({
      body: form.body,
      extraRecipientLines: form.extraRecipientLines,
    });

    // Still open (never submitted): a new composed version is allowed too.
    const open = await s.cv.post(`/api/documents/outgoing/${draft.id}/versions`, {
      ...formOf(draft),
      summary: 'Về việc ban hành Kế hoạch chuyển đổi số năm 2027',
      note: 'Sửa trích yếu',
    });
    expect(open.statusCode).toBe(200);
    expect(open.json()).toMatchObject({ state: 'draft', currentVersion: 2 });

    await s.cv.post(`/api/documents/outgoing/${draft.id}/submit`, { reviewerUserIds: [ldId] });
    // Only the drafter gets the body back.
    const forLeader = (await s.ld.get(`/api/documents/outgoing/${draft.id}`)).json() as Doc;
    expect(forLeader.composed).toBeNull();
    // Under review it cannot be recomposed.
    const early = await s.cv.post(`/api/documents/outgoing/${draft.id}/versions`, formOf(draft));
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'document.invalid_state', state: 'in_review' });

    const returned = await s.ld.post(`/api/documents/outgoing/${draft.id}/review`, {
      decision: 'return',
      comment: 'Bổ sung điều khoản thi hành',
    });
    expect(returned.json().state).toBe('returned');

    const view = (await s.cv.get(`/api/documents/outgoing/${draft.id}`)).json() as Doc;
    expect(view.actions).toEqual(['revise', 'submit', 'cancel']);
    expect(view.composed!.body).toEqual(form.body);
    const body = [
      ...view.composed!.body,
      'Điều 3. Chánh Văn phòng Sở và các đơn vị liên quan chịu trách nhiệm thi hành Quyết định này.',
    ];
    // Somebody else may not (the leader is not the drafter): 403, nothing changes.
    const other = await s.ld.post(`/api/documents/outgoing/${draft.id}/versions`, {
      ...formOf(view),
      body,
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('document.not_your_turn');
    // Bad input: problem+json, nothing changes.
    const bad = await s.cv.post(`/api/documents/outgoing/${draft.id}/versions`, {
      ...formOf(view),
      body: [],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);

    const recomposed = await s.cv.post(`/api/documents/outgoing/${draft.id}/versions`, {
      ...formOf(view),
      body,
      note: 'Thêm Điều 3',
    });
    expect(recomposed.statusCode).toBe(200);
    const v3 = recomposed.json() as Doc;
    expect(v3).toMatchObject({ state: 'returned', currentVersion: 3 });
    expect(v3.versions.map((v) => [v.version, v.source])).toEqual([
      [1, 'compose'],
      [2, 'compose'],
      [3, 'compose'],
    ]);
    expect(v3.composed!.body).toEqual(body);
    const pdf = await s.cv.get(`/api/documents/outgoing/${draft.id}/file`);
    expect(await extractText(new Uint8Array(pdf.rawPayload))).toMatch(/Điều\s+3\./u);

    // Submitted again: a new round on the new version, which the leader approves.
    const again = await s.cv.post(`/api/documents/outgoing/${draft.id}/submit`, {
      reviewerUserIds: [ldId],
    });
    expect(again.json().state).toBe('in_review');
    expect((again.json() as Doc).reviews.map((r) => [r.round, r.version, r.decision])).toEqual([
      [1, 2, 'returned'],
      [2, 3, 'pending'],
    ]);
    const approved = await s.ld.post(`/api/documents/outgoing/${draft.id}/review`, {
      decision: 'approve',
    });
    expect(approved.json().state).toBe('approved');
    expect(
      (await s.cv.get(`/api/documents/outgoing/${draft.id}`))
        .json()
        .history.map((h: { action: string }) => h.action),
    ).toEqual(['draft', 'revise', 'submit', 'return', 'revise', 'submit', 'approve']);
  }, 120_000);

  it('drops the composed body once an uploaded version replaces it, and composes again from the form', async () => {
    const form = await decisionForm(t);
    const id = (await s.cv.post('/api/documents/outgoing', form, idem())).json().id as string;
    const uploaded = await uploadDocument(
      s.cv,
      `/api/documents/outgoing/${id}/versions/upload`,
      undefined,
      { name: 'ban-sua.pdf', data: await plainPdf('Ban sua tu may') },
    );
    expect(uploaded.statusCode).toBe(200);
    expect(uploaded.json()).toMatchObject({ currentVersion: 2, composed: null });
    const recomposed = await s.cv.post(`/api/documents/outgoing/${id}/versions`, {
      ...form,
      note: 'Soạn lại trên hệ thống',
    });
    expect(recomposed.statusCode).toBe(200);
    expect(recomposed.json()).toMatchObject({
      currentVersion: 3,
      composed: { body: form.body, extraRecipientLines: form.extraRecipientLines },
    });
  });
});
