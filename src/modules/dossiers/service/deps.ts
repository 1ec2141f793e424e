import type { Transaction } from 'kysely';
import type { Config } from '../../../config.js';
import type { Clock } from '../../../platform/clock.js';
import type { AnyDb } from '../../../platform/db/connect.js';
import type { AgencyService } from '../../agencies/index.js';
import type { AuditService } from '../../audit/index.js';
import type { CalendarService } from '../../calendar/index.js';
import type { CatalogService } from '../../catalog/index.js';
import type { IdentityService } from '../../identity/index.js';
import type { NotifyService } from '../../notify/index.js';
import type { FileStore } from '../../../platform/files/index.js';

export type DossierDeps = {
  db: AnyDb;
  clock: Clock;
  audit: AuditService;
  agencies: AgencyService;
  calendar: CalendarService;
  catalog: CatalogService;
  identity: Pick<IdentityService, 'listOfficialsWith'>;
  notify: Pick<NotifyService, 'notify' | 'notifyMany' | 'notifyStatements'>;
  files: FileStore;
  config: Pick<
    Config,
    'timeZone' | 'publicUrl' | 'maxFileBytes' | 'maxDossierBytes' | 'sessionSecret'
  >;
};

export type Trx = Transaction<unknown>;
