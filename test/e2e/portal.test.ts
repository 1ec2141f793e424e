import { mkdirSync } from 'node:fs';
import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Page,
  request,
} from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../helpers/app.js';
import { launchChromium, seriousA11yViolations } from './browser.js';
import { startWebServer } from './server.js';

/**
 * The citizen portal in a real browser: a search without diacritics, a procedure carried by
 * Xã Long Đức, filing it online (form, uploads, submission), the public lookup without an
 * account; then the commune asks for a supplement, the citizen adds it, the result comes and
 * the citizen rates the service. axe-core on every page, at desktop and phone widths.
 */
describe('web app: citizen portal', () => {
  let server: Awaited<ReturnType<typeof startWebServer>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  const desktop = { width: 1366, height: 900 };
  const phone = { width: 375, height: 812 };
  const pdf = (text: string) =>
    Buffer.from(
      `%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    );

  type Hit = { id: string; code: string; onlineClass: string };
  type Procedure = {
    id: string;
    code: string;
    name: string;
    submissionModes: string[];
    onlineClass: string;
    papers: { key: string; mandatory: boolean }[];
    formFields: {
      key: string;
      label: string;
      type: string;
      required: boolean;
      options?: string[];
    }[];
    carriers: { agencies: { id: string; name: string }[] };
  };
  let procedure: Procedure;
  let dossierUrl = '';
  let code = '';
  let secret = '';

  /** Full-page PNGs where the brief wants them: /tmp/portal-<name>.png. */
  async function snap(name: string, fullPage = true) {
    mkdirSync('/tmp', { recursive: true });
    await page.waitForTimeout(350); // let antd's animations settle
    await page.screenshot({ path: `/tmp/portal-${name}.png`, fullPage });
  }

  async function expectAccessible(name: string) {
    const violations = await seriousA11yViolations(page);
    expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  }

  /** Both widths: a screenshot and axe at each, back to desktop afterwards. */
  async function checkBothWidths(name: string) {
    await snap(`${name}-desktop`);
    await expectAccessible(`${name} (desktop)`);
    await page.setViewportSize(phone);
    await page.waitForTimeout(300);
    await snap(`${name}-mobile`);
    await expectAccessible(`${name} (375 px)`);
    await page.setViewportSize(desktop);
    await page.waitForTimeout(300);
  }

  /** An official's API session (the desk screens are tested elsewhere). */
  async function official(username: string) {
    const api = await request.newContext({ baseURL: server.url });
    const res = await api.post('/api/auth/login', {
      data: { username, password: TEST_PASSWORD },
    });
    expect(res.status()).toBe(200);
    const csrf: string = (await res.json()).user.csrfToken;
    return { api, csrf };
  }

  async function deskAction(
    who: { api: APIRequestContext; csrf: string },
    id: string,
    body: Record<string, unknown>,
  ) {
    const res = await who.api.post(`/api/desk/dossiers/${id}/actions`, {
      data: body,
      headers: { 'x-csrf-token': who.csrf },
    });
    expect(res.status(), `${String(body.action)}: ${await res.text()}`).toBe(200);
  }

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchChromium();
    context = await browser.newContext({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: desktop,
    });
    page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('console', (msg) => {
      // The browser logs every refused request; the refusals this test provokes (a fake PDF,
      // a wrong lookup secret) are expected, anything else is not.
      if (msg.type() !== 'error') return;
      if (/Failed to load resource: .* (404|415)/.test(msg.text())) return;
      pageErrors.push(msg.text());
    });

    // A commune procedure, filed online, that Xã Long Đức carries.
    const api = await request.newContext({ baseURL: server.url });
    const hits: Hit[] = (
      await (
        await api.get('/api/catalog/procedures', {
          params: { q: 'dang ky khai sinh', level: 'commune', pageSize: 50 },
        })
      ).json()
    ).items;
    for (const hit of hits.filter((h) => h.onlineClass !== 'info')) {
      const p: Procedure = await (await api.get(`/api/catalog/procedures/${hit.id}`)).json();
      if (
        p.submissionModes.includes('online') &&
        p.carriers.agencies.some((a) => a.name.endsWith('xã Long Đức'))
      ) {
        procedure = p;
        break;
      }
    }
    await api.dispose();
    expect(procedure, 'a commune procedure filed online at Xã Long Đức').toBeDefined();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('finds procedures without diacritics on the public home page', async () => {
    await page.goto(`${server.url}/portal`);
    await page.getByRole('heading', { name: 'Tra cứu thủ tục hành chính' }).waitFor();
    await page.getByLabel('Tên hoặc mã thủ tục').fill('dang ky khai sinh');
    await page.getByTestId('procedure-search-submit').click();
    await page.waitForURL(/q=dang(\+|%20)ky(\+|%20)khai(\+|%20)sinh/);
    const results = page.getByTestId('procedure-results');
    await expect.poll(() => results.textContent()).toContain('đăng ký khai sinh');
    await results.locator(`[data-code="${procedure.code}"]`).waitFor();
    // landmarks and the skip link
    expect(await page.locator('header').count()).toBeGreaterThan(0);
    expect(await page.locator('main#portal-main').count()).toBe(1);
    expect(await page.getByRole('navigation').count()).toBeGreaterThan(0);
    await checkBothWidths('home');
  });

  it('shows the procedure: papers, time, fee, online class, the way in', async () => {
    await page
      .getByTestId('procedure-results')
      .locator(`[data-code="${procedure.code}"] a`)
      .click();
    const detail = page.getByTestId('procedure-detail');
    await detail.waitFor();
    expect(await detail.textContent()).toContain(procedure.name);
    expect(await page.getByTestId('papers-table').textContent()).toContain('Bắt buộc');
    expect(await detail.textContent()).toContain('Thời hạn giải quyết');
    expect(await detail.textContent()).toMatch(/Toàn trình|Một phần/);
    await page.getByTestId('apply-online').first().waitFor();
    await checkBothWidths('procedure');
    // a reload keeps the page (the code's dots are encoded in the link)
    await page.reload();
    await page.getByTestId('procedure-detail').waitFor();
  });

  it('asks an anonymous citizen to sign in, then opens the e-form', async () => {
    await page.getByTestId('apply-online').first().click();
    await page.waitForURL('**/login');
    await page.getByLabel('Tên đăng nhập').fill('congdan');
    await page.getByLabel('Mật khẩu', { exact: true }).fill(TEST_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(`**/portal/dossiers/new?procedure=${procedure.id}`);
    const form = page.getByTestId('dossier-info-form');
    await form.waitFor();
    // prefilled from the account
    expect(await form.getByLabel('Họ và tên').inputValue()).toBe('Trương Thị Kim Yến');

    await form.getByTestId('agency-select').click();
    await page.keyboard.type('long duc');
    await page.locator('.ant-select-item-option', { hasText: 'xã Long Đức' }).first().click();
    await form.getByLabel('Số CCCD / định danh cá nhân').fill('08419000123');
    await form.getByLabel('Số điện thoại').fill('0912345678');
    await form.getByLabel('Địa chỉ liên hệ').fill('Ấp Long Bình, xã Long Đức, TP Trà Vinh');
    for (const f of procedure.formFields.filter((field) => field.required)) {
      const input = form.getByTestId(`field-${f.key}`);
      if (f.type === 'select') {
        await input.click();
        await page.locator('.ant-select-item-option').first().click();
      } else if (f.type === 'date') {
        await input.click();
        await input.fill('01/11/2026');
        await input.press('Enter');
      } else {
        const value: Record<string, string> = {
          number: '1',
          id_number: '084190001234',
          phone: '0912345678',
          email: 'congdan@example.vn',
        };
        await input.fill(value[f.type] ?? 'Đăng ký khai sinh cho con: Nguyễn Văn Bé.');
      }
    }
    // an 11-digit CCCD is refused before anything is sent
    await page.getByTestId('dossier-save').click();
    await form.getByText('Số CCCD gồm 12 chữ số').first().waitFor();
    await form.getByLabel('Số CCCD / định danh cá nhân').fill('084190001234');
    await checkBothWidths('new-dossier');
  });

  it('saves the draft, refuses a fake PDF, takes the papers and submits', async () => {
    // a double click still makes one draft (one Idempotency-Key per form session)
    await page.getByTestId('dossier-save').dblclick();
    await page.waitForURL(/\/portal\/dossiers\/[0-9a-f-]{36}$/);
    dossierUrl = page.url();
    await page.getByTestId('paper-uploads').waitFor();

    const mandatory = procedure.papers.filter((p) => p.mandatory);
    expect(mandatory.length).toBeGreaterThan(0);
    const first = mandatory[0]!.key;
    // HTML dressed as a PDF: the server sniffs the bytes and says no, in Vietnamese
    await page.getByTestId(`upload-${first}`).setInputFiles({
      name: 'gia-mao.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('<html><body>không phải PDF</body></html>'),
    });
    await expect
      .poll(() => page.getByTestId(`paper-${first}`).getByRole('alert').textContent())
      .toContain('Loại tệp không được chấp nhận');

    for (const paper of mandatory) {
      await page.getByTestId(`upload-${paper.key}`).setInputFiles({
        name: `giay-to-${paper.key}.pdf`,
        mimeType: 'application/pdf',
        buffer: pdf(paper.key),
      });
      await page.getByTestId(`paper-${paper.key}`).locator('.portal-file-link').waitFor();
    }
    await page.getByTestId('draft-declare').click();
    await checkBothWidths('draft');

    await page.getByTestId('draft-submit').click();
    await page.getByTestId('submitted-notice').waitFor();
    code = (await page.getByTestId('submitted-code').textContent())!.trim();
    secret = (await page.getByTestId('submitted-secret').textContent())!.trim();
    expect(code).toMatch(/^\S+-\d{6}-\d{4}$/);
    expect(secret).toMatch(/^[0-9A-Z]{8}$/);
    await checkBothWidths('submitted');
  });

  it('lists the dossier once under My dossiers', async () => {
    await page
      .getByRole('navigation', { name: 'Điều hướng cổng dịch vụ công' })
      .getByRole('link', { name: 'Hồ sơ của tôi' })
      .click();
    const table = page.getByTestId('my-dossiers');
    await table.getByText(code).waitFor();
    const row = table.locator('tbody tr', { hasText: code });
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain('Chờ tiếp nhận');
    // the double click on "save draft" left no second draft behind
    expect(await table.locator('tbody tr', { hasText: 'Hồ sơ nháp' }).count()).toBe(0);
    await checkBothWidths('my-dossiers');
  });

  it('looks the dossier up by code and secret without an account', async () => {
    const anonymous = await browser.newContext({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: desktop,
    });
    const citizenPage = page;
    page = await anonymous.newPage();
    try {
      // the receipt's QR code opens the page with both filled in
      await page.goto(
        `${server.url}/tra-cuu?code=${encodeURIComponent(code)}&secret=${encodeURIComponent(secret)}`,
      );
      const result = page.getByTestId('lookup-result');
      await result.waitFor();
      const text = await result.textContent();
      expect(text).toContain(procedure.name);
      expect(text).toContain('Chờ tiếp nhận');
      expect(text).toContain('Trương T. K. Yến'); // masked
      await checkBothWidths('lookup');

      // a wrong secret: the server's message, no status
      await page.getByLabel('Mã tra cứu').fill('ZZZZZZZZ');
      await page.getByTestId('lookup-submit').click();
      await expect
        .poll(() => page.getByTestId('lookup-error').textContent())
        .toContain('Không tìm thấy hồ sơ');
      expect(await page.getByTestId('lookup-result').count()).toBe(0);
      await snap('lookup-not-found-desktop');
      await expectAccessible('lookup not found');
    } finally {
      await anonymous.close();
      page = citizenPage;
    }
  });

  it('supplements the dossier when the commune asks, then rates the result', async () => {
    const id = dossierUrl.split('/').pop()!;
    const officer = await official('mc.longduc');
    const specialist = await official('cv.longduc');
    const leader = await official('ld.longduc');
    try {
      await deskAction(officer, id, { action: 'receive' });
      await deskAction(specialist, id, {
        action: 'request_supplement',
        reason: 'Giấy chứng sinh bị mờ, đề nghị chụp lại rõ nét.',
        papers: ['Giấy chứng sinh (bản chụp rõ nét)'],
      });

      await page.goto(dossierUrl);
      const panel = page.getByTestId('supplement-panel');
      await panel.waitFor();
      expect(await panel.textContent()).toContain('Giấy chứng sinh bị mờ');
      expect(await page.getByTestId('dossier-forms').textContent()).toContain(
        'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
      );
      await page.getByTestId('upload-supplement').setInputFiles({
        name: 'bo-sung.pdf',
        mimeType: 'application/pdf',
        buffer: pdf('bo sung'),
      });
      await page.getByTestId('supplement-uploads').locator('.portal-file-link').waitFor();
      await checkBothWidths('supplement');
      await page.getByTestId('supplement-submit').click();
      await page.locator('[data-testid="my-dossier"][data-state="received"]').waitFor();

      await deskAction(specialist, id, { action: 'start' });
      await deskAction(specialist, id, { action: 'forward', note: 'Hồ sơ hợp lệ.' });
      await deskAction(leader, id, { action: 'approve' });
      const upload = await officer.api.post(`/api/desk/dossiers/${id}/files`, {
        headers: { 'x-csrf-token': officer.csrf },
        multipart: {
          purpose: 'result',
          file: { name: 'giay-khai-sinh.pdf', mimeType: 'application/pdf', buffer: pdf('ket qua') },
        },
      });
      expect(upload.status(), await upload.text()).toBe(201);
      const resultFileId: string = (await upload.json()).id;
      await deskAction(officer, id, { action: 'attach_result', resultFileId });

      await page.reload();
      await page.locator('[data-testid="my-dossier"][data-state="result_ready"]').waitFor();
      expect(await page.getByTestId('dossier-files').textContent()).toContain('giay-khai-sinh.pdf');
      const rating = page.getByTestId('rating-card');
      await rating.getByText('Hài lòng', { exact: true }).click();
      await rating.getByLabel('Góp ý thêm (không bắt buộc)').fill('Cán bộ hướng dẫn tận tình.');
      await checkBothWidths('result');
      await page.getByTestId('rating-submit').click();
      await expect.poll(() => page.getByTestId('rating-done').textContent()).toContain('Hài lòng');
      expect(await page.getByTestId('rating-card').count()).toBe(0);
      await snap('rated-desktop');
      await expectAccessible('rated');
    } finally {
      await Promise.all([officer.api.dispose(), specialist.api.dispose(), leader.api.dispose()]);
    }
  });

  it('speaks Khmer on the portal, Vietnamese where no translation exists', async () => {
    await page.goto(`${server.url}/portal`);
    await page.getByTestId('portal-language').getByText('ខ្មែរ').click();
    await expect.poll(() => page.locator('nav.portal-nav').textContent()).toContain('នីតិវិធីរដ្ឋបាល');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('km');
    await snap('home-khmer-desktop');
    await expectAccessible('home in Khmer');
    await page.getByTestId('portal-language').getByText('VI').click();
    await expect
      .poll(() => page.locator('nav.portal-nav').textContent())
      .toContain('Thủ tục hành chính');
  });

  it('registers a citizen from the portal header and signs them in', async () => {
    const fresh = await browser.newContext({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: phone,
    });
    const citizenPage = page;
    page = await fresh.newPage();
    try {
      await page.goto(`${server.url}/portal`);
      // on a phone, sign-up is in the menu
      await page.getByTestId('portal-menu-button').click();
      await page.getByTestId('portal-register-drawer').click();
      const dialog = page.getByRole('dialog', { name: 'Đăng ký tài khoản công dân' });
      await dialog.waitFor();
      await dialog.getByLabel('Họ và tên').fill('Thạch Thị Sa Rin');
      await dialog.getByLabel('Tên đăng nhập').fill('sarin.thach');
      await dialog.getByLabel('Mật khẩu', { exact: true }).fill('Sa Rin dang ky 2026');
      await dialog.getByLabel('Nhập lại mật khẩu').fill('Sa Rin dang ky 2026');
      await snap('register-mobile', false); // the dialog, not the page behind it
      await expectAccessible('register (375 px)');
      await page.getByTestId('portal-register-modal-ok').click();
      await dialog.waitFor({ state: 'hidden' });
      await page.goto(`${server.url}/portal/dossiers`);
      await page.getByText('Bạn chưa có hồ sơ nào.').waitFor();
      await snap('my-dossiers-empty-mobile');
      await expectAccessible('my dossiers, empty (375 px)');
    } finally {
      await fresh.close();
      page = citizenPage;
    }
  });

  it('raised no page errors or CSP refusals', () => {
    expect(pageErrors).toEqual([]);
  });
});
