import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../platform/http/access.js';
import { ListNotificationsQuery, NotificationList, NotificationParams } from './schema.js';
import type { NotifyService } from './service/index.js';

export type NotifyRoutesDeps = { notify: NotifyService };

const signedIn = { access: 'authenticated' } as const;

/** Routes with access 'authenticated' always have an actor; this states it once. */
const reader = (request: FastifyRequest): Actor => request.actor as Actor;

/** The signed-in user's own notifications: nobody reads or marks another's. */
export const notifyRoutes: FastifyPluginAsyncZod<NotifyRoutesDeps> = async (app, { notify }) => {
  app.get(
    '/api/me/notifications',
    {
      config: signedIn,
      schema: {
        tags: ['me'],
        summary: 'My notifications, newest first / Thông báo của tôi',
        querystring: ListNotificationsQuery,
        response: { 200: NotificationList },
      },
    },
    async (request) => notify.listMine(reader(request), request.query),
  );

  app.post(
    '/api/me/notifications/:id/read',
    {
      config: signedIn,
      schema: {
        tags: ['me'],
        summary: 'Mark a notification read / Đánh dấu đã đọc',
        params: NotificationParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await notify.markRead(reader(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/me/notifications/read-all',
    {
      config: signedIn,
      schema: {
        tags: ['me'],
        summary: 'Mark all my notifications read / Đánh dấu tất cả đã đọc',
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await notify.markAllRead(reader(request));
      return reply.status(204).send(null);
    },
  );
};
