import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { RoleCode } from '../roles.js';
import { type Exec, q, type RoleAssignmentRow } from './tables.js';

export const currentRolesOf = (exec: Exec, userIds: string[]): Promise<RoleAssignmentRow[]> =>
  userIds.length === 0
    ? Promise.resolve([])
    : q(exec)
        .selectFrom('identity.roleAssignments')
        .selectAll()
        .where('userId', 'in', userIds)
        .where('revokedAt', 'is', null)
        .orderBy('grantedAt')
        .execute();

export const findAssignment = (exec: Exec, id: string) =>
  q(exec)
    .selectFrom('identity.roleAssignments')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();

export async function insertAssignment(
  exec: Exec,
  row: {
    userId: string;
    role: RoleCode;
    agencyId: string;
    grantedBy: string | null;
    grantedAt: Date;
  },
): Promise<RoleAssignmentRow> {
  return q(exec)
    .insertInto('identity.roleAssignments')
    .values(row)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function revokeAssignment(
  exec: Exec,
  id: string,
  by: string | null,
  at: Date,
): Promise<void> {
  await q(exec)
    .updateTable('identity.roleAssignments')
    .set({ revokedAt: at, revokedBy: by })
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .execute();
}

/**
 * The current roles of the user whose id is in column `userIdRef` of the outer query, as a
 * JSON array: lets a query return users (or a session's user) with their roles in one trip.
 */
export function currentRolesJson(exec: Exec, userIdRef: 'u.id') {
  return jsonArrayFrom(
    q(exec)
      .selectFrom('identity.roleAssignments as r')
      .selectAll('r')
      .where('r.userId', '=', sql.ref<string>(userIdRef))
      .where('r.revokedAt', 'is', null)
      .orderBy('r.grantedAt'),
  );
}

/** JSON gives timestamps as text: back to the rows the other queries return. */
export const reviveRoles = (rows: { grantedAt: Date | string }[]): RoleAssignmentRow[] =>
  rows.map((r) => ({
    ...(r as RoleAssignmentRow),
    grantedAt: new Date(r.grantedAt),
    revokedAt: null,
  }));

/** Active officials holding one of `roles` on one of `agencyIds` (roles apply to subtrees). */
export async function officialsWithRoles(
  exec: Exec,
  roles: RoleCode[],
  agencyIds: string[],
): Promise<{ id: string; fullName: string; position: string | null; agencyId: string | null }[]> {
  if (roles.length === 0 || agencyIds.length === 0) return [];
  return q(exec)
    .selectFrom('identity.users as u')
    .innerJoin('identity.roleAssignments as r', 'r.userId', 'u.id')
    .select(['u.id', 'u.fullName', 'u.position', 'u.agencyId'])
    .distinct()
    .where('r.revokedAt', 'is', null)
    .where('r.role', 'in', roles)
    .where('r.agencyId', 'in', agencyIds)
    .where('u.isActive', '=', true)
    .where('u.kind', '=', 'official')
    .orderBy('u.fullName')
    .orderBy('u.id')
    .execute();
}
