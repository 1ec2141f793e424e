import type { Config } from '../../../config.js';
import type { IdentityService } from '../service/index.js';

export type IdentityRoutesOpts = {
  identity: IdentityService;
  config: Pick<Config, 'isProduction' | 'publicUrl'>;
};
