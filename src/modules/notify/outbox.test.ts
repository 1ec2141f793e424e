import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { type SmtpCatcher, startSmtpCatcher } from '../../../test/helpers/smtp.js';
import { backoffMs, LEASE_MS, MAX_ATTEMPTS } from './outbox-policy.js';
import type { NotifyInput } from './schema.js';
import { createNotifyService, type NotifyService } from './service/index.js';

let t: TestApp;
let catcher: SmtpCatcher;
let citizenId: string;

const MAIL_FROM = 'Một cửa Trà Vinh <no-reply@travinh.gov.vn>';

beforeAll(async () => {
  catcher = await startSmtpCatcher({ rejectRecipients: /^unknown@/ });
  t = await createTestApp({
    env: {
      SMTP_URL: catcher.url,
      JOBS: 'false',
      MAIL_FROM,
      PUBLIC_URL: 'https://dichvucong.travinh.gov.vn',
    },
  });
  citizenId = (
    await t.db
      .selectFrom('identity.users')
      .select('id')
      .where('username', '=', 'congdan')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  await t?.close();
  await catcher?.stop();
});
beforeEach(async () => {
  await t.db.deleteFrom('notify.outbox').execute();
  catcher.messages.length = 0;
});

const send = (input: NotifyInput, notify: NotifyService = t.services.notify) =>
  t.db.transaction().execute((trx) => notify.notify(trx, input));

const outbox = () => t.db.selectFrom('notify.outbox').selectAll().orderBy('createdAt').execute();

/** The same module on the same database, pointed at another SMTP server. */
const serviceFor = (smtpUrl: string | undefined) =>
  createNotifyService({ db: t.db, clock: t.clock, config: { ...t.config, smtpUrl } });

const subject = 'Hồ sơ H60.29263-251128-0001 đã được tiếp nhận — UBND xã Long Đức';
const body =
  'Kính gửi ông Nguyễn Văn Bảy,\nHồ sơ «Đăng ký khai sinh» của ông đã được tiếp nhận; ngày hẹn trả: 02/12/2026.';

describe('outbox worker', () => {
  it('sends Vietnamese subject and text intact, with a stable Message-ID, and marks it sent', async () => {
    await send({
      userId: citizenId,
      email: 'bay.nguyen@example.vn',
      title: subject,
      body,
      link: '/dossiers/H60.29263-251128-0001',
    });
    expect(await t.services.notify.runOutboxOnce()).toEqual({ sent: 1, failed: 0, retried: 0 });
    const [row] = await outbox();
    expect(row).toMatchObject({
      status: 'sent',
      attempts: 1,
      sentAt: t.clock.now(),
      lastError: null,
    });
    const [mail] = await catcher.waitFor(1);
    expect(mail!.envelope).toEqual({
      from: 'no-reply@travinh.gov.vn',
      to: ['bay.nguyen@example.vn'],
    });
    expect(mail!.subject).toBe(subject);
    expect(mail!.headers.from).toContain('Một cửa Trà Vinh');
    expect(mail!.messageId).toBe(`<${row!.id}@travinh.gov.vn>`);
    expect(mail!.headers['auto-submitted']).toBe('auto-generated');
    expect(mail!.text).toContain(body);
    expect(mail!.text).toContain(
      'https://dichvucong.travinh.gov.vn/dossiers/H60.29263-251128-0001',
    );
    // Nothing left to do: a second run sends nothing.
    expect(await t.services.notify.runOutboxOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(catcher.messages).toHaveLength(1);
  });

  it('sends an e-mail once for a dedupe key notified twice', async () => {
    const input = {
      userId: null,
      email: 'a@example.vn',
      title: 'Một lần',
      body: 'x',
      dedupeKey: 'once',
    };
    await send(input);
    await send(input);
    expect(await t.services.notify.runOutboxOnce()).toMatchObject({ sent: 1 });
    expect(catcher.messages).toHaveLength(1);
  });

  it('keeps e-mail pending without SMTP_URL, and says so in its health', async () => {
    const unconfigured = serviceFor(undefined);
    await send({ userId: null, email: 'a@example.vn', title: 'Chờ gửi', body: 'x' }, unconfigured);
    expect(await unconfigured.runOutboxOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(await unconfigured.outboxHealth()).toEqual({
      smtpConfigured: false,
      pending: 1,
      failed: 0,
      sent: 0,
      oldestPendingAt: t.clock.now(),
    });
    expect((await outbox())[0]).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('retries a refused connection with backoff, then gives up after the last attempt', async () => {
    const down = await startSmtpCatcher();
    await down.stop(); // nothing listens there any more: connection refused
    const refused = serviceFor(down.url);
    await send({ userId: null, email: 'bay.nguyen@example.vn', title: subject, body }, refused);
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      expect(await refused.runOutboxOnce()).toEqual({ sent: 0, failed: 0, retried: 1 });
      const [row] = await outbox();
      expect(row).toMatchObject({ status: 'pending', attempts: attempt });
      expect(row!.lastError).toMatch(/^E[A-Z]+( E[A-Z]+)?$/);
      expect(row!.nextAttemptAt.getTime() - t.clock.now().getTime()).toBe(backoffMs(attempt));
      // Not due before the backoff has passed.
      t.clock.advance(backoffMs(attempt) - 1000);
      expect(await refused.runOutboxOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });
      t.clock.advance(1000);
    }
    expect(await refused.runOutboxOnce()).toEqual({ sent: 0, failed: 1, retried: 0 });
    const [row] = await outbox();
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, sentAt: null });
    t.clock.advance(24 * 3600_000);
    expect(await refused.runOutboxOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });
    const health = await refused.outboxHealth();
    expect(health).toMatchObject({ smtpConfigured: true, failed: 1, pending: 0 });
  });

  it('gives up at once when the server refuses the recipient for good', async () => {
    await send({ userId: null, email: 'unknown@example.vn', title: 'Không tới', body: 'x' });
    expect(await t.services.notify.runOutboxOnce()).toEqual({ sent: 0, failed: 1, retried: 0 });
    const [row] = await outbox();
    expect(row).toMatchObject({ status: 'failed', attempts: 1, lastError: 'EENVELOPE 550' });
  });

  it('is at-least-once: a send not recorded goes again after the lease, with the same Message-ID', async () => {
    await send({ userId: null, email: 'a@example.vn', title: 'Lặp lại', body: 'x' });
    expect(await t.services.notify.runOutboxOnce()).toMatchObject({ sent: 1 });
    // The process died after the send, before recording it: the row is as the claim left it.
    const [row] = await outbox();
    await t.db
      .updateTable('notify.outbox')
      .set({
        status: 'pending',
        sentAt: null,
        nextAttemptAt: new Date(t.clock.now().getTime() + LEASE_MS),
      })
      .where('id', '=', row!.id)
      .execute();
    expect(await t.services.notify.runOutboxOnce()).toMatchObject({ sent: 0 });
    t.clock.advance(LEASE_MS);
    expect(await t.services.notify.runOutboxOnce()).toMatchObject({ sent: 1 });
    const mails = await catcher.waitFor(2);
    expect(mails.map((m) => m.messageId)).toEqual([mails[0]!.messageId, mails[0]!.messageId]);
    expect((await outbox())[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('stop() waits for the e-mail in flight', async () => {
    const slow = await startSmtpCatcher({ delayMs: 300 });
    try {
      const notify = serviceFor(slow.url);
      await send({ userId: null, email: 'a@example.vn', title: 'Chậm', body: 'x' }, notify);
      const worker = notify.startOutboxWorker({ intervalMs: 60_000 });
      await slow.waitFor(1); // the server has the data and has not answered yet
      await worker.stop();
      expect((await outbox())[0]).toMatchObject({ status: 'sent' });
    } finally {
      await slow.stop();
    }
  });
});
