import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../../platform/context.js';
import type { Actor } from '../../../platform/http/access.js';
import { mfaRequiredRoles, roleCodes, roleNames, rolePermissions } from '../roles.js';
import {
  AssignmentParams,
  AssignRoleInput,
  CreateUserInput,
  ListUsersQuery,
  ResetPasswordInput,
  RoleAssignment,
  RoleInfo,
  UpdateUserInput,
  User,
  UserIdParams,
  UserPage,
} from '../schema.js';
import type { IdentityRoutesOpts } from './options.js';

// Routes guarded by a permission always have an actor (checked in platform/http/access.ts).
const acting = (request: FastifyRequest) => ({
  ...contextOf(request),
  actor: request.actor as Actor,
});
const can = (permission: string) => ({ access: { permission } });

export const userRoutes: FastifyPluginAsyncZod<IdentityRoutesOpts> = async (app, { identity }) => {
  app.get(
    '/api/roles',
    {
      config: can('identity.user.read'),
      schema: {
        tags: ['users'],
        summary: 'Roles and their permissions',
        response: { 200: z.array(RoleInfo) },
      },
    },
    async () =>
      roleCodes.map((code) => ({
        code,
        name: roleNames[code],
        permissions: [...rolePermissions[code]],
        requiresMfa: mfaRequiredRoles.has(code),
      })),
  );
  app.get(
    '/api/users',
    {
      config: can('identity.user.read'),
      schema: {
        tags: ['users'],
        summary: 'Users of an agency (subtree) / Người dùng',
        querystring: ListUsersQuery,
        response: { 200: UserPage },
      },
    },
    async (request) => identity.listUsers(acting(request).actor, request.query),
  );
  app.post(
    '/api/users',
    {
      config: can('identity.user.manage'),
      schema: {
        tags: ['users'],
        summary: 'Create an official account / Tạo tài khoản cán bộ',
        body: CreateUserInput,
        response: { 201: User },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await identity.createUser(acting(request), request.body)),
  );
  app.get(
    '/api/users/:id',
    {
      config: can('identity.user.read'),
      schema: { tags: ['users'], params: UserIdParams, response: { 200: User } },
    },
    async (request) => identity.getUser(acting(request).actor, request.params.id),
  );
  app.patch(
    '/api/users/:id',
    {
      config: can('identity.user.manage'),
      schema: {
        tags: ['users'],
        params: UserIdParams,
        body: UpdateUserInput,
        response: { 200: User },
      },
    },
    async (request) => identity.updateUser(acting(request), request.params.id, request.body),
  );
  app.post(
    '/api/users/:id/password',
    {
      config: can('identity.user.manage'),
      schema: {
        tags: ['users'],
        summary: 'Set a temporary password',
        params: UserIdParams,
        body: ResetPasswordInput,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await identity.resetPassword(acting(request), request.params.id, request.body.newPassword);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/users/:id/roles',
    {
      config: can('identity.role.assign'),
      schema: {
        tags: ['users'],
        summary: 'Grant a role on an agency / Phân quyền',
        params: UserIdParams,
        body: AssignRoleInput,
        response: { 201: RoleAssignment },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await identity.assignRole(acting(request), request.params.id, request.body)),
  );
  app.delete(
    '/api/users/:id/roles/:assignmentId',
    {
      config: can('identity.role.assign'),
      schema: {
        tags: ['users'],
        summary: 'Revoke a role',
        params: AssignmentParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await identity.revokeRole(acting(request), request.params.id, request.params.assignmentId);
      return reply.status(204).send(null);
    },
  );
};
