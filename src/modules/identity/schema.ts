import { z } from 'zod';
import { roleCodes } from './roles.js';

export const RoleCode = z.enum(roleCodes);

export const RoleAssignment = z.object({
  id: z.uuid(),
  role: RoleCode,
  agencyId: z.uuid(),
  grantedAt: z.date(),
});

export const User = z.object({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  kind: z.enum(['official', 'citizen']),
  agencyId: z.uuid().nullable(),
  position: z.string().nullable(),
  isActive: z.boolean(),
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean(),
  lastLoginAt: z.date().nullable(),
  createdAt: z.date(),
  roles: z.array(RoleAssignment),
});
export type User = z.infer<typeof User>;

export const Me = User.extend({
  permissions: z.array(z.string()),
  mfaEnrollmentRequired: z.boolean(),
  csrfToken: z.string(),
});

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, 'username: 3–64 of a-z 0-9 . _ -');
const Password = z.string().min(1).max(200);
const Name = z.string().trim().min(2).max(200);

export const LoginInput = z.strictObject({
  username: z.string().min(1).max(100),
  password: Password,
  totpCode: z.string().max(10).optional(),
});

export const SessionInfo = z.object({ user: Me, expiresAt: z.date() });
export const SessionState = z.object({ authenticated: z.boolean(), user: Me.nullable() });

export const RegisterInput = z.strictObject({
  username: Username,
  fullName: Name,
  email: z.email().max(200).optional(),
  phone: z
    .string()
    .regex(/^\+?[0-9 .-]{8,20}$/)
    .optional(),
  password: Password,
});
export const Registered = z.object({ id: z.uuid(), username: z.string() });

export const ChangePasswordInput = z.strictObject({
  currentPassword: Password,
  newPassword: Password,
});
export const TotpSetup = z.object({ secret: z.string(), otpauthUrl: z.string() });
export const TotpConfirmInput = z.strictObject({ code: z.string().regex(/^\d{6}$/) });
export const TotpDisableInput = z.strictObject({ password: Password });

export const ListUsersQuery = z.object({
  agencyId: z.uuid().optional(),
  subtree: z.stringbool().default(true),
  q: z.string().trim().max(100).optional(),
  kind: z.enum(['official', 'citizen']).optional(),
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const UserPage = z.object({ items: z.array(User), nextCursor: z.string().nullable() });

export const CreateUserInput = z.strictObject({
  username: Username,
  fullName: Name,
  email: z.email().max(200).optional(),
  phone: z
    .string()
    .regex(/^\+?[0-9 .-]{8,20}$/)
    .optional(),
  position: z.string().trim().max(200).optional(),
  agencyId: z.uuid(),
  password: Password,
});
export const UpdateUserInput = z.strictObject({
  fullName: Name.optional(),
  email: z.email().max(200).nullable().optional(),
  phone: z
    .string()
    .regex(/^\+?[0-9 .-]{8,20}$/)
    .nullable()
    .optional(),
  position: z.string().trim().max(200).nullable().optional(),
  isActive: z.boolean().optional(),
});
export const ResetPasswordInput = z.strictObject({ newPassword: Password });
export const AssignRoleInput = z.strictObject({ role: RoleCode, agencyId: z.uuid() });

export const UserIdParams = z.object({ id: z.uuid() });
export const AssignmentParams = z.object({ id: z.uuid(), assignmentId: z.uuid() });

export const RoleInfo = z.object({
  code: RoleCode,
  name: z.object({ vi: z.string(), en: z.string() }),
  permissions: z.array(z.string()),
  requiresMfa: z.boolean(),
});
