import type { Me, RoleCode } from '../../app/types';

/** The roles that carry `dossier.stats` (src/modules/identity/roles.ts). */
const statsRoles: readonly RoleCode[] = ['dept_admin', 'agency_admin', 'leader'];

/** The agencies at the roots of the subtrees the reader may report on. */
export function statsScopeIds(me: Me): string[] {
  return [...new Set(me.roles.filter((r) => statsRoles.includes(r.role)).map((r) => r.agencyId))];
}
