import type { Config } from '../../../config.js';
import type { Clock } from '../../../platform/clock.js';
import type { AnyDb } from '../../../platform/db/connect.js';
import type { AgencyService } from '../../agencies/index.js';
import type { AuditService } from '../../audit/index.js';
import { roleCodes, rolePermissions } from '../roles.js';
import * as roleStore from '../store/roles.js';
import type { Exec } from '../store/tables.js';
import * as userStore from '../store/users.js';
import { createSecretBox, matchTotpStep } from '../totp.js';
import { DomainError } from '../../../platform/errors.js';
import { createAccountService } from './account.js';
import type { IdentityDeps } from './deps.js';
import { createProvisioning } from './provision.js';
import { createRoleService } from './roles.js';
import { createScope } from './scope.js';
import { createSessionService } from './session.js';
import { createThrottle } from './throttle.js';
import { createUserAdminService } from './users.js';

const ROOT_CACHE_MS = 60_000;

export function createIdentityService(input: {
  db: AnyDb;
  clock: Clock;
  audit: AuditService;
  agencies: AgencyService;
  config: IdentityDeps['config'] & Pick<Config, 'sessionSecret'>;
}) {
  let cachedRoot: { id: string | null; at: number } | undefined;
  const deps: IdentityDeps = {
    ...input,
    box: createSecretBox(input.config.sessionSecret),
    async provinceRootId() {
      const now = Date.now();
      if (!cachedRoot || now - cachedRoot.at > ROOT_CACHE_MS) {
        const root = (await input.agencies.hasAny(input.db))
          ? await input.agencies.getRoot(input.db)
          : null;
        cachedRoot = { id: root?.id ?? null, at: now };
      }
      return cachedRoot.id;
    },
  };
  const scope = createScope(deps);
  const limiter = createThrottle(deps);
  const provisioning = createProvisioning(deps);
  return {
    ...createSessionService(deps, limiter),
    ...createAccountService(deps, limiter),
    ...createUserAdminService(deps, scope),
    ...createRoleService(deps, scope),
    ...provisioning,
    /**
     * Officials who hold `permission` at `agencyId` through a role granted on it or on one of
     * its ancestors: whom a dossier step may be assigned to.
     */
    async listOfficialsWith(exec: Exec, agencyId: string, permission: string) {
      const agency = await input.agencies.getAgency(exec, agencyId);
      const roles = roleCodes.filter((r) => rolePermissions[r].includes(permission));
      return roleStore.officialsWithRoles(exec, roles, agency.ancestorIds);
    },
    /**
     * Confirms a sensitive act (signing with a platform-held key) with the user's TOTP code, in
     * the caller's transaction: the code's time step is claimed, so a code works once.
     * Throws `auth.second_factor_required` when the user has no TOTP, `auth.second_factor_invalid`
     * for a wrong or reused code (403: the session stays valid).
     */
    async verifySecondFactor(exec: Exec, userId: string, code: string): Promise<void> {
      const user = await userStore.findUserById(exec, userId);
      if (!user?.totpSecret) throw secondFactorErrors.required();
      const step = matchTotpStep(deps.box.open(user.totpSecret), code, input.clock.now());
      if (step === null || !(await userStore.claimTotpStep(exec, user.id, step))) {
        throw secondFactorErrors.invalid();
      }
    },
    register: (
      ctx: Parameters<typeof provisioning.registerCitizen>[1],
      body: Parameters<typeof provisioning.registerCitizen>[2],
    ) => provisioning.registerCitizen(input.db, ctx, body),
  };
}
const secondFactorErrors = {
  required: () =>
    new DomainError('forbidden', 'auth.second_factor_required', {
      vi: 'Bạn cần bật xác thực hai lớp (TOTP) trong "Tài khoản của tôi" trước khi ký số.',
      en: 'Turn on two-factor authentication (TOTP) in "My account" before signing.',
    }),
  invalid: () =>
    new DomainError('forbidden', 'auth.second_factor_invalid', {
      vi: 'Mã xác thực không đúng hoặc đã được sử dụng.',
      en: 'The authentication code is wrong or was already used.',
    }),
};

export type IdentityService = ReturnType<typeof createIdentityService>;
