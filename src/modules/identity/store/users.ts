import { sql } from 'kysely';
import type { Insertable, Updateable } from 'kysely';
import { currentRolesJson, reviveRoles } from './roles.js';
import {
  type Exec,
  type IdentityTables,
  q,
  type RoleAssignmentRow,
  type UserRow,
} from './tables.js';

export const findUserByUsername = (exec: Exec, username: string) =>
  q(exec)
    .selectFrom('identity.users')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst();

export const findUserById = (exec: Exec, id: string) =>
  q(exec).selectFrom('identity.users').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertUser(
  exec: Exec,
  row: Insertable<IdentityTables['identity.users']>,
): Promise<UserRow> {
  return q(exec).insertInto('identity.users').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateUser(
  exec: Exec,
  id: string,
  patch: Updateable<IdentityTables['identity.users']>,
): Promise<UserRow> {
  return q(exec)
    .updateTable('identity.users')
    .set({ ...patch, updatedAt: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type UserListFilter = {
  agencyIds: string[] | null;
  kind?: 'official' | 'citizen' | undefined;
  q?: string | undefined;
  afterUsername?: string | undefined;
  limit: number;
};

/**
 * Keyset-paginated by username, each user with its current roles (one query);
 * `agencyIds` null means no agency restriction.
 */
export async function listUsers(
  exec: Exec,
  f: UserListFilter,
): Promise<(UserRow & { roles: RoleAssignmentRow[] })[]> {
  let query = q(exec)
    .selectFrom('identity.users as u')
    .selectAll('u')
    .select(currentRolesJson(exec, 'u.id').as('roles'));
  if (f.agencyIds) {
    if (f.agencyIds.length === 0) return [];
    query = query.where('agencyId', 'in', f.agencyIds);
  }
  if (f.kind) query = query.where('kind', '=', f.kind);
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(
      sql<boolean>`public.f_fold(full_name || ' ' || username) LIKE public.f_fold(${pattern})`,
    );
  }
  if (f.afterUsername) query = query.where('username', '>', f.afterUsername);
  const rows = await query.orderBy('username').limit(f.limit).execute();
  return rows.map((u) => ({ ...u, roles: reviveRoles(u.roles) }));
}

/**
 * Marks a TOTP time step as used, only if it is newer than the last one: of two sign-ins
 * racing with the same code, one wins.
 */
export async function claimTotpStep(exec: Exec, id: string, step: number): Promise<boolean> {
  const result = await q(exec)
    .updateTable('identity.users')
    .set({ totpLastStep: step })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totpLastStep', 'is', null), eb('totpLastStep', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
