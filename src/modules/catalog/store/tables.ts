import type { ColumnType, Generated, GeneratedAlways, Kysely, Transaction } from 'kysely';
import { type Executor, narrow } from '../../../platform/db/executor.js';
import type {
  FormField,
  Implementers,
  Level,
  OnlineClass,
  Paper,
  ProcedureOrigin,
  SubmissionMode,
  TimeUnit,
  WorkflowStep,
} from '../schema.js';
import type { DistrictMode } from '../schema-settings.js';

/** jsonb: read as the value, written as its JSON text (`pg` would send a JS array as a SQL array). */
type Json<T> = ColumnType<T, string, string>;

export type SectorRow = {
  id: Generated<string>;
  name: string;
  nameFolded: GeneratedAlways<string>;
  departmentAgencyId: string | null;
  carriedByDistricts: Generated<boolean>;
  createdAt: Date;
  updatedAt: Date;
  updatedBy: string | null;
};

export type ProcedureRow = {
  id: string;
  code: string;
  origin: ProcedureOrigin;
  sourceHash: string | null;
  sourceUrl: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export type VersionRow = {
  id: string;
  procedureId: string;
  versionNo: number;
  validFrom: string;
  validTo: string | null;
  name: string;
  sectorId: string;
  levels: Level[];
  levelText: string | null;
  onlineClass: OnlineClass;
  legacyLevel: number | null;
  submissionModes: SubmissionMode[];
  processingTime: number | null;
  timeUnit: TimeUnit | null;
  timeText: string | null;
  feeVnd: number;
  feeMaxVnd: number | null;
  feeText: string | null;
  papers: Json<Paper[]>;
  papersText: string | null;
  formFields: Json<FormField[]>;
  workflow: ColumnType<WorkflowStep[] | null, string | null, string | null>;
  implementers: Json<Implementers>;
  stepsText: string | null;
  conditionsText: string | null;
  resultText: string | null;
  legalBasisText: string | null;
  agencyText: string | null;
  subjectsText: string | null;
  decisionNo: string | null;
  changeNote: string | null;
  nameFolded: GeneratedAlways<string>;
  searchVector: GeneratedAlways<string>;
  createdAt: Date;
  createdBy: string | null;
};

export type DistrictOverrideRow = {
  procedureId: string;
  mode: DistrictMode;
  updatedAt: Date;
  updatedBy: string | null;
};

export type CatalogTables = {
  'catalog.sectors': SectorRow;
  'catalog.procedures': ProcedureRow;
  'catalog.procedureVersions': VersionRow;
  'catalog.districtOverrides': DistrictOverrideRow;
};

export type Exec = Kysely<unknown> | Transaction<unknown>;
export const q = (exec: Exec): Executor<CatalogTables> => narrow<CatalogTables>(exec);

/** Rows a statement inserts at most: a few hundred, well under the 65,535 parameters. */
export const BATCH = 200;

export function chunks<T>(items: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
