import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainPdf } from '../helpers/documents.js';
import { DEMO_PIN, Office, todayVn, WAIT } from './documents-helpers.js';

/**
 * The screens of the documents and certificates areas that the whole scenario
 * (documents.test.ts) never opens: an uploaded PDF draft and its new versions, a return with
 * the reviewer's comment, the recall of an issued document, a paper document registered by the
 * clerk, the return of a received one to its sender; the certificate admin's suspend, resume,
 * renew and PIN unlock, an official changing their PIN; closing a file and the
 * archive-transfer list; and the figures of the documents report. Each test checks what the
 * official sees and the same fact through the API.
 */
type Doc = {
  id: string;
  state: string;
  symbol: string | null;
  summary: string;
  recallReason: string | null;
  versions: { version: number; source: string; fileName: string }[];
  reviews: { decision: string; comment: string | null; round: number; version: number }[];
  recipients: { agencyId: string | null; returnedAt: string | null; returnReason: string | null }[];
};
type Incoming = {
  id: string;
  signatureCheck: { isValid: boolean | null } | null;
  number: number;
  year: number;
  state: string;
  source: string;
  returnReason: string | null;
  document: { symbol: string | null; summary: string };
};
type IncomingList = { items: { id: string; symbol: string | null }[]; total: number };
type Cert = {
  id: string;
  userId: string | null;
  status: string;
  hasPin: boolean;
  isPinLocked: boolean;
  renewedFromId: string | null;
  subject: { name: string };
};
type Stats = {
  from: string;
  to: string;
  issued: number;
  digitallySigned: number;
  bySigner: { name: string; count: number }[];
  byAgency: { agencyId: string; name: string; count: number }[];
  byAgencyKind: { kind: string; count: number }[];
  communes: { total: number; issuing: number; receiveOnly: number; receiveOnlyNames: string[] };
  incoming: { received: number; onTime: number; late: number; inProgress: number; overdue: number };
};

const pdfFile = async (name: string, text: string) => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.from(await plainPdf(text)),
});
/** The web app's percentages (features/stats: one decimal, Vietnamese digits, " %"). */
const percentVi = (part: number, whole: number) =>
  whole > 0
    ? `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format((part / whole) * 100)} %`
    : '—';

