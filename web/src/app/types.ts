/** The identity payloads as they arrive over the wire (dates are ISO strings). */

export type RoleCode =
  'dept_admin' | 'agency_admin' | 'one_stop_officer' | 'specialist' | 'leader' | 'clerk';

export const roleCodes: readonly RoleCode[] = [
  'dept_admin',
  'agency_admin',
  'one_stop_officer',
  'specialist',
  'leader',
  'clerk',
];

export type RoleAssignment = { id: string; role: RoleCode; agencyId: string; grantedAt: string };

export type User = {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  kind: 'official' | 'citizen';
  agencyId: string | null;
  position: string | null;
  isActive: boolean;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  roles: RoleAssignment[];
};

export type Me = User & {
  permissions: string[];
  mfaEnrollmentRequired: boolean;
  csrfToken: string;
};

export type Permission =
  | 'agency.read'
  | 'agency.manage'
  | 'identity.user.read'
  | 'identity.user.manage'
  | 'identity.role.assign'
  | 'audit.read'
  | 'audit.verify'
  | 'calendar.read'
  | 'calendar.manage'
  | 'catalog.manage'
  | 'dossier.read'
  | 'dossier.receive'
  | 'dossier.process'
  | 'dossier.approve'
  | 'dossier.stats'
  | 'pki.read'
  | 'pki.request'
  | 'pki.manage'
  | 'pki.stats'
  | 'document.read'
  | 'document.draft'
  | 'document.approve'
  | 'document.sign'
  | 'document.issue'
  | 'document.register'
  | 'document.direct'
  | 'document.handle'
  | 'document.records'
  | 'document.stats';
