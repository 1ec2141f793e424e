import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Secret, TOTP } from 'otpauth';
import type {
  APIResponse,
  Browser,
  BrowserContext,
  BrowserContextOptions,
  Locator,
  Page,
} from 'playwright-core';
import { expect } from 'vitest';
import { TEST_PASSWORD } from '../helpers/app.js';
import { launchChromium, screenshotDir, seriousA11yViolations } from './browser.js';
import { startWebServer } from './server.js';

export const WAIT = 20_000;
export const DEMO_PIN = '123456';
export const hasTool = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
/** Today in Vietnam (YYYY-MM-DD): the platform's day. */
export const todayVn = () =>
  new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });

/** The signed-in official, as `/api/auth/session` tells. */
export type SessionUser = { user: { id: string; agencyId: string; fullName: string } };

type Json = Record<string, unknown>;
type Upload = { name: string; mimeType: string; buffer: Buffer };

/**
 * The same API the page uses, through the browser context's own cookies (one session per
 * official for the browser and the test's facts), with the CSRF token on unsafe calls.
 * Every call fails loudly unless the status is the expected one.
 */
export class OfficialApi {
  private csrf: string | undefined;
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  private async token(): Promise<string> {
    if (!this.csrf) {
      const session = (await this.get('/api/auth/session')) as { user: { csrfToken: string } };
      this.csrf = session.user.csrfToken;
    }
    return this.csrf;
  }

  private async check(res: APIResponse, what: string, status: number): Promise<unknown> {
    const text = await res.text();
    if (res.status() !== status) {
      throw new Error(`${what}: expected ${status}, got ${res.status()} ${text.slice(0, 500)}`);
    }
    return text ? JSON.parse(text) : undefined;
  }

  /** The raw answer, for a test that asserts the status itself (a 404 after a recall). */
  raw(url: string): Promise<APIResponse> {
    return this.page.request.get(`${this.base}${url}`);
  }

  async get<T = Json>(url: string, status = 200): Promise<T> {
    return (await this.check(await this.raw(url), `GET ${url}`, status)) as T;
  }

  async post<T = Json>(url: string, body: unknown = {}, opts: { status?: number } = {}) {
    const res = await this.page.request.post(`${this.base}${url}`, {
      data: body as Json,
      headers: {
        'x-csrf-token': await this.token(),
        'idempotency-key': `e2e-${crypto.randomUUID()}`,
      },
    });
    return (await this.check(res, `POST ${url}`, opts.status ?? 200)) as T;
  }

  /** A multipart upload: the file and the metadata JSON, as the web app sends them. */
  async upload<T = Json>(url: string, file: Upload, metadata?: unknown, status = 201) {
    const res = await this.page.request.post(`${this.base}${url}`, {
      multipart: {
        ...(metadata === undefined ? {} : { metadata: JSON.stringify(metadata) }),
        file,
      },
      headers: {
        'x-csrf-token': await this.token(),
        'idempotency-key': `e2e-${crypto.randomUUID()}`,
      },
    });
    return (await this.check(res, `POST ${url}`, status)) as T;
  }
}

/**
 * Demo officials in their own browsers on one real server (see server.ts): each signs in once
 * and keeps the session; TOTP codes follow the server's clock, which each code moves on by a
 * time step (a code is good once). Screenshots go to test-results/screenshots/<prefix>-*.png.
 */
export class Office {
  server!: Awaited<ReturnType<typeof startWebServer>>;
  browser!: Browser;
  readonly pageErrors: string[] = [];
  private readonly contexts: BrowserContext[] = [];
  private readonly pages = new Map<string, Page>();
  private readonly apis = new Map<string, OfficialApi>();
  private readonly secrets = new Map<string, string>();
  /** How far the server's clock has been moved on. */
  private offset = 0;

  constructor(private readonly prefix: string) {}

  get url(): string {
    return this.server.url;
  }

  start = async () => {
    this.server = await startWebServer();
    this.browser = await launchChromium();
  };

  stop = async () => {
    for (const c of this.contexts) await c.close();
    await this.browser?.close();
    await this.server?.close();
  };