describe('web app: documents and certificates, the screens around the scenario', () => {
  const office = new Office('documents-more');
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

  let ldTotp = false;
  /**
   * A decision of the Department composed by its specialist, signed directly by the deputy
   * director (PIN + TOTP) and issued by its clerk to Xã Long Đức, all through the API.
   */
  async function issueToLongDuc(summary: string): Promise<Doc> {
    const [cv, ld, vt] = [await api('cv.stttt'), await api('ld.stttt'), await api('vt.stttt')];
    if (!ldTotp) {
      await office.enrolByApi('ld.stttt');
      ldTotp = true;
    }
    const longDuc = (await me('ld.longduc')).user.agencyId;
    const draft = await cv.post<Doc>(
      '/api/documents/outgoing',
      {
        typeKey: 'quyet-dinh',
        summary,
        authority: 'KT.',
        headTitle: 'GIÁM ĐỐC',
        signerUserId: (await me('ld.stttt')).user.id,
        signerPosition: 'PHÓ GIÁM ĐỐC',
        body: ['QUYẾT ĐỊNH:', 'Điều 1. Ban hành kèm theo Quyết định này.'],
        recipients: [{ agencyId: longDuc }],
        extraRecipientLines: ['- Lưu: VT.'],
      },
      { status: 201 },
    );
    // no reviewer: straight to the signer
    expect((await cv.post<Doc>(`/api/documents/outgoing/${draft.id}/submit`, {})).state).toBe(
      'approved',
    );
    const signed = await ld.post<Doc>(`/api/documents/outgoing/${draft.id}/sign`, {
      pin: DEMO_PIN,
      otp: nextOtp('ld.stttt'),
    });
    expect(signed.state).toBe('signed');
    const issued = await vt.post<Doc>(`/api/documents/outgoing/${draft.id}/issue`);
    expect(issued.state).toBe('issued');
    return issued;
  }

  /** Long Đức's incoming entry of a document, as its clerk finds it through the API. */
  async function entryOf(documentSymbol: string): Promise<Incoming> {
    const vt = await api('vt.longduc');
    const list = await vt.get<IncomingList>('/api/documents/incoming?filter=all&limit=200');
    const hit = list.items.find((i) => i.symbol === documentSymbol);
    if (!hit) throw new Error(`${documentSymbol} is not in Long Đức's incoming register`);
    return vt.get<Incoming>(`/api/documents/incoming/${hit.id}`);
  }

  // ——— drafting ———

  let uploadedId = '';
  const uploadSummary = 'Về việc tổ chức tập huấn chữ ký số cho cán bộ, công chức';

  it('uploads a PDF draft and a new version of it', async () => {
    const page = await as('cv.stttt');
    await page.goto(`${office.url}/documents`);
    await page.getByTestId('doc-compose').click();
    await page.getByTestId('doc-mode').getByText('Tải tệp lên (PDF, DOCX)').click();
    const form = page.getByTestId('doc-form');
    await pickOption(page, form.getByTestId('doc-type'), 'Kế hoạch (KH)');
    await form.getByLabel('Trích yếu nội dung').fill(uploadSummary);
    await pickOption(page, form.getByTestId('doc-authority'), 'KT.');
    await form.getByLabel('Chức danh người đứng đầu').fill('GIÁM ĐỐC');
    await pickOption(page, form.getByTestId('doc-signer'), 'Huỳnh Văn Tâm');
    await form.getByLabel('Chức vụ người ký (in trên văn bản)').fill('PHÓ GIÁM ĐỐC');
    await form
      .locator('input[type=file]')
      .setInputFiles(await pdfFile('ke-hoach-tap-huan-v1.pdf', 'Ke hoach tap huan - du thao 1'));
    await expect
      .poll(() => form.textContent(), { timeout: WAIT })
      .toContain('ke-hoach-tap-huan-v1.pdf');
    await shot(page, '01-upload-draft');
    await expectAccessible(page, 'upload draft');
    await page.getByTestId('doc-save').click();
    await page.waitForURL(/\/documents\/outgoing\/[0-9a-f-]{36}$/, { timeout: WAIT });
    uploadedId = page.url().split('/').at(-1)!;
    expect(await stateOf(page)).toBe('draft');
    expect(await text(page, 'doc-symbol')).toContain('KH-STTTT');
    const reviews = page.getByTestId('doc-reviews');
    await expect.poll(() => reviews.textContent()).toContain('ke-hoach-tap-huan-v1.pdf');
    expect(await reviews.textContent()).toContain('v1 · PDF');

    let d = await (await api('cv.stttt')).get<Doc>(`/api/documents/outgoing/${uploadedId}`);
    expect(d.state).toBe('draft');
    expect(d.summary).toBe(uploadSummary);
    expect(d.versions.map((v) => [v.version, v.source, v.fileName])).toEqual([
      [1, 'pdf', 'ke-hoach-tap-huan-v1.pdf'],
    ]);

    // a new version, uploaded from the document's page
    await page
      .getByTestId('doc-actions')
      .locator('input[type=file]')
      .setInputFiles(await pdfFile('ke-hoach-tap-huan-v2.pdf', 'Ke hoach tap huan - du thao 2'));
    await page
      .locator('.ant-message-success', { hasText: 'Đã lưu phiên bản mới.' })
      .waitFor({ timeout: WAIT });
    await expect.poll(() => reviews.textContent()).toContain('v2 · PDF · ke-hoach-tap-huan-v2.pdf');
    d = await (await api('cv.stttt')).get<Doc>(`/api/documents/outgoing/${uploadedId}`);
    expect(d.versions.map((v) => v.fileName)).toEqual([
      'ke-hoach-tap-huan-v1.pdf',
      'ke-hoach-tap-huan-v2.pdf',
    ]);
    await shot(page, '02-uploaded-version');

    await act(page, 'submit', 'in_review', async (dialog) => {
      await pickOption(page, dialog.getByTestId('submit-reviewers'), 'Huỳnh Văn Tâm');
      await page.keyboard.press('Escape');
    });
  });

  const returnComment = 'Đề nghị bổ sung căn cứ pháp lý và thời gian tập huấn cụ thể.';

  it('is returned by the reviewer with a comment, and the drafter uploads a new version', async () => {
    const reviewer = await as('ld.stttt');
    const list = await openQueue(reviewer, 'review', uploadSummary);
    await list.getByTestId('doc-link').first().click();
    await reviewer.waitForURL(`**/documents/outgoing/${uploadedId}`);
    await act(
      reviewer,
      'return',
      'returned',
      async (dialog) => {
        await dialog.getByLabel('Lý do trả lại, nội dung cần sửa').fill(returnComment);
      },
      '03-return-modal',
    );
    const returned = reviewer.locator('[data-testid="doc-reviews"] [data-decision="returned"]');
    await returned.waitFor({ timeout: WAIT });
    expect(await returned.textContent()).toContain(returnComment);
    let d = await (await api('ld.stttt')).get<Doc>(`/api/documents/outgoing/${uploadedId}`);
    expect(d.state).toBe('returned');
    expect(d.reviews).toMatchObject([{ decision: 'returned', comment: returnComment, round: 1 }]);

    // the drafter finds it under "returned", reads the comment, uploads version 3, resubmits
    const drafter = await as('cv.stttt');
    const back = await openQueue(drafter, 'returned', uploadSummary);
    await back.getByTestId('doc-link').first().click();
    await drafter.waitForURL(`**/documents/outgoing/${uploadedId}`);
    await expect
      .poll(() => drafter.getByTestId('doc-reviews').textContent(), { timeout: WAIT })
      .toContain(returnComment);
    await shot(drafter, '04-returned-to-drafter');
    await drafter
      .getByTestId('doc-actions')
      .locator('input[type=file]')
      .setInputFiles(await pdfFile('ke-hoach-tap-huan-v3.pdf', 'Ke hoach tap huan - du thao 3'));
    await expect
      .poll(() => drafter.getByTestId('doc-reviews').textContent(), { timeout: WAIT })
      .toContain('v3 · PDF · ke-hoach-tap-huan-v3.pdf');
    await act(drafter, 'submit', 'in_review', async (dialog) => {
      await pickOption(drafter, dialog.getByTestId('submit-reviewers'), 'Huỳnh Văn Tâm');
      await drafter.keyboard.press('Escape');
    });
    d = await (await api('cv.stttt')).get<Doc>(`/api/documents/outgoing/${uploadedId}`);
    expect(d.state).toBe('in_review');
    expect(d.versions).toHaveLength(3);
    expect(d.reviews.map((r) => [r.round, r.version, r.decision])).toEqual([
      [1, 2, 'returned'],
      [2, 3, 'pending'],
    ]);
  });

  // ——— issued documents: recall, return to sender ———

  let recalled: Doc;
  let kept: Doc;
  const recallReason = 'Văn bản ban hành sai thẩm quyền, sẽ ban hành văn bản thay thế.';

  it('recalls an issued document: it leaves the receiver’s register, the receiver is told', async () => {
    recalled = await issueToLongDuc('Về việc điều chỉnh lịch trực an toàn thông tin tháng này');
    kept = await issueToLongDuc('Về việc kiểm tra an toàn thông tin các hệ thống cấp xã');
    const entry = await entryOf(recalled.symbol!);
    const receiver = await as('vt.longduc');
    await openQueue(receiver, 'incoming', recalled.symbol!);

    const sender = await as('vt.stttt');
    await sender.goto(`${office.url}/documents/outgoing/${recalled.id}`);
    await sender.getByTestId('action-recall').waitFor({ timeout: WAIT });
    await act(
      sender,
      'recall',
      'recalled',
      async (dialog) => {
        expect(await dialog.textContent()).toContain('gỡ khỏi sổ văn bản đến');
        await dialog.getByLabel('Lý do thu hồi (Điều 18, Nghị định 30/2020)').fill(recallReason);
      },
      '05-recall-modal',
    );
    expect(await text(sender, 'doc-meta')).toContain(recallReason);
    await shot(sender, '06-recalled');
    const d = await (await api('vt.stttt')).get<Doc>(`/api/documents/outgoing/${recalled.id}`);
    expect(d.state).toBe('recalled');
    expect(d.recallReason).toBe(recallReason);

    // the receiver's register: the other document is there, the recalled one is not
    const list = await openQueue(receiver, 'incoming', kept.symbol!);
    expect(await list.textContent()).not.toContain(recalled.symbol!);
    const vt = await api('vt.longduc');
    const registered = await vt.get<IncomingList>('/api/documents/incoming?filter=all&limit=200');
    expect(registered.items.map((i) => i.symbol)).not.toContain(recalled.symbol);
    expect((await vt.raw(`/api/documents/incoming/${entry.id}`)).status()).toBe(404);
    await receiver.goto(`${office.url}/documents/incoming/${entry.id}`);
    await receiver.getByText('Không tìm thấy văn bản').waitFor({ timeout: WAIT });

    // and the notice, on the documents home
    const notice = `Thu hồi văn bản ${recalled.symbol}`;
    const notes = await vt.get<{ items: { title: string; body: string }[] }>(
      '/api/me/notifications',
    );
    expect(notes.items.find((n) => n.title === notice)?.body).toContain(recallReason);
    await receiver.goto(`${office.url}/documents?queue=incoming`);
    const card = receiver.getByTestId('doc-notices');
    await expect.poll(() => card.textContent(), { timeout: WAIT }).toContain(notice);
    expect(await card.textContent()).toContain(recallReason);
    await shot(receiver, '07-recall-notice');
    await expectAccessible(receiver, 'documents home with a notice');
  });

  const returnReason = 'Văn bản gửi nhầm nơi nhận: không thuộc thẩm quyền của UBND xã.';

  it('returns a received document to its sender, who sees why', async () => {
    const entry = await entryOf(kept.symbol!);
    const page = await as('vt.longduc');
    await page.goto(`${office.url}/documents/incoming/${entry.id}`);
    await expect.poll(() => stateOf(page), { timeout: WAIT }).toBe('received');
    await act(
      page,
      'return',
      'returned',
      async (dialog) => {
        await dialog.getByTestId('act-text').fill(returnReason);
      },
      '08-return-to-sender',
    );
    expect(await text(page, 'doc-history')).toContain('Trả lại nơi gửi');
    const after = await (
      await api('vt.longduc')
    ).get<Incoming>(`/api/documents/incoming/${entry.id}`);
    expect(after.state).toBe('returned');
    expect(after.returnReason).toBe(returnReason);

    const sender = await as('vt.stttt');
    await sender.goto(`${office.url}/documents/outgoing/${kept.id}`);
    const receipts = sender.getByTestId('doc-receipts');
    await expect.poll(() => receipts.textContent(), { timeout: WAIT }).toContain(returnReason);
    expect(await receipts.textContent()).toContain('Đã trả lại');
    await shot(sender, '09-returned-receipt');
    const d = await (await api('vt.stttt')).get<Doc>(`/api/documents/outgoing/${kept.id}`);
    expect(d.recipients).toHaveLength(1);
    expect(d.recipients[0]!.returnReason).toBe(returnReason);
    expect(d.recipients[0]!.returnedAt).not.toBeNull();
  });

  // ——— incoming on paper ———

  let paperId = '';

  it('registers a paper document: the clerk uploads the scan with its metadata, it gets the next incoming number', async () => {
    const vt = await api('vt.longduc');
    const year = Number(todayVn().slice(0, 4));
    const registerBefore = await vt.get<{ items: { lastNumber: number }[] }>(
      `/api/documents/registers?kind=incoming&year=${year}`,
    );
    expect(registerBefore.items).toHaveLength(1);
    const expected = registerBefore.items[0]!.lastNumber + 1;

    const page = await as('vt.longduc');
    await page.goto(`${office.url}/documents`);
    await page.getByTestId('doc-register-incoming').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByLabel('Cơ quan gửi').fill('Sở Tài chính tỉnh Trà Vinh');
    await dialog.getByLabel('Số, ký hiệu').fill('125/STC-NS');
    await pickOption(page, dialog.getByLabel('Loại văn bản'), 'Công văn');
    const issuedOn = dialog.getByLabel('Ngày văn bản');
    await issuedOn.click();
    const [yy, mm, dd] = todayVn().split('-');
    await issuedOn.fill(`${dd}/${mm}/${yy}`);
    await issuedOn.press('Enter');
    await dialog
      .getByLabel('Trích yếu nội dung')
      .fill('Về việc hướng dẫn quyết toán ngân sách xã năm 2021');
    await dialog.getByLabel('Người ký', { exact: true }).fill('Trần Văn Nam');
    // without the scan: said on the field, nothing registered
    await page.getByTestId('register-incoming-ok').click();
    await dialog.getByText('Chọn tệp PDF của văn bản (bản quét).').waitFor({ timeout: WAIT });
    expect(
      (
        await vt.get<{ items: { lastNumber: number }[] }>(
          `/api/documents/registers?kind=incoming&year=${year}`,
        )
      ).items[0]!.lastNumber,
    ).toBe(expected - 1);
    await dialog
      .locator('input[type=file]')
      .setInputFiles(await pdfFile('125-STC-NS.pdf', 'Cong van 125/STC-NS (ban quet)'));
    await expect.poll(() => dialog.textContent()).toContain('125-STC-NS.pdf');
    await shot(page, '10-register-paper');
    await page.getByTestId('register-incoming-ok').click();
    await page.waitForURL(/\/documents\/incoming\/[0-9a-f-]{36}$/, { timeout: WAIT });
    paperId = page.url().split('/').at(-1)!;
    await page
      .locator('.ant-message-success', { hasText: `Đã vào sổ văn bản đến số ${expected}.` })
      .waitFor({ timeout: WAIT });
    expect(await text(page, 'incoming-number')).toBe(String(expected));
    expect(await text(page, 'doc-title')).toBe('125/STC-NS');
    expect(await text(page, 'doc-meta')).toContain('Văn bản giấy');
    expect(await stateOf(page)).toBe('received');
    // an unsigned scan: checked on arrival, said so
    const verdict = page.getByTestId('incoming-signature').getByTestId('verify-verdict');
    await verdict.waitFor({ timeout: WAIT });
    expect(await verdict.getAttribute('data-verdict')).toBe('unsigned');
    await shot(page, '11-paper-registered');
    await expectAccessible(page, 'a registered paper document');

    const entry = await vt.get<Incoming>(`/api/documents/incoming/${paperId}`);
    expect(entry).toMatchObject({
      number: expected,
      year,
      source: 'paper',
      state: 'received',
      document: { symbol: '125/STC-NS' },
      signatureCheck: { isValid: null },
    });
    const registerAfter = await vt.get<{ items: { lastNumber: number }[] }>(
      `/api/documents/registers?kind=incoming&year=${year}`,
    );
    expect(registerAfter.items[0]!.lastNumber).toBe(expected);
  });

  // ——— certificates ———

  /** The active certificate of a person, as the department admin lists it. */
  async function activeCertOf(username: string): Promise<Cert> {
    const userId = (await me(username)).user.id;
    const page = await (
      await api('admin')
    ).get<{ items: Cert[] }>('/api/pki/certificates?holderKind=person&limit=100');
    const hit = page.items.find((c) => c.userId === userId && c.status === 'active');
    if (!hit) throw new Error(`no active certificate of ${username}`);
    return hit;
  }

  const certStatus = (page: Page) =>
    page.getByTestId('cert-status').locator('[data-status]').getAttribute('data-status');

  /** Clicks a lifecycle button and confirms it (the simple ones ask "are you sure?"). */
  async function certAction(page: Page, action: string, status: string) {
    await page.getByTestId(`cert-action-${action}`).click();
    await page.getByTestId(`cert-confirm-${action}`).click();
    await expect.poll(() => certStatus(page), { timeout: WAIT }).toBe(status);
  }

  const NEW_PIN = '246813';

  it('lets an official change their own PIN, which then signs', async () => {
    const ld = await api('ld.longduc');
    await office.enrolByApi('ld.longduc');
    const self = (await me('ld.longduc')).user;
    const draft = await ld.post<Doc>(
      '/api/documents/outgoing',
      {
        typeKey: 'thong-bao',
        summary: 'Về việc lịch tiếp công dân của Chủ tịch UBND xã',
        authority: 'TM.',
        headTitle: 'ỦY BAN NHÂN DÂN',
        signerUserId: self.id,
        signerPosition: 'CHỦ TỊCH',
        body: ['Ủy ban nhân dân xã thông báo lịch tiếp công dân.'],
      },
      { status: 201 },
    );
    expect((await ld.post<Doc>(`/api/documents/outgoing/${draft.id}/submit`, {})).state).toBe(
      'approved',
    );

    const page = await as('ld.longduc');
    await page.goto(`${office.url}/my-certificates`);
    const card = page.locator('[data-testid="my-cert"][data-status="active"]');
    await card.waitFor({ timeout: WAIT });
    expect(await card.textContent()).toContain('Đã đặt');
    await card.getByTestId('my-cert-pin').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByLabel('Mã PIN hiện tại').fill(DEMO_PIN);
    await dialog.getByTestId('pin-new').fill(NEW_PIN);
    await dialog.getByTestId('pin-confirm').fill(NEW_PIN);
    await dialog.getByTestId('pin-otp').fill(nextOtp('ld.longduc'));
    await shot(page, '12-change-pin');
    await page.getByTestId('pin-modal-ok').click();
    await page.locator('.ant-message-success').waitFor({ timeout: WAIT });
    await dialog.waitFor({ state: 'hidden' });

    // the old PIN no longer signs, the new one does
    const sign = (pin: string, status: number) =>
      ld.post<{ code?: string; state?: string }>(
        `/api/documents/outgoing/${draft.id}/sign`,
        { pin, otp: nextOtp('ld.longduc') },
        { status },
      );
    expect((await sign(DEMO_PIN, 403)).code).toBe('pki.pin_wrong');
    expect((await sign(NEW_PIN, 200)).state).toBe('signed');
  });

  it('has the department admin unlock a locked PIN', async () => {
    const ld = await api('ld.longduc');
    const cert = await activeCertOf('ld.longduc');
    // five wrong PINs lock it
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await ld.post<{ code: string }>(
        `/api/pki/my/certificates/${cert.id}/pin`,
        { currentPin: '999999', pin: '135790', otp: '000000' },
        { status: 403 },
      );
      codes.push(res.code);
    }
    expect(codes.at(-1)).toBe('pki.pin_locked');
    await expect
      .poll(async () => (await activeCertOf('ld.longduc')).isPinLocked, { timeout: WAIT })
      .toBe(true);

    const admin = await as('admin');
    await admin.goto(`${office.url}/pki/certificates/${cert.id}`);
    await expect.poll(() => admin.getByTestId('cert-status').count(), { timeout: WAIT }).toBe(1);
    expect(await admin.locator('.ant-descriptions').textContent()).toContain('Đang bị khóa');
    await admin.getByTestId('cert-action-reset-pin').click();
    await shot(admin, '13-reset-pin');
    await admin.getByTestId('cert-confirm-reset-pin').click();
    await expect
      .poll(() => admin.getByTestId('cert-action-reset-pin').count(), { timeout: WAIT })
      .toBe(0);
    expect(await admin.locator('.ant-descriptions').textContent()).not.toContain('Đang bị khóa');
    const after = await activeCertOf('ld.longduc');
    expect(after.isPinLocked).toBe(false);

    // the holder sets a new PIN himself
    const page = await as('ld.longduc');
    await page.goto(`${office.url}/my-certificates`);
    const card = page.locator('[data-testid="my-cert"][data-status="active"]');
    await card.waitFor({ timeout: WAIT });
    await card.getByTestId('my-cert-pin').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    if (after.hasPin) await dialog.getByLabel('Mã PIN hiện tại').fill(NEW_PIN);
    await dialog.getByTestId('pin-new').fill(DEMO_PIN);
    await dialog.getByTestId('pin-confirm').fill(DEMO_PIN);
    await dialog.getByTestId('pin-otp').fill(nextOtp('ld.longduc'));
    await page.getByTestId('pin-modal-ok').click();
    await dialog.waitFor({ state: 'hidden', timeout: WAIT });
    const reset = await activeCertOf('ld.longduc');
    expect(reset).toMatchObject({ hasPin: true, isPinLocked: false });
  });

  it('has the department admin suspend, resume and renew a certificate', async () => {
    const admin = await as('admin');
    const cert = await activeCertOf('ld.longduc');
    const adminApi = await api('admin');
    await admin.goto(`${office.url}/pki/certificates/${cert.id}`);
    await expect.poll(() => certStatus(admin), { timeout: WAIT }).toBe('active');

    await certAction(admin, 'suspend', 'suspended');
    expect(await text(admin, 'cert-history')).toContain('Tạm dừng hiệu lực (certificateHold)');
    await shot(admin, '14-suspended');
    expect((await adminApi.get<Cert>(`/api/pki/certificates/${cert.id}`)).status).toBe('suspended');
    // a suspended certificate does not sign: nothing is signed, the draft stays approved
    const ld = await api('ld.longduc');
    const self = (await me('ld.longduc')).user;
    const draft = await ld.post<Doc>(
      '/api/documents/outgoing',
      {
        typeKey: 'thong-bao',
        summary: 'Về việc lịch trực Tết của UBND xã',
        authority: 'TM.',
        headTitle: 'ỦY BAN NHÂN DÂN',
        signerUserId: self.id,
        signerPosition: 'CHỦ TỊCH',
        body: ['Ủy ban nhân dân xã thông báo lịch trực Tết.'],
      },
      { status: 201 },
    );
    await ld.post(`/api/documents/outgoing/${draft.id}/submit`, {});
    const refused = await ld.post<{ code: string }>(
      `/api/documents/outgoing/${draft.id}/sign`,
      { pin: DEMO_PIN, otp: nextOtp('ld.longduc') },
      { status: 409 },
    );
    expect(refused.code).toBe('pki.no_signing_certificate');
    expect((await ld.get<Doc>(`/api/documents/outgoing/${draft.id}`)).state).toBe('approved');

    await certAction(admin, 'resume', 'active');
    expect((await adminApi.get<Cert>(`/api/pki/certificates/${cert.id}`)).status).toBe('active');

    await admin.getByTestId('cert-action-renew').click();
    const dialog = admin.getByRole('dialog');
    await dialog.waitFor();
    await shot(admin, '15-renew');
    await admin.getByTestId('cert-renew-ok').click();
    await dialog.waitFor({ state: 'hidden', timeout: WAIT });
    // the page moves to the new certificate, which names the old one
    await admin.waitForURL((u) => !u.pathname.endsWith(cert.id), { timeout: WAIT });
    await admin.locator(`a[href="/pki/certificates/${cert.id}"]`).waitFor({ timeout: WAIT });
    await expect.poll(() => certStatus(admin), { timeout: WAIT }).toBe('active');
    const renewedId = admin.url().split('/').at(-1)!;
    const renewed = await adminApi.get<Cert>(`/api/pki/certificates/${renewedId}`);
    expect(renewed).toMatchObject({ status: 'active', renewedFromId: cert.id });
    expect((await adminApi.get<Cert>(`/api/pki/certificates/${cert.id}`)).status).toBe(
      'superseded',
    );
    expect(await text(admin, 'cert-history')).toContain('Cấp lại thay chứng thư cũ');
    await shot(admin, '16-renewed');
    await expectAccessible(admin, 'renewed certificate');
  });

  // ——— records ———

  it('closes a file, which then appears in the archive-transfer list', async () => {
    const vt = await api('vt.longduc');
    const year = Number(todayVn().slice(0, 4));
    const plan = await vt.post<{ headings: { id: string }[] }>(
      '/api/documents/file-plans',
      { year, headings: [{ code: '01', title: 'Tổng hợp, hành chính' }] },
      { status: 201 },
    );
    const headingId = plan.headings[0]!.id;
    const lasting = await vt.post<{ id: string; code: string }>(
      '/api/documents/files',
      { headingId, title: 'Hồ sơ quyết toán ngân sách xã năm 2021', retention: 10 },
      { status: 201 },
    );
    const short = await vt.post<{ id: string; code: string }>(
      '/api/documents/files',
      { headingId, title: 'Hồ sơ lịch công tác tuần', retention: 2 },
      { status: 201 },
    );
    await vt.post(`/api/documents/files/${short.id}/close`);

    const page = await as('vt.longduc');
    await page.goto(`${office.url}/documents/records/files/${lasting.id}`);
    await expect.poll(() => text(page, 'file-code'), { timeout: WAIT }).toBe(lasting.code);
    await page.getByRole('button', { name: 'Kết thúc hồ sơ' }).click();
    const confirm = page.getByRole('dialog');
    expect(await confirm.textContent()).toContain('không thêm, bớt văn bản được nữa');
    await confirm.getByRole('button', { name: 'Kết thúc hồ sơ' }).click();
    await expect
      .poll(() => page.locator('.ant-descriptions').textContent(), { timeout: WAIT })
      .toContain('Đã kết thúc');
    await expect.poll(() => page.getByTestId('file-add-open').count()).toBe(0);
    await shot(page, '17-file-closed');
    const closed = await vt.get<{ state: string; closedOn: string }>(
      `/api/documents/files/${lasting.id}`,
    );
    expect(closed).toMatchObject({ state: 'closed', closedOn: todayVn() });

    // the transfer list: the 10-year file, due a year after it closed; not the 2-year one
    const due = `${year + 1}${todayVn().slice(4)}`;
    const list = await vt.get<{ items: { id: string; dueOn: string }[] }>(
      '/api/documents/archive-transfers',
    );
    expect(list.items.map((f) => [f.id, f.dueOn])).toEqual([[lasting.id, due]]);
    await page.goto(`${office.url}/documents/records`);
    await page.getByRole('tab', { name: 'Hồ sơ đến hạn nộp lưu' }).click();
    const table = page.getByTestId('files-table').last();
    await expect.poll(() => table.textContent(), { timeout: WAIT }).toContain(lasting.code);
    const rows = await table.locator('tbody tr[data-row-key]').count();
    expect(rows).toBe(1);
    const [y, m, d] = due.split('-');
    expect(await table.textContent()).toContain(`${d}/${m}/${y}`);
    expect(await table.textContent()).not.toContain(short.code);
    await shot(page, '18-archive-transfers');
    await expectAccessible(page, 'archive transfers');

    // handed over: the file says when, and leaves the list
    await table.getByTestId('file-link').click();
    await page.waitForURL(`**/documents/records/files/${lasting.id}`, { timeout: WAIT });
    await page.getByRole('button', { name: 'Nộp lưu' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Nộp lưu' }).click();
    await page.getByTestId('file-transferred-on').waitFor({ timeout: WAIT });
    expect(await text(page, 'file-transferred-on')).toBe(
      `${todayVn().slice(8)}/${todayVn().slice(5, 7)}/${year}`,
    );
    expect(await page.locator('.ant-descriptions').textContent()).toContain('Đã nộp lưu');
    await shot(page, '18b-file-transferred');
    const transferred = await vt.get<{ transferredOn: string }>(
      `/api/documents/files/${lasting.id}`,
    );
    expect(transferred.transferredOn).toBe(todayVn());
    expect((await vt.get<{ items: unknown[] }>('/api/documents/archive-transfers')).items).toEqual(
      [],
    );
  });

  // ——— figures ———

  it('shows the documents figures as the report counts them, matching the API', async () => {
    // one incoming handled to completion, on time: the paper document
    const chairman = await api('ld.longduc');
    const officer = (await me('cv.longduc')).user;
    await chairman.post(`/api/documents/incoming/${paperId}/direct`, { leadUserId: officer.id });
    await (
      await api('cv.longduc')
    ).post(`/api/documents/incoming/${paperId}/complete`, { note: 'Đã quyết toán.' });

    // the department admin holds document.stats only: the documents menu opens the figures
    const page = await as('admin');
    await page.goto(`${office.url}/`);
    await page.getByTestId('side-menu').getByText('Văn bản, điều hành').click();
    await page.waitForURL('**/documents/stats', { timeout: WAIT });
    const kpis = page.getByTestId('doc-stats-kpis');
    await expect
      .poll(() => kpis.textContent(), { timeout: WAIT })
      .toContain('Văn bản đi được ký số');

    const from = `${todayVn().slice(0, 4)}-01-01`;
    const s = await (
      await api('admin')
    ).get<Stats>(`/api/documents/stats?from=${from}&to=${todayVn()}`);
    // what the test made: two issued (one recalled since) by the deputy director
    expect(s.issued).toBe(2);
    expect(s.digitallySigned).toBe(2);
    expect(s.bySigner).toEqual([{ name: 'Huỳnh Văn Tâm', count: 2 }]);
    expect(s.incoming).toMatchObject({ received: 1, onTime: 1, late: 0 });
    expect(s.communes.receiveOnlyNames).toContain('Ủy ban nhân dân xã Long Đức');

    /** A headline card: its figure and the note under it, as shown. */
    const kpi = async (key: string) => {
      const card = page.locator(`[data-testid="doc-stats-kpis"] [data-kpi="${key}"]`);
      const of = async (l: string) => ((await card.locator(l).textContent()) ?? '').trim();
      return {
        value: await of('.ant-statistic-content'),
        note: await of('[data-testid="kpi-note"]'),
      };
    };
    await expect
      .poll(async () => (await kpi('issued')).value, { timeout: WAIT })
      .toBe(String(s.issued));
    expect(await kpi('issued')).toEqual({
      value: String(s.issued),
      note: `của ${s.byAgency.length} cơ quan`,
    });
    expect(await kpi('signed')).toEqual({
      value: String(s.digitallySigned),
      note: `Tỷ lệ: ${percentVi(s.digitallySigned, s.issued)} số văn bản đi`,
    });
    expect(await kpi('received')).toEqual({
      value: String(s.incoming.received),
      note: `${s.incoming.onTime + s.incoming.late} văn bản đã xử lý xong`,
    });
    expect(await kpi('onTime')).toEqual({
      value: percentVi(s.incoming.onTime, s.incoming.onTime + s.incoming.late),
      note: `${s.incoming.onTime} đúng hạn, ${s.incoming.late} trễ hạn`,
    });
    expect(await kpi('receiveOnly')).toEqual({
      value: `${s.communes.receiveOnly}/${s.communes.total}`,
      note: `Tỷ lệ: ${percentVi(s.communes.receiveOnly, s.communes.total)} số UBND cấp xã`,
    });

    /** A table's row: its label, count and rate cells as shown. */
    const row = async (table: string, key: string) => {
      const tr = page.locator(`[data-testid="${table}"] tr[data-row-key="${key}"]`);
      const cell = async (col: string) =>
        ((await tr.locator(`[data-col="${col}"]`).textContent()) ?? '').trim();
      return { label: await cell('label'), count: await cell('count'), rate: await cell('rate') };
    };
    const signer = s.bySigner[0]!;
    expect(await row('doc-stats-signers', signer.name)).toEqual({
      label: signer.name,
      count: String(signer.count),
      rate: percentVi(signer.count, s.issued),
    });
    for (const a of s.byAgency) {
      expect(await row('doc-stats-agencies', a.agencyId)).toEqual({
        label: a.name,
        count: String(a.count),
        rate: percentVi(a.count, s.issued),
      });
    }
    for (const k of ['onTime', 'late', 'inProgress', 'overdue'] as const) {
      const r = await row('doc-stats-incoming', k);
      expect([r.count, r.rate]).toEqual([
        String(s.incoming[k]),
        percentVi(s.incoming[k], s.incoming.received),
      ]);
    }
    for (const k of ['issuing', 'receiveOnly', 'total'] as const) {
      const r = await row('doc-stats-communes', k);
      expect([r.count, r.rate]).toEqual([
        new Intl.NumberFormat('vi-VN').format(s.communes[k]),
        percentVi(s.communes[k], s.communes.total),
      ]);
    }
    expect(await text(page, 'doc-stats-receive-only')).toContain('Ủy ban nhân dân xã Long Đức');
    await shot(page, '19-stats');
    await expectAccessible(page, 'documents figures');

    // last year's period: nothing was issued then
    const lastYear = Number(todayVn().slice(0, 4)) - 1;
    const empty = await (
      await api('admin')
    ).get<Stats>(`/api/documents/stats?from=${lastYear}-01-01&to=${lastYear}-12-31`);
    expect(empty.issued).toBe(0);
    const [start, end] = [
      page.getByTestId('doc-stats-period').locator('input').first(),
      page.getByTestId('doc-stats-period').locator('input').last(),
    ];
    await start.click();
    await start.fill(`01/01/${lastYear}`);
    await start.press('Enter');
    await end.fill(`31/12/${lastYear}`);
    await end.press('Enter');
    await expect.poll(async () => (await kpi('issued')).value, { timeout: WAIT }).toBe('0');
    expect(await text(page, 'doc-stats-range')).toContain(`01/01/${lastYear}`);

    // and in English
    await page.getByTestId('language-switch').getByText('EN').click();
    await expect
      .poll(() => kpis.textContent(), { timeout: WAIT })
      .toContain('Outgoing documents digitally signed');
    await shot(page, '20-stats-english');
    await page.getByTestId('language-switch').getByText('VI').click();
  });

  it('opens the figures from the documents home for a leader, in his own scope', async () => {
    const page = await as('ld.stttt');
    await page.goto(`${office.url}/documents`);
    await page.getByTestId('doc-stats').click();
    await page.waitForURL('**/documents/stats', { timeout: WAIT });
    const from = `${todayVn().slice(0, 4)}-01-01`;
    const s = await (
      await api('ld.stttt')
    ).get<Stats>(`/api/documents/stats?from=${from}&to=${todayVn()}`);
    expect(s.byAgency.map((a) => a.name)).toEqual(['Sở Thông tin và Truyền thông']);
    const issued = page.locator(
      '[data-testid="doc-stats-kpis"] [data-kpi="issued"] .ant-statistic-content',
    );
    await expect.poll(() => issued.textContent(), { timeout: WAIT }).toBe(String(s.issued));
    expect(await page.getByTestId('doc-stats-agencies').textContent()).toContain(
      'Sở Thông tin và Truyền thông',
    );
    await shot(page, '21-stats-leader');
  });

  it('raised no errors in the pages', () => {
    expect(office.pageErrors).toEqual([]);
  });
});
