import type { Transaction } from 'kysely';
import type { Config } from '../../../config.js';
import type { Clock } from '../../../platform/clock.js';
import type { AnyDb } from '../../../platform/db/connect.js';
import type { FileStore } from '../../../platform/files/index.js';
import type { AgencyService } from '../../agencies/index.js';
import type { AuditService } from '../../audit/index.js';
import type { CalendarService } from '../../calendar/index.js';
import type { IdentityService } from '../../identity/index.js';
import type { NotifyService } from '../../notify/index.js';
import type { PkiService } from '../../pki/index.js';

export type DocumentDeps = {
  db: AnyDb;
  clock: Clock;
  audit: AuditService;
  agencies: AgencyService;
  calendar: CalendarService;
  identity: Pick<IdentityService, 'listOfficialsWith'>;
  notify: Pick<NotifyService, 'notify' | 'notifyMany' | 'notifyStatements'>;
  files: FileStore;
  pki: PkiService;
  config: Pick<
    Config,
    'timeZone' | 'publicUrl' | 'maxFileBytes' | 'sofficePath' | 'isProduction' | 'mailFrom'
  >;
};

export type Trx = Transaction<unknown>;
/** The open transaction inside one (never the outer db there), else the database. */
export type Ex = Trx | AnyDb;
