import { z } from 'zod';

/**
 * Records (lập hồ sơ, Decree 30/2020 ch. IV, annex V): contracts of the file plan, the files
 * and their documents, the archive-transfer list. Pure: the web app imports them.
 */

const text = (max: number) => z.string().trim().min(1).max(max);
const IsoDate = z.iso.date();

export const RecordIdParams = z.object({ id: z.uuid() });
export const RecordFileDocumentParams = z.object({ id: z.uuid(), documentId: z.uuid() });

/** Years of retention, or permanent (vĩnh viễn). */
export const Retention = z.union([z.number().int().min(1).max(100), z.literal('permanent')]);
export type Retention = z.infer<typeof Retention>;

/** A heading's code enters the file codes (`01.QĐ.2021`): no dots, no spaces. */
export const HeadingCode = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[^\s.]+$/u);

export const HeadingInput = z.object({ code: HeadingCode, title: text(500) });
export type HeadingInput = z.infer<typeof HeadingInput>;

export const CreateFilePlanInput = z.object({
  /** The agency; defaults to the actor's own. */
  agencyId: z.uuid().optional(),
  year: z.number().int().min(2000).max(2100),
  /** Defaults to "Danh mục hồ sơ năm <year>". */
  title: text(500).optional(),
  headings: z.array(HeadingInput).max(200).default([]),
});
export type CreateFilePlanInput = z.infer<typeof CreateFilePlanInput>;

export const FilePlanListQuery = z.object({
  agencyId: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type FilePlanListQuery = z.infer<typeof FilePlanListQuery>;

export const FileState = z.enum(['open', 'closed']);
export type FileState = z.infer<typeof FileState>;

export const RecordFileAction = z.enum(['update', 'add', 'remove', 'close', 'transfer', 'export']);
export type RecordFileAction = z.infer<typeof RecordFileAction>;

export const RecordFileSummary = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  planId: z.uuid(),
  year: z.number().int(),
  headingId: z.uuid(),
  headingCode: z.string(),
  number: z.number().int(),
  /** Số và ký hiệu hồ sơ: running number in the heading, heading code, year. */
  code: z.string(),
  title: z.string(),
  retention: Retention,
  /** "10 năm", "Vĩnh viễn". */
  retentionLabel: z.string(),
  keeper: z.object({ id: z.uuid(), name: z.string() }),
  state: FileState,
  openedOn: IsoDate,
  closedOn: IsoDate.nullable(),
  transferredOn: IsoDate.nullable(),
  documentCount: z.number().int(),
});
export type RecordFileSummary = z.infer<typeof RecordFileSummary>;

export const FileHeadingView = z.object({
  id: z.uuid(),
  ordinal: z.number().int(),
  code: z.string(),
  title: z.string(),
  fileCount: z.number().int(),
});

export const FilePlanSummary = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  year: z.number().int(),
  title: z.string(),
  headingCount: z.number().int(),
  fileCount: z.number().int(),
});
export const FilePlanList = z.object({ items: z.array(FilePlanSummary) });

/** The plan as annex V lays it out: headings, and the files under each. */
export const FilePlanView = FilePlanSummary.extend({
  headings: z.array(FileHeadingView),
  files: z.array(RecordFileSummary),
  canManage: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type FilePlanView = z.infer<typeof FilePlanView>;

export const CreateRecordFileInput = z.object({
  headingId: z.uuid(),
  title: text(1000),
  retention: Retention,
  /** Người lập hồ sơ: an official of the agency; defaults to the actor. */
  keeperUserId: z.uuid().optional(),
  note: z.string().trim().max(2000).nullable().default(null),
  /** Defaults to today. */
  openedOn: IsoDate.optional(),
});
export type CreateRecordFileInput = z.infer<typeof CreateRecordFileInput>;

export const UpdateRecordFileInput = z
  .object({
    title: text(1000).optional(),
    retention: Retention.optional(),
    keeperUserId: z.uuid().optional(),
    note: z.string().trim().max(2000).nullable().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), {
    message: 'nothing to change',
  });
export type UpdateRecordFileInput = z.infer<typeof UpdateRecordFileInput>;

export const AddFileDocumentInput = z.object({ documentId: z.uuid() });
export type AddFileDocumentInput = z.infer<typeof AddFileDocumentInput>;

export const FiledDocument = z.object({
  documentId: z.uuid(),
  /** Số thứ tự văn bản trong hồ sơ (by date, then by when it was added). */
  ordinal: z.number().int(),
  /** Outgoing for the file's agency (it issued it), or incoming (it registered it). */
  direction: z.enum(['outgoing', 'incoming']),
  typeKey: z.string(),
  typeName: z.string(),
  number: z.number().int().nullable(),
  symbol: z.string().nullable(),
  issuedOn: IsoDate.nullable(),
  issuerName: z.string(),
  summary: z.string(),
  signerName: z.string().nullable(),
  pages: z.number().int().nullable(),
  language: z.string(),
  incomingNumber: z.number().int().nullable(),
  receivedOn: IsoDate.nullable(),
  addedAt: z.date(),
});
export type FiledDocument = z.infer<typeof FiledDocument>;

export const RecordFileView = RecordFileSummary.extend({
  headingTitle: z.string(),
  note: z.string().nullable(),
  closedAt: z.date().nullable(),
  documents: z.array(FiledDocument),
  actions: z.array(RecordFileAction),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type RecordFileView = z.infer<typeof RecordFileView>;

export const RecordFileListQuery = z.object({
  agencyId: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  planId: z.uuid().optional(),
  headingId: z.uuid().optional(),
  state: FileState.optional(),
  /** The files a document sits in. */
  documentId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type RecordFileListQuery = z.infer<typeof RecordFileListQuery>;
export const RecordFileList = z.object({
  items: z.array(RecordFileSummary),
  total: z.number().int(),
});

export const ArchiveTransferQuery = z.object({
  agencyId: z.uuid().optional(),
  /** Files due on or before this day; defaults to one year from today. */
  until: IsoDate.optional(),
});
export type ArchiveTransferQuery = z.infer<typeof ArchiveTransferQuery>;

export const ArchiveTransferItem = RecordFileSummary.extend({
  /** Closing day + 1 year: ordinary files go to the archive within a year of the end of the work. */
  dueOn: IsoDate,
  isOverdue: z.boolean(),
});
export const ArchiveTransferList = z.object({
  agencyId: z.uuid(),
  until: IsoDate,
  items: z.array(ArchiveTransferItem),
});
export type ArchiveTransferList = z.infer<typeof ArchiveTransferList>;

export const TransferFileInput = z.object({
  /** Day of the handover to the agency's archive; defaults to today. */
  transferredOn: IsoDate.optional(),
});
export type TransferFileInput = z.infer<typeof TransferFileInput>;
