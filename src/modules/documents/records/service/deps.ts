import type { Transaction } from 'kysely';
import type { Config } from '../../../../config.js';
import type { Clock } from '../../../../platform/clock.js';
import type { AnyDb } from '../../../../platform/db/connect.js';
import type { FileStore } from '../../../../platform/files/index.js';
import type { AgencyService } from '../../../agencies/index.js';
import type { AuditService } from '../../../audit/index.js';
import type { IdentityService } from '../../../identity/index.js';

/** What the records service uses; the app passes these pieces of `createServices`. */
export type RecordDeps = {
  db: AnyDb;
  clock: Clock;
  audit: AuditService;
  agencies: AgencyService;
  /** To check that a file's keeper is an official of the agency. */
  identity: Pick<IdentityService, 'listOfficialsWith'>;
  /** The issued and registered PDFs, for the ZIP export. */
  files: Pick<FileStore, 'read'>;
  config: Pick<Config, 'timeZone'>;
};

export type Trx = Transaction<unknown>;
/** The open transaction inside one (never the outer db there), else the database. */
export type Ex = Trx | AnyDb;
