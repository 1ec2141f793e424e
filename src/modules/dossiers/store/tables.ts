import type {
  ColumnType,
  Generated,
  GeneratedAlways,
  Kysely,
  Selectable,
  Transaction,
} from 'kysely';
import { type Executor, narrow } from '../../../platform/db/executor.js';
import type { DossierState, WorkflowStep } from '../workflow/index.js';

export type Channel = 'online' | 'desk' | 'post';
export type FinishKind = 'early' | 'on_time' | 'late' | 'refused' | 'withdrawn' | 'cancelled';
export type Rating = 'very_satisfied' | 'satisfied' | 'not_satisfied';
export type TimeUnit = 'working_day' | 'day' | 'hour' | 'month';

export type Applicant = {
  fullName: string;
  idNumber: string;
  birthDate?: string | undefined;
  phone: string;
  email?: string | undefined;
  address: string;
  organization?: string | undefined;
};

export type PaperSnapshot = {
  key: string;
  name: string;
  copies: string | null;
  mandatory: boolean;
};

type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

type DossiersTable = {
  id: Generated<string>;
  code: Nullable<string>;
  procedureId: string;
  procedureVersionId: string;
  procedureCode: string;
  procedureName: string;
  sectorId: string | null;
  receivingAgencyId: string;
  holderAgencyId: string;
  involvedAgencyIds: string[];
  channel: Channel;
  state: DossierState;
  stepIndex: number;
  resumeState: Nullable<DossierState>;
  workflow: ColumnType<WorkflowStep[], string, string>;
  papers: ColumnType<PaperSnapshot[], string, string>;
  applicantUserId: string | null;
  applicant: ColumnType<Applicant, string, string>;
  applicantFolded: string;
  formData: ColumnType<Record<string, unknown>, string, string>;
  processingTime: ColumnType<number | null, number | null, number | null>;
  timeUnit: TimeUnit | null;
  assigneeUserId: Nullable<string>;
  assigneeName: Nullable<string>;
  submittedAt: Nullable<Date>;
  receivedAt: Nullable<Date>;
  dueAt: Nullable<Date>;
  appointmentAt: Nullable<Date>;
  clockStoppedAt: Nullable<Date>;
  settledAt: Nullable<Date>;
  finishedAt: Nullable<Date>;
  finishKind: Nullable<FinishKind>;
  returnedAt: Nullable<Date>;
  returnMethod: Nullable<'desk' | 'post' | 'online'>;
  feeVnd: number;
  rating: Nullable<Rating>;
  ratedAt: Nullable<Date>;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  rowVersion: Generated<number>;
};
export type DossierRow = Selectable<DossiersTable>;

type EventsTable = {
  id: GeneratedAlways<number>;
  dossierId: string;
  seq: number;
  action: string;
  fromState: DossierState | null;
  toState: DossierState;
  stepIndex: number;
  stepKey: string | null;
  actorUserId: string | null;
  actorName: string;
  actorAgencyId: string | null;
  at: Date;
  publicNote: string | null;
  internalNote: string | null;
  data: ColumnType<Record<string, unknown>, string, string>;
};
export type EventRow = Selectable<EventsTable>;

type FilesTable = {
  id: Generated<string>;
  dossierId: string;
  purpose: 'paper' | 'supplement' | 'result';
  paperKey: string | null;
  sha256: string;
  sizeBytes: number;
  kind: 'pdf' | 'jpeg' | 'png' | 'docx';
  mime: string;
  fileName: string;
  uploadedBy: string | null;
  uploadedAt: Date;
  removedAt: Nullable<Date>;
};
export type FileRow = Selectable<FilesTable>;

type FeesTable = {
  id: Generated<string>;
  dossierId: string;
  amountVnd: number;
  status: 'due' | 'paid' | 'waived';
  method: Nullable<'desk' | 'online'>;
  receiptNo: Nullable<string>;
  paidAt: Nullable<Date>;
  recordedBy: Nullable<string>;
  createdAt: Date;
};
export type FeeRow = Selectable<FeesTable>;

type CodeCountersTable = { agencyCode: string; day: string; lastSeq: number };

export type DossierTables = {
  'dossier.dossiers': DossiersTable;
  'dossier.events': EventsTable;
  'dossier.files': FilesTable;
  'dossier.fees': FeesTable;
  'dossier.codeCounters': CodeCountersTable;
};

export type Exec = Kysely<unknown> | Transaction<unknown>;
export const q = (exec: Exec): Executor<DossierTables> => narrow<DossierTables>(exec);
