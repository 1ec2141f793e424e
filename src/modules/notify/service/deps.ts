import type { Config } from '../../../config.js';
import type { Clock } from '../../../platform/clock.js';
import type { AnyDb } from '../../../platform/db/connect.js';

/**
 * Where the module logs: pino's shape (`app.log` fits). Entries carry an outbox id, a status
 * and an error code — never an address, a subject or a body (personal data).
 */
export type NotifyLogger = {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
};

export type NotifyServiceDeps = {
  db: AnyDb;
  clock: Clock;
  /** Without `smtpUrl` e-mail is queued but never sent: it waits, 'pending', in the outbox. */
  config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'publicUrl'>;
  logger?: NotifyLogger;
};

export type NotifyDeps = Omit<NotifyServiceDeps, 'logger'> & { log: NotifyLogger };

export const silentLogger: NotifyLogger = { info() {}, warn() {}, error() {} };
