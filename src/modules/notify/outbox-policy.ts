/**
 * The outbox's retry rules and what of an SMTP error may be kept. Pure.
 */

/** Payload versions this code can send; a row of a newer version waits for newer code. */
export const SUPPORTED_PAYLOAD_VERSIONS = [1] as const;
export const CURRENT_PAYLOAD_VERSION = 1;

/** Attempts before a message is given up ('failed'). */
export const MAX_ATTEMPTS = 8;

const MINUTE_MS = 60_000;
const MAX_BACKOFF_MS = 60 * MINUTE_MS;

/**
 * How long a claimed row stays invisible to other claims. It must outlast one send with the
 * transport's timeouts (connection 30 s + greeting 30 s + idle 60 s); after it, a row whose
 * worker died is claimed again (at-least-once).
 */
export const LEASE_MS = 5 * MINUTE_MS;

/** The wait after failed attempt number `attempts` (1-based): 1, 2, 4 … minutes, at most 1 h. */
export function backoffMs(attempts: number): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 30));
  return Math.min(MINUTE_MS * 2 ** exponent, MAX_BACKOFF_MS);
}

type SmtpErrorLike = {
  code?: unknown;
  originalCode?: unknown;
  responseCode?: unknown;
  permanent?: unknown;
};

const asSmtpError = (err: unknown): SmtpErrorLike =>
  typeof err === 'object' && err !== null ? (err as SmtpErrorLike) : {};

const errorCode = (v: unknown): string | null =>
  typeof v === 'string' && /^E[A-Z0-9_]{1,30}$/.test(v) ? v : null;

/**
 * What is kept of a failed send: Nodemailer's error code, the socket's own code and the SMTP
 * reply code, e.g. 'ESOCKET ECONNREFUSED' or 'EENVELOPE 550'. Never the message or the
 * server's reply text: both can quote the recipient's address.
 */
export function errorCategory(err: unknown): string {
  const e = asSmtpError(err);
  const parts = [errorCode(e.code) ?? 'EUNKNOWN'];
  const original = errorCode(e.originalCode);
  if (original && original !== parts[0]) parts.push(original);
  if (typeof e.responseCode === 'number' && Number.isInteger(e.responseCode)) {
    parts.push(String(e.responseCode));
  }
  return parts.join(' ');
}

/**
 * True when sending this message again cannot succeed: the server refused the recipient or
 * the message itself for good (a 5xx reply other than 503). A refused login (EAUTH 535) is a
 * setting to fix, not a property of the message: it is retried.
 */
export function isPermanentFailure(err: unknown): boolean {
  const e = asSmtpError(err);
  return e.permanent === true && (e.code === 'EENVELOPE' || e.code === 'EMESSAGE');
}

/**
 * A stable Message-ID for an outbox row: if a send is repeated (the worker died between the
 * send and recording it), the copies carry the same id and a mail system can recognise them.
 */
export function messageIdFor(outboxId: string, mailFrom: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(mailFrom)?.[1] ?? 'openprovince.invalid';
  return `<${outboxId}@${domain}>`;
}
