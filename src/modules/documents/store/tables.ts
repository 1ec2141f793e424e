import type {
  ColumnType,
  Generated,
  GeneratedAlways,
  Kysely,
  Selectable,
  Transaction,
} from 'kysely';
import { type Executor, narrow } from '../../../platform/db/executor.js';
import type { Authority, Urgency } from '../symbols.js';
import type { DocumentState, IncomingState } from '../workflow.js';

type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;
type Json<T> = ColumnType<T, string, string>;
type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>;
/** A `date` column: read as 'YYYY-MM-DD' (cast in the queries that read it). */
type DateText = ColumnType<string, string, string>;

type RegistersTable = {
  id: Generated<string>;
  agencyId: string;
  kind: 'outgoing' | 'incoming';
  year: number;
  series: string;
  name: string;
  typeKeys: string[];
  lastNumber: Generated<number>;
  createdAt: Date;
  updatedAt: Date;
};
export type RegisterRow = Selectable<RegistersTable>;

/** What a composed draft keeps to be recomposed on a new version. */
export type ComposeData = { body: string[]; extraRecipientLines: string[] };

type DocumentsTable = {
  id: string;
  origin: 'internal' | 'external';
  agencyId: string;
  issuerName: string;
  state: DocumentState;
  typeKey: string;
  summary: string;
  urgency: Urgency;
  language: string;
  pages: Nullable<number>;
  place: Nullable<string>;
  symbolTail: Nullable<string>;
  registerId: Nullable<string>;
  number: Nullable<number>;
  symbol: Nullable<string>;
  issuedOn: ColumnType<string | null, string | null | undefined, string | null>;
  issuedAt: Nullable<Date>;
  authority: Nullable<Authority>;
  headTitle: Nullable<string>;
  signerUserId: Nullable<string>;
  signerName: Nullable<string>;
  signerPosition: Nullable<string>;
  signedAt: Nullable<Date>;
  drafterUserId: Nullable<string>;
  drafterName: Nullable<string>;
  draftingUnit: Nullable<string>;
  dueOn: ColumnType<string | null, string | null | undefined, string | null>;
  compose: NullableJson<ComposeData>;
  layout: NullableJson<unknown>;
  currentVersion: Generated<number>;
  reviewRound: Generated<number>;
  pdfSha256: string;
  signedSha256: Nullable<string>;
  issuedSha256: Nullable<string>;
  verifyCode: Nullable<string>;
  replacesId: Nullable<string>;
  replacedById: Nullable<string>;
  recalledAt: Nullable<Date>;
  recallReason: Nullable<string>;
  cancelledAt: Nullable<Date>;
  cancelReason: Nullable<string>;
  pdfText: Generated<string>;
  searchText: Generated<string>;
  createdBy: Nullable<string>;
  createdAt: Date;
  updatedAt: Date;
  rowVersion: Generated<number>;
};
export type DocumentRow = Selectable<DocumentsTable>;

type VersionsTable = {
  id: Generated<string>;
  documentId: string;
  version: number;
  source: 'pdf' | 'docx' | 'compose';
  sha256: string;
  sizeBytes: number;
  pages: number;
  originalSha256: string | null;
  fileName: string;
  note: string | null;
  createdBy: string | null;
  createdAt: Date;
};
export type VersionRow = Selectable<VersionsTable>;

type ReviewsTable = {
  id: Generated<string>;
  documentId: string;
  round: number;
  ordinal: number;
  reviewerUserId: string;
  reviewerName: string;
  decision: Generated<'pending' | 'approved' | 'returned' | 'skipped'>;
  comment: Nullable<string>;
  version: number;
  decidedAt: Nullable<Date>;
};
export type ReviewRow = Selectable<ReviewsTable>;

type RelationsTable = { documentId: string; relatedId: string };

type IncomingTable = {
  id: Generated<string>;
  documentId: string;
  agencyId: string;
  registerId: string;
  number: number;
  source: 'platform' | 'paper' | 'email';
  senderAgencyId: string | null;
  receivedAt: Date;
  receivedOn: DateText;
  validation: NullableJson<unknown>;
  isValid: boolean | null;
  state: Generated<IncomingState>;
  readAt: Nullable<Date>;
  readByUserId: Nullable<string>;
  readByName: Nullable<string>;
  leadUserId: Nullable<string>;
  leadName: Nullable<string>;
  leadAgencyId: Nullable<string>;
  coordinatorUserIds: Generated<string[]>;
  instructions: Nullable<string>;
  deadline: ColumnType<string | null, string | null | undefined, string | null>;
  directedBy: Nullable<string>;
  directedByName: Nullable<string>;
  directedAt: Nullable<Date>;
  completedAt: Nullable<Date>;
  completedOn: ColumnType<string | null, string | null | undefined, string | null>;
  completedBy: Nullable<string>;
  returnedAt: Nullable<Date>;
  returnReason: Nullable<string>;
  recalledAt: Nullable<Date>;
  createdBy: string | null;
  updatedAt: Date;
};
export type IncomingRow = Selectable<IncomingTable>;

type RecipientsTable = {
  id: Generated<string>;
  documentId: string;
  ordinal: number;
  agencyId: string | null;
  name: string;
  email: string | null;
  deliveredAt: Nullable<Date>;
  incomingId: Nullable<string>;
};
export type RecipientRow = Selectable<RecipientsTable>;

type EventsTable = {
  id: GeneratedAlways<number>;
  documentId: string;
  incomingId: string | null;
  action: string;
  actorUserId: string | null;
  actorName: string;
  at: Date;
  note: string | null;
  data: Json<Record<string, unknown>>;
};
export type EventRow = Selectable<EventsTable>;

export type DocumentTables = {
  'document.registers': RegistersTable;
  'document.documents': DocumentsTable;
  'document.versions': VersionsTable;
  'document.reviews': ReviewsTable;
  'document.relations': RelationsTable;
  'document.incoming': IncomingTable;
  'document.recipients': RecipientsTable;
  'document.events': EventsTable;
};

export type Exec = Kysely<unknown> | Transaction<unknown>;
export const q = (exec: Exec): Executor<DocumentTables> => narrow<DocumentTables>(exec);
