import type { Insertable } from 'kysely';
import { currentRolesJson, reviveRoles } from './roles.js';
import {
  type Exec,
  type IdentityTables,
  q,
  type RoleAssignmentRow,
  type SessionRow,
  type UserRow,
} from './tables.js';

export async function insertSession(
  exec: Exec,
  row: Insertable<IdentityTables['identity.sessions']>,
): Promise<SessionRow> {
  return q(exec)
    .insertInto('identity.sessions')
    .values(row)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * A live session, its user and the user's current roles, in one query: this runs on every
 * request, and roles are read afresh each time so that a revocation applies at once.
 */
export async function findLiveSession(
  exec: Exec,
  tokenHash: string,
  now: Date,
  idleSince: Date,
): Promise<{ session: SessionRow; user: UserRow; roles: RoleAssignmentRow[] } | undefined> {
  const row = await q(exec)
    .selectFrom('identity.sessions as s')
    .innerJoin('identity.users as u', 'u.id', 's.userId')
    .select([
      currentRolesJson(exec, 'u.id').as('roleRows'),
      's.id as sId',
      's.csrfToken as sCsrf',
      's.lastSeenAt as sLastSeen',
      's.createdAt as sCreated',
      's.expiresAt as sExpires',
    ])
    .selectAll('u')
    .where('s.tokenHash', '=', tokenHash)
    .where('s.revokedAt', 'is', null)
    .where('s.expiresAt', '>', now)
    .where('s.lastSeenAt', '>', idleSince)
    .where('u.isActive', '=', true)
    .executeTakeFirst();
  if (!row) return undefined;
  const { sId, sCsrf, sLastSeen, sCreated, sExpires, roleRows, ...user } = row;
  return {
    roles: reviveRoles(roleRows),
    session: {
      id: sId,
      tokenHash,
      userId: user.id,
      csrfToken: sCsrf,
      createdAt: sCreated,
      lastSeenAt: sLastSeen,
      expiresAt: sExpires,
      revokedAt: null,
      clientIp: null,
      userAgent: null,
    },
    user,
  };
}

export async function touchSession(exec: Exec, id: string, now: Date): Promise<void> {
  await q(exec)
    .updateTable('identity.sessions')
    .set({ lastSeenAt: now })
    .where('id', '=', id)
    .execute();
}

export async function revokeSession(exec: Exec, id: string, now: Date): Promise<void> {
  await q(exec)
    .updateTable('identity.sessions')
    .set({ revokedAt: now })
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .execute();
}

/** Ends every live session of a user, except `keep` (the one changing its own password). */
export async function revokeUserSessions(
  exec: Exec,
  userId: string,
  now: Date,
  keep?: string,
): Promise<void> {
  let query = q(exec)
    .updateTable('identity.sessions')
    .set({ revokedAt: now })
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null);
  if (keep) query = query.where('id', '!=', keep);
  await query.execute();
}
