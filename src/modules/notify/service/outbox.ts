import { createTransport, type Transporter } from 'nodemailer';
import {
  backoffMs,
  errorCategory,
  isPermanentFailure,
  LEASE_MS,
  MAX_ATTEMPTS,
  messageIdFor,
  SUPPORTED_PAYLOAD_VERSIONS,
} from '../outbox-policy.js';
import type { OutboxHealth } from '../schema.js';
import * as store from '../store.js';
import type { NotifyDeps, NotifyLogger } from './deps.js';

export type OutboxRunResult = { sent: number; failed: number; retried: number };
export type OutboxWorker = { stop(): Promise<void> };

/** Most e-mails one run sends, so a long queue does not hold `stop()` for long. */
const RUN_LIMIT = 50;

/** What may be logged of an unexpected error: its class and code, never its message. */
function describeError(err: unknown): { error: string; code?: string } {
  const name = err instanceof Error ? err.name : typeof err;
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? { error: name, code } : { error: name };
}

/**
 * The e-mail outbox worker. Each e-mail is claimed in a statement of its own, sent with no
 * transaction open, then recorded. Delivery is at-least-once: if the process dies between
 * the send and the record, the lease runs out and the e-mail goes again — with the same
 * Message-ID (derived from the outbox id), so the copy can be recognised.
 */
export function createOutbox({ db, clock, config, log }: NotifyDeps) {
  let transport: Transporter | null = null;

  function transportFor(url: string): Transporter {
    transport ??= createTransport({
      url,
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
    });
    return transport;
  }

  async function sendOne(
    url: string,
    row: store.ClaimedEmail,
    logger: NotifyLogger,
  ): Promise<keyof OutboxRunResult> {
    try {
      await transportFor(url).sendMail({
        from: config.mailFrom,
        to: row.toAddress,
        subject: row.subject,
        text: row.textBody,
        messageId: messageIdFor(row.id, config.mailFrom),
        // RFC 3834: no auto-replies (out-of-office) to a notification.
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    } catch (err) {
      const now = clock.now();
      const lastError = errorCategory(err);
      const giveUp = isPermanentFailure(err) || row.attempts >= MAX_ATTEMPTS;
      await store.markEmailFailed(db, row.id, {
        status: giveUp ? 'failed' : 'pending',
        nextAttemptAt: giveUp ? now : new Date(now.getTime() + backoffMs(row.attempts)),
        lastError,
      });
      const entry = {
        outboxId: row.id,
        status: giveUp ? 'failed' : 'pending',
        attempts: row.attempts,
        error: lastError,
      };
      if (giveUp) logger.error(entry, 'notify.email_failed');
      else logger.warn(entry, 'notify.email_retry');
      return giveUp ? 'failed' : 'retried';
    }
    await store.markEmailSent(db, row.id, clock.now());
    logger.info({ outboxId: row.id, status: 'sent', attempts: row.attempts }, 'notify.email_sent');
    return 'sent';
  }

  async function drain(logger: NotifyLogger, keepGoing: () => boolean): Promise<OutboxRunResult> {
    const result: OutboxRunResult = { sent: 0, failed: 0, retried: 0 };
    const url = config.smtpUrl;
    if (!url) return result; // e-mail waits, pending, until SMTP_URL is set
    for (let n = 0; n < RUN_LIMIT && keepGoing(); n++) {
      const now = clock.now();
      const row = await store.claimDueEmail(
        db,
        now,
        new Date(now.getTime() + LEASE_MS),
        SUPPORTED_PAYLOAD_VERSIONS,
      );
      if (!row) break;
      result[await sendOne(url, row, logger)]++;
    }
    return result;
  }

  return {
    /** Sends the e-mails now due (up to 50); does nothing without SMTP_URL. */
    runOutboxOnce(): Promise<OutboxRunResult> {
      return drain(log, () => true);
    },

    /**
     * Runs the outbox now and then every `intervalMs` after the previous run ends (runs never
     * overlap). `stop()` cancels the next run and waits for the one in progress, which stops
     * after its current e-mail; call it before closing the database.
     */
    startOutboxWorker(opts: { intervalMs: number; logger?: NotifyLogger }): OutboxWorker {
      const logger = opts.logger ?? log;
      let stopped = false;
      let timer: NodeJS.Timeout | undefined;
      let running: Promise<void> | undefined;
      const schedule = (ms: number) => {
        timer = setTimeout(tick, ms);
        timer.unref();
      };
      function tick(): void {
        timer = undefined;
        running = drain(logger, () => !stopped)
          .then(
            (r) => {
              if (r.sent + r.failed + r.retried > 0) logger.info(r, 'notify.outbox_run');
            },
            (err: unknown) => logger.error(describeError(err), 'notify.outbox_run_failed'),
          )
          .finally(() => {
            running = undefined;
            if (!stopped) schedule(opts.intervalMs);
          });
      }
      schedule(0);
      return {
        async stop() {
          stopped = true;
          if (timer) clearTimeout(timer);
          await running;
          transport?.close();
          transport = null;
        },
      };
    },

    /** The outbox at a glance: an unset SMTP_URL shows as e-mail piling up, pending. */
    async outboxHealth(): Promise<OutboxHealth> {
      const { counts, oldestPendingAt } = await store.outboxCounts(db);
      return {
        smtpConfigured: Boolean(config.smtpUrl),
        pending: counts.pending ?? 0,
        failed: counts.failed ?? 0,
        sent: counts.sent ?? 0,
        oldestPendingAt,
      };
    },
  };
}