  /** A browser context closed with the others at the end. */
  newContext = async (options: BrowserContextOptions = {}): Promise<BrowserContext> => {
    const context = await this.browser.newContext({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 1440, height: 900 },
      ...options,
    });
    this.contexts.push(context);
    return context;
  };

  shot = async (page: Page, name: string) => {
    mkdirSync(screenshotDir, { recursive: true });
    await page.waitForTimeout(400); // let antd's animations settle
    await page.screenshot({
      path: path.join(screenshotDir, `${this.prefix}-${name}.png`),
      fullPage: true,
    });
  };

  expectAccessible = async (page: Page, name: string) => {
    const violations = await seriousA11yViolations(page);
    expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  };

  /** A TOTP code of the next time step (the server's clock moves on with it). */
  nextOtp = (username: string): string => {
    const secret = this.secrets.get(username);
    if (!secret) throw new Error(`no TOTP for ${username}`);
    this.server.advanceClock(31_000);
    this.offset += 31_000;
    return new TOTP({ secret: Secret.fromBase32(secret) }).generate({
      timestamp: Date.now() + this.offset,
    });
  };

  /** Confirms the TOTP enrolment shown on the page (the secret read from the screen). */
  enrolFrom = async (page: Page, username: string) => {
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(
      /\s+/g,
      '',
    );
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    this.secrets.set(username, secret);
    const code = new TOTP({ secret: Secret.fromBase32(secret) }).generate({
      timestamp: Date.now() + this.offset,
    });
    await page.getByTestId('totp-code').fill(code);
    await page.getByTestId('totp-confirm').click();
  };

  /** Turns TOTP on for a signed-in official through the API (leaders need it to sign). */
  enrolByApi = async (username: string) => {
    const api = await this.api(username);
    const { secret } = await api.post<{ secret: string }>('/api/me/totp');
    this.secrets.set(username, secret);
    await api.post('/api/me/totp/confirm', { code: this.nextOtp(username) }, { status: 204 });
  };

  /** Each official keeps their own browser session for the whole file. */
  as = async (username: string): Promise<Page> => {
    const known = this.pages.get(username);
    if (known) return known;
    const context = await this.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    page.on('pageerror', (err) => this.pageErrors.push(`${username}: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !/status of (4\d\d)/.test(msg.text())) {
        this.pageErrors.push(`${username}: ${msg.text()}`);
      }
    });
    await page.goto(`${this.url}/login`);
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(TEST_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page
      .getByTestId('user-menu')
      .or(page.getByTestId('totp-enrol'))
      .first()
      .waitFor({ timeout: WAIT });
    // an administrator enrols a second factor before anything else
    if (await page.getByTestId('totp-enrol').isVisible()) {
      await this.enrolFrom(page, username);
      await page.getByTestId('user-menu').waitFor({ timeout: WAIT });
    }
    this.pages.set(username, page);
    return page;
  };

  /** The API as this official (signed in in the browser if not yet). */
  api = async (username: string): Promise<OfficialApi> => {
    const known = this.apis.get(username);
    if (known) return known;
    const api = new OfficialApi(await this.as(username), this.url);
    this.apis.set(username, api);
    return api;
  };

  /** Who `username` is, through their own session. */
  me = async (username: string) => (await this.api(username)).get<SessionUser>('/api/auth/session');

  /** What an element shows, spaces collapsed. */
  text = async (page: Page, testId: string) =>
    ((await page.getByTestId(testId).textContent()) ?? '').replace(/\s+/g, ' ');

  stateOf = (page: Page) =>
    page.getByTestId('doc-state').locator('[data-state]').getAttribute('data-state');

  /** Clicks an action, fills its dialog, confirms, waits for the document's new state. */
  act = async (
    page: Page,
    action: string,
    state: string,
    fill?: (dialog: Locator) => Promise<void>,
    screenshotName?: string,
  ) => {
    await page.getByTestId(`action-${action}`).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    if (fill) await fill(dialog);
    if (screenshotName) await this.shot(page, screenshotName);
    await page.getByTestId(`act-${action}-ok`).click();
    await expect.poll(() => this.stateOf(page), { timeout: WAIT }).toBe(state);
    await dialog.waitFor({ state: 'hidden' });
  };

  pickOption = async (page: Page, select: Locator, text: string) => {
    await select.click();
    await page.keyboard.type(text);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text })
      .first()
      .click();
  };

  openQueue = async (page: Page, queue: string, expected: string) => {
    await page.goto(`${this.url}/documents?queue=${queue}`);
    const list = page.locator(`[data-testid="doc-list"][data-queue="${queue}"]`);
    await expect.poll(() => list.textContent(), { timeout: WAIT }).toContain(expected);
    return list;
  };
}
