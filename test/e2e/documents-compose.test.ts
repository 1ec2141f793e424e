import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText } from '../../src/platform/pdf-safety/index.js';
import { DEMO_PIN, Office, todayVn, WAIT } from './documents-helpers.js';

/**
 * The compose form and the documents home against the server's newer answers: the signer's
 * position pre-filled from the officials directory, a returned composed draft composed again
 * in the same form (a new version whose PDF carries the change), a draft cancelled with its
 * reason, the home's queue counts from one call (`GET /api/documents/counts`), and dates typed
 * day first in English too. Each test checks what the official sees and the same fact
 * through the API.
 */
type Doc = {
  id: string;
  state: string;
  summary: string;
  signerPosition: string | null;
  dueOn: string | null;
  currentVersion: number;
  cancelReason: string | null;
  composed: { body: string[]; extraRecipientLines: string[] } | null;
  actions: string[];
  versions: { version: number; source: string; note: string | null }[];
  reviews: { round: number; version: number; decision: string; comment: string | null }[];
  recipients: { agencyId: string | null; name: string }[];
  history: { action: string; note: string | null }[];
};
type Official = { id: string; fullName: string; position: string | null };
type Counts = Partial<Record<string, number>>;
type ListPage = { items: { id: string; summary: string }[]; total: number };

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
/** PDF text compared without its layout: line breaks and spacing differ from the form's. */
const squeeze = (s: string) => s.normalize('NFC').replace(/\s+/g, '');

