/**
 * Roles and what they permit. A role is granted on an agency and applies to its subtree;
 * permissions marked `province` apply to the whole province whatever the agency
 * (the agency directory and the calendar are public facts every official needs).
 */
export const roleCodes = [
  'dept_admin',
  'agency_admin',
  'one_stop_officer',
  'specialist',
  'leader',
  'clerk',
] as const;
export type RoleCode = (typeof roleCodes)[number];

export const provinceWidePermissions = new Set(['agency.read', 'calendar.read']);

const officialBase = ['agency.read', 'calendar.read'] as const;

export const rolePermissions: Readonly<Record<RoleCode, readonly string[]>> = {
  dept_admin: [
    ...officialBase,
    'agency.manage',
    'identity.user.read',
    'identity.user.manage',
    'identity.role.assign',
    'identity.role.assign_admin',
    'audit.read',
    'audit.verify',
    'calendar.manage',
    'catalog.manage',
    'dossier.stats',
    'pki.read',
    'pki.manage',
    'pki.stats',
    'document.stats',
  ],
  agency_admin: [
    ...officialBase,
    'identity.user.read',
    'identity.user.manage',
    'identity.role.assign',
    'audit.read',
    'dossier.stats',
    'pki.read',
    'pki.request',
    'document.stats',
  ],
  one_stop_officer: [...officialBase, 'dossier.read', 'dossier.receive'],
  specialist: [
    ...officialBase,
    'dossier.read',
    'dossier.process',
    'document.read',
    'document.draft',
    'document.handle',
  ],
  leader: [
    ...officialBase,
    'identity.user.read',
    'dossier.read',
    'dossier.process',
    'dossier.approve',
    'dossier.stats',
    'document.read',
    'document.draft',
    'document.approve',
    'document.sign',
    'document.direct',
    'document.handle',
    'document.stats',
  ],
  clerk: [
    ...officialBase,
    'document.read',
    'document.issue',
    'document.register',
    'document.records',
  ],
};

/** Roles whose holders must use a second factor (TOTP). */
export const mfaRequiredRoles = new Set<RoleCode>(['dept_admin', 'agency_admin']);

/** Roles only a holder of `identity.role.assign_admin` may grant. */
export const adminOnlyRoles = new Set<RoleCode>(['dept_admin']);

export const roleNames: Readonly<Record<RoleCode, { vi: string; en: string }>> = {
  dept_admin: { vi: 'Quản trị Sở TT&TT (toàn tỉnh)', en: 'Department administrator (province)' },
  agency_admin: { vi: 'Quản trị đơn vị', en: 'Agency administrator' },
  one_stop_officer: { vi: 'Cán bộ một cửa', en: 'One-stop officer' },
  specialist: { vi: 'Chuyên viên', en: 'Specialist' },
  leader: { vi: 'Lãnh đạo', en: 'Leader' },
  clerk: { vi: 'Văn thư', en: 'Clerk' },
};

/** Every permission the platform knows, for the role screen and tests. */
export const allPermissions = [...new Set(Object.values(rolePermissions).flat())].sort();
