/**
 * Notify: in-app notifications and e-mail. Another module calls
 * `notify.notify(trx, { userId, email, title, body, link?, dedupeKey? })` inside the
 * transaction of the change it reports (and audits); the in-app message is visible on
 * commit, the e-mail waits in the outbox until the outbox worker sends it (SMTP_URL, JOBS).
 */
export { notifyRoutes, type NotifyRoutesDeps } from './routes.js';
export {
  createNotifyService,
  type NotifyLogger,
  type NotifyService,
  type NotifyServiceDeps,
  type OutboxRunResult,
  type OutboxWorker,
} from './service/index.js';
export {
  AppLink,
  ListNotificationsQuery,
  Notification,
  NotificationList,
  NotifyInput,
  OutboxHealth,
} from './schema.js';
export { MAX_ATTEMPTS, backoffMs } from './outbox-policy.js';
