import { api, type Query } from '../../app/api';
import type { RoleAssignment, RoleCode, User } from '../../app/types';

export type UserPage = { items: User[]; nextCursor: string | null };
export type RoleInfo = {
  code: RoleCode;
  name: { vi: string; en: string };
  permissions: string[];
  requiresMfa: boolean;
};

export const listUsers = (query: Query) => api.get<UserPage>('/api/users', query);
export const getUser = (id: string) => api.get<User>(`/api/users/${id}`);
export const createUser = (body: Record<string, unknown>) => api.post<User>('/api/users', body);
export const updateUser = (id: string, body: Record<string, unknown>) =>
  api.patch<User>(`/api/users/${id}`, body);
export const resetPassword = (id: string, newPassword: string) =>
  api.post<void>(`/api/users/${id}/password`, { newPassword });
export const assignRole = (id: string, role: RoleCode, agencyId: string) =>
  api.post<RoleAssignment>(`/api/users/${id}/roles`, { role, agencyId });
export const revokeRole = (id: string, assignmentId: string) =>
  api.delete(`/api/users/${id}/roles/${assignmentId}`);

let roles: Promise<RoleInfo[]> | undefined;
/** The role catalogue; asked once per page load. */
export function listRoles(): Promise<RoleInfo[]> {
  roles ??= api.get<RoleInfo[]>('/api/roles');
  roles.catch(() => (roles = undefined));
  return roles;
}
