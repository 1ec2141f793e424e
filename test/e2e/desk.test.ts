import { mkdirSync, readFileSync } from 'node:fs';
import { Secret, TOTP } from 'otpauth';
import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Page,
  request,
} from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../helpers/app.js';
import { pdfBytes } from '../helpers/dossiers.js';
import { launchChromium, seriousA11yViolations } from './browser.js';
import { startWebServer } from './server.js';

/**
 * The whole scenario in a real browser, one dossier from end to end. The department
 * admin adds a test procedure over HTTP; then, in the browser, a citizen finds it by typing
 * its name without diacritics, files it online with its paper and gets the code; the one-stop
 * officer of Xã Long Đức receives it, records the fee and assigns it, the specialist starts
 * and forwards it, the leader approves it, the officer uploads and attaches the result and
 * returns it; the citizen downloads the result and rates the service; meanwhile a walk-in
 * dossier is filed at the desk, goes late (the server's clock moves ten days on) and is
 * extended with an apology and a new date; the leader reads the month's
 * report — counting all of it —, drills down and exports it to Excel.
 */
/** The server shares the machine with other test runs: give slow answers time. */
const WAIT = 20_000;

describe('web app: one-stop desk and statistics', () => {
  let server: Awaited<ReturnType<typeof startWebServer>>;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let page: Page;
  const pageErrors: string[] = [];
  const apis: APIRequestContext[] = [];

  const procedureName = `Thủ tục thử nghiệm một cửa ${Date.now().toString(36)}`;
  let procedureCode: string;
  let online: { id: string; code: string };
  let walkIn: { id: string; code: string };
  let admin: Awaited<ReturnType<typeof apiAs>>;

  const applicant = {
    fullName: 'Nguyễn Thị Hồng Nhung',
    idNumber: '084190001234',
    phone: '0912345678',
    email: 'nhung@example.vn',
    address: 'Ấp Long Bình, xã Long Đức, TP Trà Vinh',
  };

  /** A signed-in HTTP client (cookies kept, CSRF token sent). */
  async function apiAs(username: string) {
    const ctx = await request.newContext({ baseURL: server.url });
    apis.push(ctx);
    const res = await ctx.post('/api/auth/login', {
      data: { username, password: TEST_PASSWORD },
    });
    if (!res.ok()) throw new Error(`login ${username}: ${res.status()} ${await res.text()}`);
    const body = await res.json();
    const csrf = { 'x-csrf-token': body.user.csrfToken as string };
    if (body.user.mfaEnrollmentRequired) {
      const setup = await ctx.post('/api/me/totp', { headers: csrf, data: {} });
      const secret = (await setup.json()).secret as string;
      const code = new TOTP({ secret: Secret.fromBase32(secret) }).generate();
      const confirm = await ctx.post('/api/me/totp/confirm', { headers: csrf, data: { code } });
      if (confirm.status() !== 204) throw new Error(`totp: ${await confirm.text()}`);
    }
    return {
      get: async (url: string) => {
        const r = await ctx.get(url);
        if (!r.ok()) throw new Error(`GET ${url}: ${r.status()} ${await r.text()}`);
        return r.json();
      },
      post: async (url: string, data: unknown, headers: Record<string, string> = {}) => {
        const r = await ctx.post(url, { headers: { ...csrf, ...headers }, data });
        if (!r.ok()) throw new Error(`POST ${url}: ${r.status()} ${await r.text()}`);
        return r.json();
      },
      upload: async (url: string, paperKey: string, name: string, buffer: Buffer) => {
        const r = await ctx.post(url, {
          headers: csrf,
          multipart: { paperKey, file: { name, mimeType: 'application/pdf', buffer } },
        });
        if (!r.ok()) throw new Error(`upload ${url}: ${r.status()} ${await r.text()}`);
        return r.json();
      },
    };
  }

  async function shot(name: string) {
    mkdirSync('/tmp', { recursive: true });
    await page.waitForTimeout(400); // let antd's animations settle
    await page.screenshot({ path: `/tmp/${name}.png`, fullPage: true });
  }

  async function expectAccessible(name: string) {
    const violations = await seriousA11yViolations(page);
    expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  }

  /** A fresh browser session signed in as `username` (each official their own cookies). */
  async function signIn(username: string, width = 1280) {
    await context?.close();
    context = await browser.newContext({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width, height: 900 },
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(`${username}: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(`${username}: ${msg.text()}`);
    });
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(TEST_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-menu').waitFor();
  }

  /** The citizen's own browser session, beside the officials'. */
  let citizen: Page;
  let citizenContext: BrowserContext | undefined;

  async function openDossier(id: string) {
    await page.goto(`${server.url}/desk/dossiers/${id}`);
    await page.getByTestId('dossier-actions').waitFor();
  }

  const stateOf = () =>
    page.getByTestId('dossier-state').locator('[data-state]').getAttribute('data-state');

  /** Clicks an action button, fills its dialog with `fill`, confirms, waits for the new state. */
  async function act(
    action: string,
    state: string,
    fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
  ) {
    await page.getByTestId(`action-${action}`).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    if (fill) await fill(dialog);
    await page.getByTestId(`act-${action}-ok`).click();
    await expect.poll(stateOf, { timeout: WAIT }).toBe(state);
    await dialog.waitFor({ state: 'hidden' });
  }

  /** A print link opens a real PDF. */
  async function expectPdf(form: string) {
    const link = page.getByTestId(`print-${form}`).first();
    const href = await link.getAttribute('href');
    expect(href).toMatch(new RegExp(`/forms/${form}$`));
    expect(await link.getAttribute('target')).toBe('_blank');
    const res = await page.request.get(`${server.url}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/pdf');
    expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
  }

  const today = () =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchChromium();

    // A procedure of the test's own, carried by every commune, with a fee.
    admin = await apiAs('admin');
    const sectors = await admin.get('/api/catalog/sectors');
    const sector = sectors.items.find((s: { name: string }) => s.name === 'Hộ tịch');
    procedureCode = `9.${String(Date.now() % 1_000_000).padStart(6, '0')}`;
    await admin.post('/api/catalog/procedures', {
      code: procedureCode,
      name: procedureName,
      sectorId: sector.id,
      levels: ['commune'],
      onlineClass: 'full',
      submissionModes: ['online', 'desk', 'post'],
      processingTime: 3,
      timeUnit: 'working_day',
      feeVnd: 20000,
      papers: [
        {
          key: 'to_khai',
          name: 'Tờ khai đăng ký khai sinh',
          copies: '01 bản chính',
          mandatory: true,
          templateFile: null,
        },
        {
          key: 'giay_chung_sinh',
          name: 'Giấy chứng sinh',
          copies: '01 bản chính',
          mandatory: false,
          templateFile: null,
        },
      ],
      formFields: [
        { key: 'child_name', label: 'Họ tên người được khai sinh', type: 'text', required: true },
      ],
      workflow: null,
      implementers: { mode: 'custom', targets: [{ kind: 'commune_peoples_committee' }] },
      validFrom: today(),
    });
  }, 180_000);

  afterAll(async () => {
    for (const a of apis) await a.dispose();
    await citizenContext?.close();
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('a citizen finds the procedure without diacritics, files it online and gets its code', async () => {
    citizenContext = await browser.newContext({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    citizen = await citizenContext.newPage();
    citizen.on('pageerror', (err) => pageErrors.push(`citizen: ${err.message}`));
    citizen.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(`citizen: ${msg.text()}`);
    });
    await citizen.goto(`${server.url}/portal`);
    await citizen.getByLabel('Tên hoặc mã thủ tục').fill('thu tuc thu nghiem mot cua');
    await citizen.getByTestId('procedure-search-submit').click();
    const hit = citizen
      .getByTestId('procedure-results')
      .locator(`[data-code="${procedureCode}"] a`);
    await hit.waitFor({ timeout: WAIT });
    await hit.click();
    await citizen.getByTestId('procedure-detail').waitFor();
    expect(await citizen.getByTestId('procedure-detail').textContent()).toContain(procedureName);

    await citizen.getByTestId('apply-online').first().click();
    await citizen.waitForURL('**/login');
    await citizen.getByLabel('Tên đăng nhập').fill('congdan');
    await citizen.getByLabel('Mật khẩu', { exact: true }).fill(TEST_PASSWORD);
    await citizen.getByTestId('login-submit').click();
    const form = citizen.getByTestId('dossier-info-form');
    await form.waitFor({ timeout: WAIT });
    await form.getByTestId('agency-select').click();
    await citizen.keyboard.type('long duc');
    await citizen.locator('.ant-select-item-option', { hasText: 'xã Long Đức' }).first().click();
    await form.getByLabel('Số CCCD / định danh cá nhân').fill(applicant.idNumber);
    await form.getByLabel('Số điện thoại').fill(applicant.phone);
    await form.getByLabel('Địa chỉ liên hệ').fill(applicant.address);
    await form.getByTestId('field-child_name').fill('Trần Minh Khôi');
    await citizen.getByTestId('dossier-save').click();
    await citizen.waitForURL(/\/portal\/dossiers\/[0-9a-f-]{36}$/, { timeout: WAIT });
    const id = citizen.url().split('/').at(-1)!;

    await citizen.getByTestId('upload-to_khai').setInputFiles({
      name: 'To khai.pdf',
      mimeType: 'application/pdf',
      buffer: pdfBytes('to khai'),
    });
    await citizen.getByTestId('paper-to_khai').locator('.portal-file-link').waitFor();
    await citizen.getByTestId('draft-declare').click();
    await citizen.getByTestId('draft-submit').click();
    await citizen.getByTestId('submitted-notice').waitFor({ timeout: WAIT });
    const code = (await citizen.getByTestId('submitted-code').textContent())!.trim();
    expect(code).toMatch(/^\S+-\d{6}-0001$/);
    online = { id, code };
  });

  it('lists the online dossier in the officer’s "to receive" queue, with counts and search', async () => {
    await signIn('mc.longduc');
    await page.getByTestId('side-menu').getByText('Một cửa — xử lý hồ sơ').click();
    await page.waitForURL('**/desk');
    const table = page.getByTestId('desk-table');
    await expect.poll(() => table.textContent(), { timeout: WAIT }).toContain(online.code);
    expect(await page.getByTestId('desk-tab-to_receive').textContent()).toMatch(
      /Chờ tiếp nhận\s*1/,
    );
    await shot('desk-01-queue');
    await expectAccessible('desk');

    // accent-insensitive search by applicant, and by the code
    await page.getByTestId('desk-search').locator('input').fill('kim yen');
    await page.getByTestId('desk-search').locator('input').press('Enter');
    await expect.poll(() => table.textContent(), { timeout: WAIT }).toContain(online.code);
    await page.getByTestId('desk-search').locator('input').fill('khong co ai ten nay');
    await page.getByTestId('desk-search').locator('input').press('Enter');
    await expect.poll(() => table.textContent(), { timeout: WAIT }).toContain('Không có hồ sơ nào');
    await page.getByTestId('desk-search').locator('input').fill(online.code);
    await page.getByTestId('desk-search').locator('input').press('Enter');
    await expect.poll(() => table.textContent(), { timeout: WAIT }).toContain(online.code);
  });

  it('receives it: papers checked, the receipt printable, the fee recorded, assigned', async () => {
    await page.getByTestId('desk-row-link').first().click();
    await page.waitForURL(`**/desk/dossiers/${online.id}`);
    await page.getByTestId('dossier-actions').waitFor();
    expect(await stateOf()).toBe('submitted');
    await shot('desk-02-dossier-submitted');
    await expectAccessible('dossier');

    await act('receive', 'received', async (dialog) => {
      // the uploaded mandatory paper is ticked already
      await expect
        .poll(
          () => dialog.getByRole('checkbox', { name: /Tờ khai đăng ký khai sinh/ }).isChecked(),
          { timeout: WAIT },
        )
        .toBe(true);
      await dialog.getByRole('checkbox', { name: /Giấy chứng sinh/ }).check();
      await dialog.getByLabel('Nội dung gửi người nộp').fill('Hồ sơ đầy đủ, đã tiếp nhận.');
      await shot('desk-03-receive-modal');
    });
    await page.getByTestId('dossier-offer').waitFor();
    await expectPdf('01');
    expect(await page.getByTestId('dossier-due').textContent()).not.toBe('—');

    // the fee of 20,000 VND is due, paid at the desk
    expect(await page.getByTestId('dossier-fee').textContent()).toContain('Chưa nộp');
    await page.getByTestId('dossier-fee-record').click();
    await page.getByRole('dialog').getByLabel('Số biên lai').fill('BL-0001234');
    await page.getByTestId('fee-ok').click();
    await expect
      .poll(() => page.getByTestId('dossier-fee').textContent(), { timeout: WAIT })
      .toContain('BL-0001234');

    // assigned to the commune's specialist
    await page.getByTestId('dossier-assign').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Cán bộ xử lý').click();
    await page.locator('.ant-select-item-option').first().click();
    await page.getByTestId('assign-ok').click();
    await expect
      .poll(() => page.getByTestId('dossier-summary').textContent(), { timeout: WAIT })
      .not.toContain('Chưa phân công');
    await expect
      .poll(() => page.getByTestId('dossier-history').textContent(), { timeout: WAIT })
      .toContain('Phân công xử lý');
    await shot('desk-04-dossier-received');
  });

  it('is started and forwarded by the specialist, whose queue holds it', async () => {
    await signIn('cv.longduc');
    await page.goto(`${server.url}/desk?queue=mine`);
    await expect
      .poll(() => page.getByTestId('desk-table').textContent(), { timeout: WAIT })
      .toContain(online.code);
    await openDossier(online.id);
    // a specialist may not receive, refuse reception or record fees
    expect(await page.getByTestId('dossier-fee-record').count()).toBe(0);
    await act('start', 'in_process');
    await act('forward', 'in_process', async (dialog) => {
      expect(await dialog.textContent()).toContain('Phê duyệt');
      await dialog.getByLabel('Nội dung gửi người nộp').fill('Đã thẩm định, đủ điều kiện.');
      await dialog.getByLabel('Ghi chú nội bộ').fill('Đề nghị lãnh đạo ký.');
    });
    // the step is the leader's now: nothing left for the specialist
    await expect
      .poll(() => page.getByTestId('dossier-actions').textContent(), { timeout: WAIT })
      .toContain('không có thao tác nào');
    expect(await page.getByTestId('dossier-history').textContent()).toContain(
      'Đề nghị lãnh đạo ký.',
    );
    await shot('desk-05-forwarded');
  });

  it('is approved by the leader', async () => {
    await signIn('ld.longduc');
    await openDossier(online.id);
    await act('approve', 'approved', async (dialog) => {
      await dialog.getByLabel('Nội dung gửi người nộp').fill('Đồng ý cấp giấy khai sinh.');
    });
  });

  it('gets its result attached and is returned at the desk by the officer', async () => {
    await signIn('mc.longduc');
    await openDossier(online.id);
    await page
      .getByTestId('upload-result')
      .locator('input[type=file]')
      .setInputFiles({
        name: 'Giay khai sinh.pdf',
        mimeType: 'application/pdf',
        buffer: pdfBytes('ket qua'),
      });
    await expect
      .poll(() => page.getByTestId('dossier-results').textContent(), { timeout: WAIT })
      .toContain('Giay khai sinh.pdf');
    await act('attach_result', 'result_ready', async (dialog) => {
      await expect
        .poll(() => dialog.getByRole('radio').first().isChecked(), { timeout: WAIT })
        .toBe(true);
    });
    await act('return', 'returned', async (dialog) => {
      await dialog.getByLabel('Trả trực tiếp tại Bộ phận một cửa').check();
    });
    expect(await page.getByTestId('dossier-summary').textContent()).toContain(
      'Trả trực tiếp tại Bộ phận một cửa',
    );
    await expectPdf('06');
    const history = await page.getByTestId('dossier-history').textContent();
    for (const step of [
      'Tiếp nhận hồ sơ',
      'Bắt đầu xử lý',
      'Chuyển bước xử lý',
      'Phê duyệt',
      'Cập nhật kết quả',
      'Trả kết quả',
    ]) {
      expect(history).toContain(step);
    }
    await shot('desk-06-returned');
    await expectAccessible('dossier returned');
  });

  it('lets the citizen download the result and rate the service, once', async () => {
    await citizen.goto(`${server.url}/portal/dossiers/${online.id}`);
    await citizen.locator('[data-testid="my-dossier"][data-state="returned"]').waitFor({
      timeout: WAIT,
    });
    const result = citizen
      .getByTestId('dossier-files')
      .locator('.portal-result-files a', { hasText: 'Giay khai sinh.pdf' });
    const [download] = await Promise.all([citizen.waitForEvent('download'), result.click()]);
    expect(download.suggestedFilename()).toBe('Giay khai sinh.pdf');
    const saved = await download.path();
    expect(readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');

    const rating = citizen.getByTestId('rating-card');
    await rating.getByText('Hài lòng', { exact: true }).click();
    await citizen.getByTestId('rating-submit').click();
    await expect
      .poll(() => citizen.getByTestId('rating-done').textContent(), { timeout: WAIT })
      .toContain('Hài lòng');
    await citizen.reload();
    await citizen.getByTestId('rating-done').waitFor({ timeout: WAIT });
    expect(await citizen.getByTestId('rating-card').count()).toBe(0);
  });

  it('files a walk-in dossier at the desk and offers the receipt at once', async () => {
    await page.goto(`${server.url}/desk`);
    await page.getByTestId('desk-new').click();
    await page.waitForURL('**/desk/new');
    const form = page.getByTestId('desk-new-form');
    const picker = page.getByTestId('desk-new-procedure');
    await picker.click();
    // accent-insensitive, among the procedures the commune carries
    await picker.locator('input').fill('thu nghiem mot cua');
    await page.locator('.ant-select-item-option', { hasText: procedureCode }).click();
    await form.getByLabel('Họ tên người được khai sinh').waitFor();
    await form.getByLabel('Trực tiếp', { exact: true }).check();
    await form.getByLabel('Họ và tên').fill('Thạch Thị Sà Phia');
    await form.getByLabel('Số CCCD / định danh cá nhân').fill('08419');
    await form.getByLabel('Số điện thoại').fill('0987654321');
    await form.getByLabel('Địa chỉ').fill('Ấp Đầu Giồng, xã Long Đức');
    await form.getByLabel('Họ tên người được khai sinh').fill('Thạch Minh Tâm');
    await page.getByTestId('desk-new-submit').click();
    // the checks refuse a short ID number and a missing mandatory paper
    await expect
      .poll(() => form.textContent(), { timeout: WAIT })
      .toContain('Số CCCD gồm 12 chữ số');
    await expect
      .poll(() => form.textContent(), { timeout: WAIT })
      .toContain('giấy tờ bắt buộc chưa được đánh dấu');
    await form.getByLabel('Số CCCD / định danh cá nhân').fill('084196001122');
    await form.getByRole('checkbox', { name: /Tờ khai đăng ký khai sinh/ }).check();
    await shot('desk-07-new');
    await expectAccessible('desk new');
    // a double click files one dossier (one Idempotency-Key per form session)
    await page.getByTestId('desk-new-submit').dblclick();
    await page.waitForURL(/\/desk\/dossiers\/[0-9a-f-]{36}$/);
    walkIn = {
      id: page.url().split('/').at(-1)!,
      code: (await page.getByTestId('dossier-code').textContent()) ?? '',
    };
    expect(await stateOf()).toBe('received');
    await page.getByTestId('dossier-offer').waitFor();
    expect(await page.getByTestId('dossier-offer').textContent()).toContain('In giấy tiếp nhận');
    await expectPdf('01');
    await shot('desk-08-walk-in');
    await page.goto(`${server.url}/desk?queue=in_process`);
    await expect
      .poll(() => page.getByTestId('desk-table').textContent(), { timeout: WAIT })
      .toContain(walkIn.code);
    expect(
      ((await page.getByTestId('desk-table').textContent()) ?? '').split(walkIn.code).length,
    ).toBe(2);
  });

  it('lets the walk-in dossier go late: it is in the overdue queue, marked overdue', async () => {
    // Ten days pass on the server (three working days were promised).
    server.advanceClock(10 * 24 * 3600_000);
    await signIn('mc.longduc');
    await page.goto(`${server.url}/desk?queue=overdue`);
    await expect
      .poll(() => page.getByTestId('desk-table').textContent(), { timeout: WAIT })
      .toContain(walkIn.code);
    expect(await page.getByTestId('desk-tab-overdue').textContent()).toMatch(/Quá hạn\s*1/);
    await shot('desk-09-overdue');
    await openDossier(walkIn.id);
    await page.getByTestId('dossier-due').locator('[data-due="overdue"]').waitFor();
  });

  it('extends the walk-in dossier with an apology and a new appointment (form 04)', async () => {
    await openDossier(walkIn.id);
    const before = await page.getByTestId('dossier-appointment').textContent();
    await page.getByTestId('action-extend').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Số ngày làm việc hẹn thêm').fill('2');
    await dialog
      .getByLabel('Lý do chậm trễ (ghi vào phiếu xin lỗi)')
      .fill('Cần xác minh thêm thông tin nơi cư trú.');
    await shot('desk-10-extend-modal');
    await page.getByTestId('act-extend-ok').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect
      .poll(() => page.getByTestId('dossier-appointment').textContent(), { timeout: WAIT })
      .not.toBe(before);
    await page.getByTestId('dossier-offer').waitFor();
    await expectPdf('04');
    expect(await page.getByTestId('dossier-history').textContent()).toContain('Hẹn trả mới');
    await shot('desk-11-extended');
  });

  it('shows the desk usable on a phone', async () => {
    await context!.close();
    context = undefined;
    await signIn('mc.longduc', 375);
    await page.goto(`${server.url}/desk?queue=in_process`);
    await expect
      .poll(() => page.getByTestId('desk-table').textContent(), { timeout: WAIT })
      .toContain(walkIn.code);
    await shot('desk-11-phone');
    await openDossier(walkIn.id);
    await shot('desk-12-phone-dossier');
  });

  it('reports the month to the leader: totals, drill-down, Excel', async () => {
    await signIn('ld.longduc');
    await page.getByTestId('side-menu').getByText('Thống kê hồ sơ').click();
    await page.waitForURL('**/stats');
    const total = page.getByTestId('stats-total');
    await total.waitFor();
    const cell = async (col: string) =>
      Number((await total.locator(`[data-col="${col}"]`).textContent())?.replace(/\D/g, ''));
    // what happened above: two new dossiers (one online, one at the desk), one settled in time
    // and returned, one in progress
    await expect.poll(() => cell('total'), { timeout: WAIT }).toBe(2);
    expect(await cell('receivedOnline')).toBe(1);
    expect(await cell('receivedDesk')).toBe(1);
    expect(await cell('receivedPost')).toBe(0);
    expect(await cell('carriedOver')).toBe(0);
    expect(await cell('total')).toBe(2);
    expect(await cell('settled')).toBe(1);
    expect((await cell('settledEarly')) + (await cell('settledOnTime'))).toBe(1);
    expect(await cell('settledLate')).toBe(0);
    expect(await cell('inProgress')).toBe(1);
    expect(await cell('returned')).toBe(1);
    expect(await cell('ratedSatisfied')).toBe(1);
    expect(await page.getByTestId('stats-kpis').textContent()).toContain('50 %');
    await page.getByTestId('stats-charts').waitFor();
    await shot('stats-01-month');
    await expectAccessible('stats');

    // drill down: the commune has no units under it, so it opens into its procedures
    await page.getByTestId('stats-open').first().click();
    await expect
      .poll(() => page.getByTestId('stats-table').textContent(), { timeout: WAIT })
      .toContain(procedureName);
    expect(page.url()).toContain('groupBy=procedure');
    expect(await page.getByTestId('stats-breadcrumb').textContent()).toContain('Long Đức');
    await expect.poll(() => cell('total'), { timeout: WAIT }).toBe(2);
    await shot('stats-02-procedures');

    // by month
    await page.getByTestId('stats-groupby').getByText('Tháng').click();
    await expect.poll(() => page.url(), { timeout: WAIT }).toContain('groupBy=month');
    await expect.poll(() => cell('total'), { timeout: WAIT }).toBe(2);
    await shot('stats-03-months');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('stats-excel').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^bao-cao-tthc-.*\.xlsx$/);
    const file = await download.path();
    expect(file).toBeTruthy();
  });

  it('shows the statistics acceptable on a phone', async () => {
    await signIn('ld.longduc', 375);
    await page.goto(`${server.url}/stats`);
    await page.getByTestId('stats-total').waitFor();
    await page.getByTestId('stats-charts').waitFor();
    await shot('stats-04-phone');
  });

  it('raised no page errors or CSP refusals', () => {
    expect(pageErrors).toEqual([]);
  });
});
