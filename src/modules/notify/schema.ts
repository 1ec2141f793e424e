import { z } from 'zod';

/** The most notifications one page returns. */
export const MAX_PAGE = 100;

/**
 * A path inside this application ('/dossiers/…'): never an absolute URL, a protocol-relative
 * '//host' or '/\host' (browsers read both as another site), nor whitespace.
 */
export const AppLink = z
  .string()
  .max(500)
  .regex(/^\/[^/\\\s]\S*$/, 'an application path such as /dossiers/…');
export type AppLink = z.infer<typeof AppLink>;

/** What a caller asks `notify(trx, …)` to deliver. */
export const NotifyInput = z.object({
  /** The user whose in-app inbox receives it; null for none (e.g. a citizen without account). */
  userId: z.uuid().nullable(),
  /** Where an e-mail goes; null for none. An address that is not one is skipped, not fatal. */
  email: z.string().max(254).nullable(),
  /** The inbox title and the e-mail subject: one line. */
  title: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .transform((s) => s.replace(/\s+/g, ' ')),
  body: z.string().max(4000),
  link: AppLink.optional(),
  /**
   * Names this notification to this recipient (e.g. `dossier.received:<dossierId>:<userId>`):
   * a second call with the same key writes nothing, so a retried transition never notifies twice.
   */
  dedupeKey: z.string().min(1).max(200).optional(),
});
export type NotifyInput = z.input<typeof NotifyInput>;

export const Notification = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationList = z.object({
  items: z.array(Notification),
  /** Unread notifications of the user, all pages. */
  unread: z.number().int(),
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type NotificationList = z.infer<typeof NotificationList>;

export const ListNotificationsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(20),
  before: z.string().min(1).max(200).optional(),
});
export type ListNotificationsQuery = z.infer<typeof ListNotificationsQuery>;

export const NotificationParams = z.object({ id: z.uuid() });
export type NotificationParams = z.infer<typeof NotificationParams>;

/** The e-mail outbox at a glance, for the administrator's health page. */
export const OutboxHealth = z.object({
  smtpConfigured: z.boolean(),
  pending: z.number().int(),
  failed: z.number().int(),
  sent: z.number().int(),
  oldestPendingAt: z.date().nullable(),
});
export type OutboxHealth = z.infer<typeof OutboxHealth>;
