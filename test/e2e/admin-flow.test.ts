import { Secret, TOTP } from 'otpauth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../helpers/app.js';
import { launchChromium, screenshot, seriousA11yViolations } from './browser.js';
import { startWebServer } from './server.js';

/**
 * The acceptance scenario in a real browser: the department admin signs in and enrols TOTP,
 * browses the agency tree, creates a one-stop officer for Xã Long Đức and grants the role,
 * adds a holiday, checks the audit log and its chain; the new officer then signs in.
 */
describe('web app: department admin flow', () => {
  let server: Awaited<ReturnType<typeof startWebServer>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  const officer = {
    username: 'mc2.longduc',
    fullName: 'Lê Thị Mỹ Duyên',
    password: 'MotCua@LongDuc2026',
  };
  const year = new Date().getFullYear();
  const holiday = {
    date: `${year}-10-15`,
    shown: `15/10/${year}`,
    name: 'Ngày hội văn hóa các dân tộc tỉnh Trà Vinh',
  };

  const treeNode = (title: string) =>
    page.locator('.ant-tree-treenode', {
      has: page.locator('[data-node-id]', { hasText: new RegExp(`^${title}$`) }),
    });

  async function expandNode(title: string) {
    const node = treeNode(title);
    await node.waitFor();
    await node.locator('.ant-tree-switcher').click();
  }

  async function login(username: string, password: string) {
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
    await page.getByTestId('login-submit').click();
  }

  async function expectAccessible(name: string) {
    const violations = await seriousA11yViolations(page);
    expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  }

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchChromium();
    context = await browser.newContext({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 1366, height: 900 },
    });
    page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('console', (msg) => {
      // CSP refusals and React errors surface here
      if (msg.type() === 'error') pageErrors.push(msg.text());
    });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('shows the login page in Vietnamese, accessible', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForURL('**/login');
    await expect
      // The first page of the run: the bundle may load slowly on a busy machine.
      .poll(() => page.getByRole('heading', { name: 'Đăng nhập' }).isVisible(), {
        timeout: 20_000,
      })
      .toBe(true);
    await screenshot(page, '01-login');
    await expectAccessible('login');
  });

  it('signs the admin in and forces TOTP enrolment', async () => {
    await login('admin', TEST_PASSWORD);
    const secretText = await page.getByTestId('totp-secret').textContent();
    const secret = (secretText ?? '').replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await expect
      .poll(() =>
        page.locator('[data-testid="totp-enrol"] canvas, [data-testid="totp-enrol"] svg').count(),
      )
      .toBeGreaterThan(0);
    await screenshot(page, '02-totp-enrolment');
    const code = new TOTP({ secret: Secret.fromBase32(secret) }).generate();
    await page.getByTestId('totp-code').fill(code);
    await page.getByTestId('totp-confirm').click();
    await page.getByTestId('welcome').waitFor();
    await expect
      .poll(() => page.getByTestId('welcome').textContent())
      .toContain('Nguyễn Minh Quân');
    await screenshot(page, '03-home-admin');
    await expectAccessible('home');
  });

  it('browses the agency tree down to Xã Long Đức and finds it without diacritics', async () => {
    await page.getByTestId('side-menu').getByText('Cơ quan, đơn vị').click();
    await page.waitForURL('**/agencies');
    await expandNode('Tỉnh Trà Vinh');
    await expandNode('UBND tỉnh Trà Vinh');
    await expandNode('UBND thành phố Trà Vinh');
    await treeNode('UBND xã Long Đức').locator('[data-node-id]').click();
    await expect
      .poll(() => page.getByTestId('agency-detail').textContent())
      .toContain('Ủy ban nhân dân xã Long Đức');
    await expect.poll(() => page.getByTestId('agency-detail').textContent()).toContain('29263');
    await screenshot(page, '04-agency-tree');
    await expectAccessible('agencies');

    // accent-insensitive server search
    await page.getByTestId('side-menu').getByText('Cơ quan, đơn vị').click();
    await page.getByLabel('Tìm cơ quan, đơn vị').fill('long duc');
    const hit = page.getByTestId('agency-search-hit').filter({ hasText: 'UBND xã Long Đức' });
    await hit.waitFor();
    expect(await hit.textContent()).toContain('UBND thành phố Trà Vinh');
    await screenshot(page, '05-agency-search');
    await hit.click();
    await expect
      .poll(() => page.getByTestId('agency-detail').textContent())
      .toContain('Ủy ban nhân dân xã Long Đức');

    // a unit under the commune: it appears in the tree, selected
    await page.getByTestId('agency-add-child').click();
    const modal = page.getByTestId('agency-create');
    await modal.getByLabel('Tên đầy đủ').fill('Trạm Y tế xã Long Đức');
    await modal.getByLabel('Tên ngắn').fill('Trạm Y tế Long Đức');
    await screenshot(page, '05b-agency-create');
    await page.getByTestId('agency-create-ok').click();
    await treeNode('Trạm Y tế Long Đức').waitFor();
    await expect
      .poll(() => page.getByTestId('agency-detail').textContent())
      .toContain('Đơn vị sự nghiệp');
    await treeNode('UBND xã Long Đức').locator('[data-node-id]').click();
    await expect
      .poll(() => page.getByTestId('agency-detail').textContent())
      .toContain('Ủy ban nhân dân xã Long Đức');
  });

  it('creates an officer account for Xã Long Đức and grants the one-stop role', async () => {
    await page.getByTestId('agency-users').click();
    await page.waitForURL('**/users?agencyId=*');
    await expect.poll(() => page.getByTestId('users-table').textContent()).toContain('mc.longduc');
    await screenshot(page, '06-users-long-duc');
    await expectAccessible('users');

    await page.getByTestId('user-create').click();
    const drawer = page.getByTestId('user-create-drawer');
    await drawer.getByLabel('Tên đăng nhập').fill(officer.username);
    await drawer.getByLabel('Họ và tên').fill(officer.fullName);
    await drawer.getByLabel('Chức vụ').fill('Công chức một cửa');
    await drawer.getByLabel('Mật khẩu ban đầu').fill(officer.password);
    await expect
      .poll(() =>
        drawer.locator('.ant-select-content, .ant-select-selection-item').first().textContent(),
      )
      .toContain('UBND xã Long Đức');
    await screenshot(page, '07-create-user');
    await page.getByTestId('user-create-submit').click();

    const userDrawer = page.getByTestId('user-drawer');
    await page.waitForURL('**/users/*');
    await expect.poll(() => userDrawer.textContent()).toContain(officer.username);
    await userDrawer.getByLabel('Vai trò').click();
    await page.locator('.ant-select-item-option', { hasText: 'Cán bộ một cửa' }).click();
    await expect
      .poll(() => userDrawer.getByTestId('role-grant-form').textContent())
      .toContain('UBND xã Long Đức');
    await userDrawer.getByTestId('role-grant').click();
    await expect
      .poll(() => userDrawer.getByTestId('user-roles').textContent())
      .toContain('Cán bộ một cửa');
    await screenshot(page, '08-user-roles');
    await userDrawer.locator('.ant-drawer-close').click();
    await page.waitForURL((url) => !/\/users\/[0-9a-f-]{36}/.test(url.pathname));
  });

  it('adds a provincial holiday to the calendar and computes a due date', async () => {
    await page.getByTestId('side-menu').getByText('Lịch nghỉ lễ').click();
    await page.waitForURL('**/calendar');
    await page.getByTestId('calendar-table').waitFor();
    await page.getByTestId('calendar-add').click();
    const modal = page.getByTestId('calendar-day-modal');
    const dateInput = modal.getByLabel('Ngày', { exact: true });
    await dateInput.click();
    await dateInput.fill(holiday.shown);
    await dateInput.press('Enter');
    await modal.getByLabel('Tên ngày').fill(holiday.name);
    await screenshot(page, '09-calendar-add');
    await page.getByTestId('calendar-day-modal-ok').click();
    const row = page.locator(`[data-date="${holiday.date}"]`);
    await row.waitFor();
    await expect
      .poll(() => page.getByTestId('calendar-table').textContent())
      .toContain(holiday.name);

    await page.getByRole('button', { name: 'Tính ngày hẹn' }).click();
    await page.getByTestId('due-date-result').waitFor();
    await screenshot(page, '10-calendar');
    await expectAccessible('calendar');
  });

  it('shows the audit events and verifies the chain', async () => {
    await page.getByTestId('side-menu').getByText('Nhật ký hệ thống').click();
    await page.waitForURL('**/audit');
    const table = page.getByTestId('audit-table');
    await table.locator('[data-action="identity.user_create"]').first().waitFor();
    await table.locator('[data-action="identity.role_grant"]').first().waitFor();
    await table.locator('[data-action="calendar.day_create"]').first().waitFor();
    expect(await table.textContent()).toContain('Tạo người dùng');
    expect(await table.textContent()).toContain('Cấp vai trò');

    await page.getByTestId('audit-verify').click();
    await page.getByTestId('audit-verify-ok').waitFor();
    expect(await page.getByTestId('audit-verify-ok').textContent()).toContain('toàn vẹn');
    // open the role grant to show its before/after
    await table
      .locator('tr', { has: page.locator('[data-action="identity.role_grant"]') })
      .first()
      .locator('.ant-table-row-expand-icon')
      .click();
    await screenshot(page, '11-audit');
    await expectAccessible('audit');
  });

  it('signs out and signs the new officer in (no TOTP for a one-stop officer)', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
    await page.waitForURL('**/login');
    await login(officer.username, officer.password);
    // A password an administrator set is changed before anything else.
    await page.getByTestId('account-setup-notice').waitFor();
    await screenshot(page, '12-officer-password');
    await expectAccessible('password-change');
    const form = page.getByTestId('change-password');
    await form.getByLabel('Mật khẩu hiện tại').fill(officer.password);
    await form.getByLabel('Mật khẩu mới', { exact: true }).fill('Mot cua Long Duc rat an toan');
    await form.getByLabel('Nhập lại mật khẩu mới').fill('Mot cua Long Duc rat an toan');
    await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByText('Đã đổi mật khẩu.').waitFor();
    await page.getByTestId('side-menu').getByText('Trang chủ').click();
    await page.getByTestId('welcome').waitFor();
    const welcome = await page.getByTestId('welcome').textContent();
    expect(welcome).toContain(officer.fullName);
    expect(welcome).toContain('Cán bộ một cửa');
    await screenshot(page, '13-officer-home');
    // what a one-stop officer may not use is not offered
    const menu = await page.getByTestId('side-menu').textContent();
    expect(menu).not.toContain('Nhật ký hệ thống');
    expect(menu).not.toContain('Người dùng');
  });

  it('switches to English', async () => {
    await page.getByTestId('language-switch').getByText('EN').click();
    await expect
      .poll(() => page.getByTestId('welcome').textContent())
      .toContain(`Welcome, ${officer.fullName}`);
    await screenshot(page, '14-officer-home-en');
    await page.getByTestId('side-menu').getByText('Holiday calendar').click();
    await page.getByTestId('calendar-table').waitFor();
    await expect
      .poll(() => page.getByTestId('calendar-table').textContent())
      .toContain('Public holiday');
    await screenshot(page, '15-calendar-en');
    await page.getByTestId('language-switch').getByText('VI').click();
  });

  it('raised no page errors or CSP refusals', () => {
    expect(pageErrors).toEqual([]);
  });
});
