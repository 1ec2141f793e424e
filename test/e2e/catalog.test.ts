import { Secret, TOTP } from 'otpauth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../helpers/app.js';
import { launchChromium, seriousA11yViolations } from './browser.js';
import { startWebServer } from './server.js';

/**
 * The procedure catalogue screens in a real browser, as the department admin: a search
 * without diacritics, a procedure's history, a new version effective tomorrow (shorter time,
 * one more paper, a five-step workflow with an inter-agency step at Sở Tư pháp), then the
 * settings page: a sector's district rule and a per-procedure exception.
 */
describe('web app: procedure catalogue', () => {
  let server: Awaited<ReturnType<typeof startWebServer>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let csrf: string;
  let procedureId: string;
  const pageErrors: string[] = [];

  const TZ = 'Asia/Ho_Chi_Minh';
  const localDay = (offsetDays: number) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(
      new Date(Date.now() + offsetDays * 86_400_000),
    );
  const shown = (isoDay: string) => isoDay.split('-').reverse().join('/');
  const tomorrow = localDay(1);
  const newPaper = 'Giấy ủy quyền (trường hợp nộp thay)';
  const interAgencyStep = 'Lấy ý kiến Sở Tư pháp';

  async function shot(name: string, tall = false) {
    await page.waitForTimeout(400); // let antd's animations settle
    if (tall) {
      await page.setViewportSize({ width: 1280, height: 4200 });
      await page.locator('.ant-drawer-body').evaluate((el) => el.scrollTo(0, 0));
    }
    await page.screenshot({ path: `/tmp/catalog-${name}.png`, fullPage: true });
    if (tall) await page.setViewportSize({ width: 1280, height: 900 });
  }

  async function expectAccessible(name: string) {
    const violations = await seriousA11yViolations(page);
    expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  }

  /**
   * Opens an antd Select by its test id, types, and picks the option showing `option`; once
   * more if the choice did not take (a click during the dropdown's animation on a busy machine).
   */
  /**
   * Chooses `option` in the antd select `testId`, looking only at that select's own dropdown
   * (found through its combobox's aria-controls: dropdowns of other selects stay in the page,
   * one may still be fading out), and tries again until the choice shows in the select.
   */
  async function pick(testId: string, typed: string | null, option: string) {
    const select = page.getByTestId(testId);
    const chosen = async () => (await select.textContent())?.includes(option) ?? false;
    for (let attempt = 1; ; attempt++) {
      await select.click();
      if (typed) await page.keyboard.type(typed);
      const listId = await select.locator('[role="combobox"]').getAttribute('aria-controls');
      const dropdown = page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
        .filter({ has: page.locator(`[id="${listId}"]`) });
      const item = dropdown.locator('.ant-select-item-option', { hasText: option }).first();
      await item.waitFor();
      await page.waitForTimeout(150); // the dropdown's opening animation
      await item.click();
      const ok = await expect
        .poll(chosen, { timeout: 5_000 })
        .toBe(true)
        .then(
          () => true,
          () => false,
        );
      if (ok) return;
      if (attempt >= 3) throw new Error(`could not choose "${option}" in ${testId}`);
      await page.keyboard.press('Escape');
    }
  }

  async function apiGet<T>(url: string): Promise<T> {
    const res = await context.request.get(`${server.url}${url}`);
    expect(res.status(), url).toBe(200);
    return (await res.json()) as T;
  }

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchChromium();
    context = await browser.newContext({
      locale: 'vi-VN',
      timezoneId: TZ,
      viewport: { width: 1280, height: 900 },
    });
    page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(msg.text());
    });

    // The department admin signs in over HTTP in the browser's cookie jar and enrols TOTP,
    // as the enrolment screen would (admin-flow.test.ts drives that screen itself).
    const login = await context.request.post(`${server.url}/api/auth/login`, {
      data: { username: 'admin', password: TEST_PASSWORD },
    });
    expect(login.status()).toBe(200);
    const body = await login.json();
    csrf = body.user.csrfToken;
    expect(body.user.mfaEnrollmentRequired).toBe(true);
    const setup = await context.request.post(`${server.url}/api/me/totp`, {
      headers: { 'x-csrf-token': csrf },
      data: {},
    });
    const secret = (await setup.json()).secret as string;
    const code = new TOTP({ secret: Secret.fromBase32(secret) }).generate();
    const confirm = await context.request.post(`${server.url}/api/me/totp/confirm`, {
      headers: { 'x-csrf-token': csrf },
      data: { code },
    });
    expect(confirm.status()).toBe(204);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('searches the catalogue without diacritics', async () => {
    await page.goto(`${server.url}/catalog`);
    await page.getByTestId('side-menu').waitFor();
    await page.getByLabel('Tìm thủ tục').fill('chung thuc');
    await page.waitForURL(/q=chung/);
    const copies = page
      .getByTestId('procedure-link')
      .filter({ hasText: 'Chứng thực bản sao từ bản chính giấy tờ' });
    await copies.waitFor();
    const names = await page.getByTestId('procedure-link').allTextContents();
    expect(names.length).toBeGreaterThan(5);
    expect(names.filter((n) => n.includes('hứng thực')).length).toBeGreaterThan(5);
    await expect.poll(() => page.getByTestId('catalog-table').textContent()).toContain('thủ tục');
    await shot('list');
    await expectAccessible('catalog list');
  });

  it('opens a procedure and shows its history and the version in force', async () => {
    await page
      .getByTestId('procedure-link')
      .filter({ hasText: 'Chứng thực bản sao từ bản chính giấy tờ' })
      .first()
      .click();
    await page.waitForURL(/\/catalog\/[0-9a-f-]{36}$/);
    procedureId = page.url().split('/').at(-1)!;
    await page.getByTestId('version-card').waitFor();
    await expect
      .poll(() => page.getByTestId('procedure-title').textContent())
      .toContain('Chứng thực bản sao');
    const history = page.getByTestId('version-history');
    await expect.poll(() => history.locator('tbody tr.ant-table-row').count()).toBe(1);
    expect(await history.textContent()).toContain('Đang có hiệu lực');
    expect(await page.getByTestId('version-time').textContent()).toContain('1 ngày làm việc');
    await expect
      .poll(() => page.getByTestId('version-carriers').textContent())
      .toContain('Ủy ban nhân dân');
    await shot('procedure');
    await expectAccessible('procedure page');
  });

  it('creates a version effective tomorrow: shorter time, a paper, a 5-step workflow', async () => {
    await page.getByTestId('version-new').click();
    await page.getByTestId('procedure-editor').waitFor();

    // effective tomorrow
    const date = page.getByTestId('editor-valid-from');
    await date.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type(shown(tomorrow));
    await page.keyboard.press('Enter');
    await expect.poll(() => date.inputValue()).toBe(shown(tomorrow));
    await page
      .getByLabel('Nội dung thay đổi')
      .fill('Thời hạn 2 ngày, thêm giấy ủy quyền, lấy ý kiến Sở Tư pháp');

    // processing time 1 → 2 working days
    await page.getByTestId('editor-time').fill('2');

    // one more paper
    await page.getByTestId('paper-add').click();
    const last = (await page.getByTestId('paper-row').count()) - 1;
    await page.getByTestId(`paper-name-${last}`).fill(newPaper);
    await page.getByTestId(`paper-template-${last}`).fill('giay-uy-quyen.docx');

    // a configured workflow: the default four steps and an inter-agency step before approval
    await page.getByTestId('workflow-default').click();
    await expect.poll(() => page.getByTestId('step-row').count()).toBe(4);
    await page.getByTestId('step-add').click();
    await expect.poll(() => page.getByTestId('step-row').count()).toBe(5);
    await page.getByTestId('step-name-vi-2').fill(interAgencyStep);
    await page.getByTestId('step-name-en-2').fill('Consult the Department of Justice');
    await pick('step-agency-kind-2', null, 'Cơ quan khác');
    await pick('step-agency-2', 'so tu phap', 'Sở Tư pháp');
    await page.getByTestId('step-share-1').fill('40');
    await page.getByTestId('step-share-2').fill('20');
    await expect.poll(() => page.getByTestId('workflow-total').textContent()).toContain('100%');

    await shot('editor', true);
    await expectAccessible('version editor');

    await page.getByTestId('editor-save').click();
    await page.getByTestId('procedure-editor').waitFor({ state: 'hidden' });

    // the history shows the new version with its date, planned; it is the one shown
    const history = page.getByTestId('version-history');
    await expect.poll(() => history.locator('tbody tr.ant-table-row').count()).toBe(2);
    const row = history.locator(`tr[data-valid-from="${tomorrow}"]`);
    expect(await row.textContent()).toContain(shown(tomorrow));
    expect(await row.textContent()).toContain('Sắp có hiệu lực');
    expect(await row.textContent()).toContain('Phiên bản số 2');
    const card = page.getByTestId('version-card');
    await expect.poll(() => card.textContent()).toContain('Nội dung phiên bản số 2');
    expect(await page.getByTestId('version-time').textContent()).toContain('2 ngày làm việc');
    expect(await page.getByTestId('version-papers').textContent()).toContain(newPaper);
    const steps = page.getByTestId('workflow-steps');
    await expect.poll(() => steps.locator('tbody tr.ant-table-row').count()).toBe(5);
    await expect.poll(() => steps.textContent()).toContain('Sở Tư pháp');
    expect(await steps.textContent()).toContain(interAgencyStep);
    // the version in force until tomorrow keeps its content
    const versionOne = history.locator('tr[data-valid-from="2021-01-01"]');
    expect(await versionOne.textContent()).toContain(shown(localDay(0)));
    await shot('history');
    await expectAccessible('procedure page after the new version');

    // what the server holds
    type Version = {
      validFrom: string;
      validTo: string | null;
      processingTime: number | null;
      papers: { name: string; templateFile: string | null }[];
      workflow: { key: string; agency: { kind: string }; sharePercent: number }[];
      workflowConfigured: boolean;
    };
    const saved = await apiGet<{ versions: Version[] }>(
      `/api/catalog/procedures/${procedureId}/versions`,
    );
    expect(saved.versions).toHaveLength(2);
    const [before, after] = saved.versions as [Version, Version];
    expect(before.validTo).toBe(tomorrow);
    expect(after.validFrom).toBe(tomorrow);
    expect(after.processingTime).toBe(2);
    expect(after.papers.at(-1)).toMatchObject({
      name: newPaper,
      templateFile: 'giay-uy-quyen.docx',
    });
    expect(after.workflowConfigured).toBe(true);
    expect(after.workflow.map((s) => s.agency.kind)).toEqual([
      'receiving',
      'receiving',
      'agency',
      'receiving',
      'receiving',
    ]);
    expect(after.workflow.reduce((sum, s) => sum + s.sharePercent, 0)).toBe(100);
  });

  it("changes a sector's district rule and a procedure's exception on the settings page", async () => {
    await page.goto(`${server.url}/catalog/settings`);
    await page.getByTestId('sector-table').waitFor();
    await page.getByLabel('Tìm lĩnh vực').fill('chung thuc');
    const row = page
      .getByTestId('sector-table')
      .locator('tr', { has: page.getByTestId('sector-name').filter({ hasText: /^Chứng thực$/ }) });
    const toggle = row.getByTestId('sector-districts');
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    expect(await row.textContent()).toContain('Sở Tư pháp');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true');
    await page.getByText('Đã lưu cấu hình lĩnh vực Chứng thực.').waitFor();

    type Settings = {
      sectors: { name: string; carriedByDistricts: boolean; departmentName: string | null }[];
      districtOverrides: { code: string; mode: string }[];
    };
    const settings = await apiGet<Settings>('/api/catalog/settings');
    expect(settings.sectors.find((s) => s.name === 'Chứng thực')).toMatchObject({
      carriedByDistricts: true,
      departmentName: 'Sở Tư pháp',
    });

    // an exception for birth registration: carried by the district committees
    expect(settings.districtOverrides.some((o) => o.code === '1.001193')).toBe(false);
    await pick('override-procedure', 'dang ky khai sinh', '1.001193');
    await page.getByTestId('override-add').click();
    const overrides = page.getByTestId('override-table');
    await expect.poll(() => overrides.textContent()).toContain('1.001193');
    const after = await apiGet<Settings>('/api/catalog/settings');
    expect(after.districtOverrides.find((o) => o.code === '1.001193')?.mode).toBe('district');

    // both survive a reload
    await page.reload();
    await page.getByTestId('sector-table').waitFor();
    await page.getByLabel('Tìm lĩnh vực').fill('chung thuc');
    await expect
      .poll(() =>
        page
          .getByTestId('sector-table')
          .locator('tr', {
            has: page.getByTestId('sector-name').filter({ hasText: /^Chứng thực$/ }),
          })
          .getByTestId('sector-districts')
          .getAttribute('aria-checked'),
      )
      .toBe('true');
    await expect.poll(() => page.getByTestId('override-table').textContent()).toContain('1.001193');
    await shot('settings');
    await expectAccessible('catalog settings');
  });

  it('logged no browser errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
