import type { Config } from '../../../config.js';
import type { Clock } from '../../../platform/clock.js';
import type { AnyDb } from '../../../platform/db/connect.js';
import type { AgencyService } from '../../agencies/index.js';
import type { AuditService } from '../../audit/index.js';
import type { SecretBox } from '../totp.js';

export type IdentityDeps = {
  db: AnyDb;
  clock: Clock;
  audit: AuditService;
  agencies: AgencyService;
  config: Pick<
    Config,
    | 'sessionSecret'
    | 'sessionTtlHours'
    | 'sessionIdleMinutes'
    | 'loginMaxFailures'
    | 'loginLockMinutes'
  >;
  box: SecretBox;
  /** The current province root, cached briefly: province-wide permissions are scoped to it. */
  provinceRootId(): Promise<string | null>;
};