describe('web app: composing, re-composing and cancelling drafts; the home counts', () => {
  const office = new Office('documents-compose');
  const {
    as,
    api,
    act,
    pickOption,
    openQueue,
    stateOf,
    shot,
    expectAccessible,
    nextOtp,
    me,
    text,
  } = office;

  beforeAll(office.start, 180_000);
  afterAll(office.stop);

  /** The count shown beside a queue of the home, as read on the screen. */
  const badge = async (page: Page, key: string) =>
    ((await page.getByTestId(`queue-${key}`).locator('.ant-badge').innerText()) ?? '').trim();
  const docOf = async (username: string, id: string) =>
    (await api(username)).get<Doc>(`/api/documents/outgoing/${id}`);
  /** The PDF text of one version of a document, as its drafter downloads it. */
  const versionText = async (id: string, version: number) => {
    const res = await (
      await api('cv.stttt')
    ).raw(`/api/documents/outgoing/${id}/file?which=${version}`);
    expect(res.status()).toBe(200);
    return extractText(new Uint8Array(await res.body()));
  };
  const setLanguage = async (page: Page, lang: 'VI' | 'EN') => {
    await page.getByTestId('language-switch').getByText(lang, { exact: true }).click();
    await expect
      .poll(() => page.locator('html').getAttribute('lang'), { timeout: WAIT })
      .toBe(lang.toLowerCase());
  };

  const positionLabel = 'Chức vụ người ký (in trên văn bản)';
  const summary = 'Về việc tổ chức Hội nghị tổng kết công tác chuyển đổi số năm nay';
  const oldParagraph = 'Điều 2. Giao Văn phòng Sở chủ trì tổ chức Hội nghị.';
  const newParagraph =
    'Điều 2. Giao Văn phòng Sở chủ trì tổ chức Hội nghị, hoàn thành trước ngày 15 tháng 12.';
  const body = [
    'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;',
    'QUYẾT ĐỊNH:',
    'Điều 1. Tổ chức Hội nghị tổng kết công tác chuyển đổi số.',
    oldParagraph,
    'Điều 3. Quyết định này có hiệu lực kể từ ngày ký.',
  ];
  const dueOn = `${Number(todayVn().slice(0, 4)) + 1}-12-25`;
  let draftId = '';

  it('pre-fills the signer’s position from the directory when the signer is picked, never over what the drafter typed', async () => {
    // a second leader of the Department (the director), so that the signer can change
    const admin = await api('admin');
    const stttt = (await me('cv.stttt')).user.agencyId;
    const director = await admin.post<{ id: string }>(
      '/api/users',
      {
        username: 'gd.stttt',
        fullName: 'Trần Quốc Việt',
        position: 'Giám đốc',
        agencyId: stttt,
        password: 'Giam-doc-So-2026!',
      },
      { status: 201 },
    );
    await admin.post(
      `/api/users/${director.id}/roles`,
      { role: 'leader', agencyId: stttt },
      { status: 201 },
    );
    const cv = await api('cv.stttt');
    const signers = (await cv.get<{ items: Official[] }>('/api/documents/officials?role=sign'))
      .items;
    const tam = signers.find((s) => s.fullName === 'Huỳnh Văn Tâm')!;
    const viet = signers.find((s) => s.fullName === 'Trần Quốc Việt')!;
    expect([tam?.position, viet?.position]).toEqual(['Phó Giám đốc', 'Giám đốc']);

    const page = await as('cv.stttt');
    await page.goto(`${office.url}/documents`);
    await page.getByTestId('doc-compose').click();
    const form = page.getByTestId('doc-form');
    await form.waitFor();
    await pickOption(page, form.getByTestId('doc-type'), 'Quyết định (QĐ)');
    await form.getByLabel('Trích yếu nội dung').fill(summary);
    await pickOption(page, form.getByTestId('doc-authority'), 'KT.');
    await form.getByLabel('Chức danh người đứng đầu').fill('GIÁM ĐỐC');
    const position = form.getByLabel(positionLabel);
    expect(await position.inputValue()).toBe('');

    // the picker shows each signer with their position
    await form.getByTestId('doc-signer').click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await expect
      .poll(() => options.allTextContents(), { timeout: WAIT })
      .toEqual(
        expect.arrayContaining(['Huỳnh Văn Tâm — Phó Giám đốc', 'Trần Quốc Việt — Giám đốc']),
      );
    await shot(page, '01-signer-options');
    await options.filter({ hasText: 'Huỳnh Văn Tâm' }).click();
    await expect.poll(() => position.inputValue()).toBe('Phó Giám đốc');
    // another signer: the pre-filled position follows
    await pickOption(page, form.getByTestId('doc-signer'), 'Trần Quốc Việt');
    await expect.poll(() => position.inputValue()).toBe('Giám đốc');
    // what the drafter types stays, whoever is picked next
    await position.fill('Q. GIÁM ĐỐC');
    await pickOption(page, form.getByTestId('doc-signer'), 'Huỳnh Văn Tâm');
    await expect
      .poll(() => form.getByTestId('doc-signer').textContent())
      .toContain('Huỳnh Văn Tâm');
    expect(await position.inputValue()).toBe('Q. GIÁM ĐỐC');
    // emptied, it is filled again
    await position.fill('');
    await pickOption(page, form.getByTestId('doc-signer'), 'Trần Quốc Việt');
    await expect.poll(() => position.inputValue()).toBe('Giám đốc');
    await pickOption(page, form.getByTestId('doc-signer'), 'Huỳnh Văn Tâm');
    await expect.poll(() => position.inputValue()).toBe('Phó Giám đốc');

    await form.getByTestId('doc-recipients').click();
    await page.keyboard.type('long duc');
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'xã Long Đức' })
      .first()
      .click({ timeout: WAIT });
    await page.keyboard.press('Escape');
    await form.getByTestId('doc-body').fill(body.join('\n'));

    // the deadline typed day first, in English too (antd's English picker is month first)
    await setLanguage(page, 'EN');
    const due = form.getByTestId('doc-due');
    await due.click();
    await due.fill(dmy(dueOn));
    // leaving the field keeps a valid date (Enter would submit the form)
    await due.press('Tab');
    await expect.poll(() => due.inputValue()).toBe(dmy(dueOn));
    await shot(page, '02-compose-english');
    await setLanguage(page, 'VI');
    expect(await due.inputValue()).toBe(dmy(dueOn));
    await shot(page, '03-compose-prefilled');
    await expectAccessible(page, 'compose with the signer picked');

    await page.getByTestId('doc-save').click();
    await page.waitForURL(/\/documents\/outgoing\/[0-9a-f-]{36}$/, { timeout: WAIT });
    draftId = page.url().split('/').at(-1)!;
    expect(await stateOf(page)).toBe('draft');
    expect(await text(page, 'doc-meta')).toContain('KT. GIÁM ĐỐC / Phó Giám đốc / Huỳnh Văn Tâm');
    expect(await text(page, 'doc-meta')).toContain(dmy(dueOn));

    const d = await docOf('cv.stttt', draftId);
    expect(d).toMatchObject({
      state: 'draft',
      signerPosition: 'Phó Giám đốc',
      dueOn,
      composed: { body, extraRecipientLines: ['- Lưu: VT.'] },
    });
    expect(d.recipients.map((r) => r.name)).toEqual(['Ủy ban nhân dân xã Long Đức']);
    // printed in capitals in the signature block
    expect(squeeze(await versionText(draftId, 1))).toContain(squeeze('PHÓ GIÁM ĐỐC'));
  });

  const returnComment = 'Đề nghị ghi rõ thời hạn hoàn thành tại Điều 2.';

  it('has the reviewer return the composed draft, which its drafter composes again and resubmits: the new version carries the change', async () => {
    const drafter = await as('cv.stttt');
    await drafter.goto(`${office.url}/documents/outgoing/${draftId}`);
    // an open draft may be composed again; it is submitted as it is
    await drafter.getByTestId('action-recompose').waitFor({ timeout: WAIT });
    await act(drafter, 'submit', 'in_review', async (dialog) => {
      await pickOption(drafter, dialog.getByTestId('submit-reviewers'), 'Huỳnh Văn Tâm');
      await drafter.keyboard.press('Escape');
    });
    expect(await drafter.getByTestId('action-recompose').count()).toBe(0);
    // under review, the form refuses it too
    await drafter.goto(`${office.url}/documents/outgoing/${draftId}/compose`);
    await drafter.getByTestId('recompose-refused').waitFor({ timeout: WAIT });
    expect(await drafter.getByTestId('doc-form').count()).toBe(0);

    const reviewer = await as('ld.stttt');
    const list = await openQueue(reviewer, 'review', summary);
    await list.locator('tr', { hasText: summary }).getByTestId('doc-link').click();
    await reviewer.waitForURL(`**/documents/outgoing/${draftId}`);
    // the reviewer is not the drafter: the view carries no body, nothing to re-compose
    expect((await docOf('ld.stttt', draftId)).composed).toBeNull();
    expect(await reviewer.getByTestId('action-recompose').count()).toBe(0);
    await act(reviewer, 'return', 'returned', async (dialog) => {
      await dialog.getByLabel('Lý do trả lại, nội dung cần sửa').fill(returnComment);
    });

    // the drafter opens the form again, filled from the document
    const back = await openQueue(drafter, 'returned', summary);
    await back.locator('tr', { hasText: summary }).getByTestId('doc-link').click();
    await drafter.waitForURL(`**/documents/outgoing/${draftId}`);
    await drafter.getByTestId('action-recompose').click();
    await drafter.waitForURL(`**/documents/outgoing/${draftId}/compose`, { timeout: WAIT });
    const form = drafter.getByTestId('doc-form');
    const bodyField = form.getByTestId('doc-body');
    await expect.poll(() => bodyField.inputValue(), { timeout: WAIT }).toBe(body.join('\n'));
    expect(await form.getByLabel('Trích yếu nội dung').inputValue()).toBe(summary);
    expect(await form.getByLabel(positionLabel).inputValue()).toBe('Phó Giám đốc');
    expect(await form.getByLabel('Chức danh người đứng đầu').inputValue()).toBe('GIÁM ĐỐC');
    expect(await form.getByTestId('doc-due').inputValue()).toBe(dmy(dueOn));
    await expect
      .poll(() => form.getByTestId('doc-signer').textContent(), { timeout: WAIT })
      .toContain('Huỳnh Văn Tâm — Phó Giám đốc');
    expect(await form.getByTestId('doc-recipients').textContent()).toContain(
      'Ủy ban nhân dân xã Long Đức',
    );
    expect(await drafter.getByTestId('doc-mode').count()).toBe(0);
    const intro = await text(drafter, 'recompose-intro');
    expect(intro).toContain('phiên bản 2');
    expect(intro).toContain(returnComment);

    await bodyField.fill(body.map((p) => (p === oldParagraph ? newParagraph : p)).join('\n'));
    await form.getByTestId('recompose-note').fill('Ghi thời hạn tại Điều 2');
    await shot(drafter, '04-recompose');
    await expectAccessible(drafter, 'recompose form');
    await drafter.getByTestId('doc-save').click();
    await drafter.waitForURL(`**/documents/outgoing/${draftId}`, { timeout: WAIT });
    await drafter
      .locator('.ant-message-success', { hasText: 'Đã lưu phiên bản mới.' })
      .waitFor({ timeout: WAIT });
    const reviews = drafter.getByTestId('doc-reviews');
    await expect
      .poll(() => reviews.textContent(), { timeout: WAIT })
      .toContain('v2 · Soạn trên hệ thống');
    expect(await reviews.textContent()).toContain('Ghi thời hạn tại Điều 2');
    expect(await stateOf(drafter)).toBe('returned');
    await shot(drafter, '05-recomposed');

    const newBody = body.map((p) => (p === oldParagraph ? newParagraph : p));
    const d = await docOf('cv.stttt', draftId);
    expect(d).toMatchObject({
      state: 'returned',
      currentVersion: 2,
      summary,
      signerPosition: 'Phó Giám đốc',
      dueOn,
      composed: { body: newBody, extraRecipientLines: ['- Lưu: VT.'] },
    });
    expect(d.versions.map((v) => [v.version, v.source, v.note])).toEqual([
      [1, 'compose', null],
      [2, 'compose', 'Ghi thời hạn tại Điều 2'],
    ]);
    expect(d.recipients.map((r) => r.name)).toEqual(['Ủy ban nhân dân xã Long Đức']);
    // the PDF of version 2 says the new paragraph, version 1 still the old one
    const [v1, v2] = [
      squeeze(await versionText(draftId, 1)),
      squeeze(await versionText(draftId, 2)),
    ];
    expect(v2).toContain(squeeze('hoàn thành trước ngày 15 tháng 12'));
    expect(v1).not.toContain(squeeze('hoàn thành trước ngày 15 tháng 12'));
    expect(v1).toContain(squeeze(oldParagraph));

    await act(drafter, 'submit', 'in_review', async (dialog) => {
      await pickOption(drafter, dialog.getByTestId('submit-reviewers'), 'Huỳnh Văn Tâm');
      await drafter.keyboard.press('Escape');
    });
    const after = await docOf('cv.stttt', draftId);
    expect(after.reviews.map((r) => [r.round, r.version, r.decision])).toEqual([
      [1, 1, 'returned'],
      [2, 2, 'pending'],
    ]);
    expect(after.history.map((h) => h.action)).toEqual([
      'draft',
      'submit',
      'return',
      'revise',
      'submit',
    ]);
  });

  it('cancels a draft with a reason: it leaves "my drafts", its page says why', async () => {
    const cv = await api('cv.stttt');
    const signerUserId = (await me('ld.stttt')).user.id;
    const draftOf = (about: string) =>
      cv.post<Doc>(
        '/api/documents/outgoing',
        {
          typeKey: 'thong-bao',
          summary: about,
          signerUserId,
          signerPosition: 'Phó Giám đốc',
          body: ['Sở Thông tin và Truyền thông thông báo.'],
        },
        { status: 201 },
      );
    const doomed = await draftOf('Về việc lịch họp giao ban tuần (đăng ký nhầm)');
    const kept = await draftOf('Về việc lịch họp giao ban tháng');
    const countsBefore = await cv.get<Counts>('/api/documents/counts');

    const page = await as('cv.stttt');
    let list = await openQueue(page, 'drafts', doomed.summary);
    expect(await list.textContent()).toContain(kept.summary);
    await page.goto(`${office.url}/documents/outgoing/${doomed.id}`);
    await page.getByTestId('action-cancel').waitFor({ timeout: WAIT });
    const reason = 'Trùng với thông báo đã ban hành, không cần ban hành nữa.';
    await act(
      page,
      'cancel',
      'cancelled',
      async (dialog) => {
        expect(await dialog.textContent()).toContain('không được ký, phát hành nữa');
        await dialog.getByLabel('Lý do hủy').fill(reason);
      },
      '06-cancel-modal',
    );
    expect(await text(page, 'doc-state')).toBe('Đã hủy');
    expect(await text(page, 'doc-cancelled')).toContain(reason);
    expect(await text(page, 'doc-actions')).toBe(
      'Bạn không có thao tác nào với văn bản này lúc này.',
    );
    expect(await text(page, 'doc-history')).toContain(reason);
    // never submitted: not "straight to the signer"
    expect(await text(page, 'doc-reviews')).toContain('Chưa trình duyệt.');
    await shot(page, '07-cancelled');
    await expectAccessible(page, 'a cancelled draft');

    const d = await cv.get<Doc>(`/api/documents/outgoing/${doomed.id}`);
    expect(d).toMatchObject({ state: 'cancelled', cancelReason: reason, actions: [] });
    const drafts = await cv.get<ListPage>('/api/documents/outgoing?box=mine&state=draft&limit=200');
    expect(drafts.items.map((i) => i.id)).toContain(kept.id);
    expect(drafts.items.map((i) => i.id)).not.toContain(doomed.id);
    const cancelled = await cv.get<ListPage>('/api/documents/outgoing?state=cancelled&limit=200');
    expect(cancelled.items.map((i) => i.id)).toContain(doomed.id);
    const countsAfter = await cv.get<Counts>('/api/documents/counts');
    expect(countsAfter.drafts).toBe(countsBefore.drafts! - 1);
    expect(countsAfter.all).toBe(countsBefore.all! - 1);

    // "my drafts" on the home: the kept one, not the cancelled one; its count as the API's
    list = await openQueue(page, 'drafts', kept.summary);
    expect(await list.textContent()).not.toContain(doomed.summary);
    await expect
      .poll(() => badge(page, 'drafts'), { timeout: WAIT })
      .toBe(String(countsAfter.drafts));
  });

  /**
   * Opens the home, recording the documents calls it makes; checks the queues shown and their
   * counts against `GET /api/documents/counts`, which it returns.
   */
  async function homeMatchesCounts(username: string): Promise<Counts> {
    const page = await as(username);
    const calls: string[] = [];
    const record = (req: { url: () => string }) => {
      const url = new URL(req.url());
      if (url.pathname.startsWith('/api/documents/')) calls.push(`${url.pathname}${url.search}`);
    };
    page.on('request', record);
    await page.goto(`${office.url}/documents`);
    // the counts first, then the list of the queue they chose, and nothing else
    const lists = () => calls.filter((c) => /^\/api\/documents\/(outgoing|incoming)\?/.test(c));
    await expect.poll(() => lists().length, { timeout: WAIT }).toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');
    page.off('request', record);
    expect(calls.filter((c) => c.startsWith('/api/documents/counts'))).toHaveLength(1);
    expect(calls.filter((c) => /[?&]limit=1(&|$)/.test(c))).toEqual([]);
    expect(lists()).toHaveLength(1);

    const counts = await (await api(username)).get<Counts>('/api/documents/counts');
    const keys = Object.keys(counts);
    const menu = page.getByTestId('doc-queues');
    await expect
      .poll(
        async () =>
          (
            await menu
              .locator('[data-testid^="queue-"]')
              .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))
          ).map((id) => id!.slice('queue-'.length)),
        { timeout: WAIT },
      )
      .toEqual(keys);
    for (const key of keys) {
      await expect
        .poll(() => badge(page, key), { timeout: WAIT, message: `${username}: ${key}` })
        .toBe(String(counts[key]));
    }
    return counts;
  }

  it('shows the home queues and their counts as GET /api/documents/counts gives them, for a leader and for a clerk', async () => {
    // something to sign for the leader, something to issue for the clerk
    const cv = await api('cv.stttt');
    const ld = await api('ld.stttt');
    const signerUserId = (await me('ld.stttt')).user.id;
    const approved = async (about: string) => {
      const draft = await cv.post<Doc>(
        '/api/documents/outgoing',
        {
          typeKey: 'thong-bao',
          summary: about,
          signerUserId,
          signerPosition: 'Phó Giám đốc',
          body: ['Sở Thông tin và Truyền thông thông báo.'],
        },
        { status: 201 },
      );
      expect((await cv.post<Doc>(`/api/documents/outgoing/${draft.id}/submit`, {})).state).toBe(
        'approved',
      );
      return draft;
    };
    await approved('Về việc lịch trực an toàn thông tin (chờ ký)');
    const toIssue = await approved('Về việc lịch trực an toàn thông tin (chờ phát hành)');
    await office.enrolByApi('ld.stttt');
    const signed = await ld.post<Doc>(`/api/documents/outgoing/${toIssue.id}/sign`, {
      pin: DEMO_PIN,
      otp: nextOtp('ld.stttt'),
    });
    expect(signed.state).toBe('signed');

    const leader = await homeMatchesCounts('ld.stttt');
    expect(Object.keys(leader)).toEqual([
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
    ]);
    // what this file left waiting for him: one to sign, the re-composed draft to review
    expect([leader.sign, leader.review]).toEqual([1, 1]);
    const leaderPage = await as('ld.stttt');
    await shot(leaderPage, '08-home-leader');
    // the review queue holds the re-composed draft, as many rows as counted
    const review = await openQueue(leaderPage, 'review', summary);
    expect(await review.getByTestId('doc-link').count()).toBe(leader.review);

    const clerk = await homeMatchesCounts('vt.stttt');
    expect(Object.keys(clerk)).toEqual(['issue', 'overdue', 'outgoing', 'incoming', 'all']);
    expect(clerk.issue).toBe(1);
    const clerkPage = await as('vt.stttt');
    await shot(clerkPage, '09-home-clerk');
    await expectAccessible(clerkPage, 'documents home of a clerk');
    const issue = await openQueue(clerkPage, 'issue', toIssue.summary);
    expect(await issue.getByTestId('doc-link').count()).toBe(clerk.issue);
  });

  it('takes the certificate figures’ period day first in English too', async () => {
    const page = await as('admin');
    await page.goto(`${office.url}/pki?tab=stats`);
    const range = page.locator('.ant-picker-range');
    await range.waitFor({ timeout: WAIT });
    await setLanguage(page, 'EN');
    await page.getByRole('tab', { name: 'Figures' }).waitFor({ timeout: WAIT });
    const lastYear = Number(todayVn().slice(0, 4)) - 1;
    const [start, end] = [range.locator('input').first(), range.locator('input').last()];
    await expect.poll(() => end.inputValue()).toBe(dmy(todayVn()));
    await start.click();
    await start.fill(`13/02/${lastYear}`);
    await start.press('Enter');
    await end.fill(dmy(todayVn()));
    await end.press('Enter');
    await page.getByText(`13/02/${lastYear} – ${dmy(todayVn())}`).waitFor({ timeout: WAIT });
    expect(await start.inputValue()).toBe(`13/02/${lastYear}`);
    await shot(page, '10-pki-stats-english');
    await setLanguage(page, 'VI');
  });

  it('raised no errors in the pages', () => {
    expect(office.pageErrors).toEqual([]);
  });
});
