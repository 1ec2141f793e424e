/**
 * Identity: users (officials and citizens), sessions, TOTP, roles scoped to agency subtrees.
 * Other modules get the signed-in `Actor` from the request; they never read these tables.
 */
export { demoAccounts, type DemoAccount } from './demo-accounts.js';
export { allPermissions, roleCodes, rolePermissions, type RoleCode } from './roles.js';
export { identityRoutes } from './routes.js';
export { createIdentityService, type IdentityService } from './service/index.js';
export { SESSION_COOKIE } from './service/session.js';
