import type { ColumnType, Generated, Kysely, Selectable, Transaction } from 'kysely';
import { type Executor, narrow } from '../../../../platform/db/executor.js';

export type Exec = Kysely<unknown> | Transaction<unknown>;

/** A `date` column: read as 'YYYY-MM-DD'. */
type DateText = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;

type FilePlansTable = {
  id: Generated<string>;
  agencyId: string;
  year: number;
  title: string;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
};
export type FilePlanRow = Selectable<FilePlansTable>;

type FileHeadingsTable = {
  id: Generated<string>;
  planId: string;
  ordinal: number;
  code: string;
  title: string;
  lastNumber: Generated<number>;
};
export type FileHeadingRow = Selectable<FileHeadingsTable>;

type FilesTable = {
  id: Generated<string>;
  agencyId: string;
  planId: string;
  headingId: string;
  number: number;
  code: string;
  title: string;
  retentionYears: number | null;
  keeperUserId: string;
  keeperName: string;
  note: string | null;
  state: Generated<'open' | 'closed'>;
  openedOn: DateText;
  closedOn: NullableDate;
  closedAt: ColumnType<Date | null, Date | null | undefined, Date | null>;
  closedBy: ColumnType<string | null, string | null | undefined, string | null>;
  transferredOn: NullableDate;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  rowVersion: Generated<number>;
};
export type RecordFileRow = Selectable<FilesTable>;

type FileDocumentsTable = {
  fileId: string;
  documentId: string;
  ordinal: number;
  addedBy: string | null;
  addedAt: Date;
};

/**
 * The columns of the documents part's tables that records read (never write): a view kept
 * here so that records do not reach into that part's store.
 */
type DocumentsRead = {
  id: string;
  origin: 'internal' | 'external';
  agencyId: string;
  state: string;
  typeKey: string;
  number: number | null;
  symbol: string | null;
  issuedOn: string | null;
  issuerName: string;
  summary: string;
  signerName: string | null;
  signerPosition: string | null;
  pages: number | null;
  language: string;
  urgency: string;
  dueOn: string | null;
  pdfSha256: string;
  issuedSha256: string | null;
};
type IncomingRead = {
  id: string;
  documentId: string;
  agencyId: string;
  number: number;
  receivedOn: string;
  recalledAt: Date | null;
};

export type RecordTables = {
  'document.documents': DocumentsRead;
  'document.incoming': IncomingRead;
  'document.filePlans': FilePlansTable;
  'document.fileHeadings': FileHeadingsTable;
  'document.files': FilesTable;
  'document.fileDocuments': FileDocumentsTable;
};

export const q = (exec: Exec): Executor<RecordTables> => narrow<RecordTables>(exec);
