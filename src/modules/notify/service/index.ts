import { silentLogger, type NotifyServiceDeps } from './deps.js';
import { createInbox } from './inbox.js';
import { createOutbox } from './outbox.js';

export type { NotifyLogger, NotifyServiceDeps } from './deps.js';
export type { OutboxRunResult, OutboxWorker } from './outbox.js';

export function createNotifyService({ logger, ...deps }: NotifyServiceDeps) {
  const full = { ...deps, log: logger ?? silentLogger };
  return { ...createInbox(full), ...createOutbox(full) };
}
export type NotifyService = ReturnType<typeof createNotifyService>;
