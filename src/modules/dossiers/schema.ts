import { z } from 'zod';
import { dossierActions, dossierStates } from './workflow/index.js';

/** The dossier module's contracts: inputs checked at the edge, outputs as allow-lists. */

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();

export const Channel = z.enum(['online', 'desk', 'post']);
export type Channel = z.infer<typeof Channel>;
export const DossierState = z.enum(dossierStates);
export const DossierAction = z.enum(dossierActions);
export const Rating = z.enum(['very_satisfied', 'satisfied', 'not_satisfied']);
export type Rating = z.infer<typeof Rating>;
export const FinishKind = z.enum(['early', 'on_time', 'late', 'refused', 'withdrawn', 'cancelled']);
export const ReturnMethod = z.enum(['desk', 'post', 'online']);

export const Applicant = z.object({
  fullName: text(150),
  /** Citizen identity card number (CCCD, 12 digits) or old ID (9 digits) or passport. */
  idNumber: z
    .string()
    .trim()
    .regex(/^([0-9]{9}|[0-9]{12}|[A-Z][0-9]{7,8})$/, 'CCCD 12 số, CMND 9 số hoặc hộ chiếu'),
  birthDate: z.iso.date().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^(\+84|0)[0-9]{9,10}$/, 'số điện thoại Việt Nam'),
  email: z.email().max(200).optional(),
  address: text(300),
  organization: optionalText(300),
});
export type Applicant = z.infer<typeof Applicant>;

export const FormData = z
  .record(z.string().regex(/^[a-z][a-z0-9_]{0,49}$/), z.union([z.string().max(5000), z.number()]))
  .refine((r) => Object.keys(r).length <= 100, 'at most 100 fields');
export type FormData = z.infer<typeof FormData>;

export const CreateDraftInput = z.object({
  procedureId: z.uuid(),
  agencyId: z.uuid(),
  applicant: Applicant,
  formData: FormData.default({}),
});
export type CreateDraftInput = z.infer<typeof CreateDraftInput>;

export const UpdateDraftInput = z.object({
  applicant: Applicant.optional(),
  formData: FormData.optional(),
});
export type UpdateDraftInput = z.infer<typeof UpdateDraftInput>;

export const DeskCreateInput = z.object({
  procedureId: z.uuid(),
  /** The desk's agency; defaults to the officer's own. */
  agencyId: z.uuid().optional(),
  channel: z.enum(['desk', 'post']),
  applicant: Applicant,
  formData: FormData.default({}),
  /** Keys of the papers checked at the desk; every mandatory paper must be among them. */
  papersReceived: z.array(z.string().max(80)).max(100).default([]),
  note: optionalText(2000),
});
export type DeskCreateInput = z.infer<typeof DeskCreateInput>;

const note = optionalText(2000);
const reason = text(2000);

/** Officer actions: one body per action, told apart by `action`. */
export const OfficerActionInput = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('receive'),
    papersReceived: z.array(z.string().max(80)).max(100).default([]),
    note,
  }),
  z.object({ action: z.literal('refuse_reception'), reason }),
  z.object({
    action: z.literal('request_supplement'),
    reason,
    papers: z.array(text(300)).min(1).max(50),
  }),
  z.object({ action: z.literal('start'), note }),
  z.object({
    action: z.literal('forward'),
    note,
    internalNote: note,
    assigneeId: z.uuid().optional(),
  }),
  z.object({ action: z.literal('accept_transfer'), note }),
  z.object({ action: z.literal('pause'), reason }),
  z.object({ action: z.literal('resume'), note }),
  z.object({ action: z.literal('approve'), note, internalNote: note }),
  z.object({ action: z.literal('refuse'), reason }),
  z.object({ action: z.literal('attach_result'), resultFileId: z.uuid(), note }),
  z.object({ action: z.literal('return'), method: z.enum(['desk', 'post']), note }),
  z.object({ action: z.literal('cancel'), reason }),
  z.object({
    action: z.literal('extend'),
    reason,
    /** Extra working days granted on top of the current appointment. */
    extraWorkingDays: z.number().int().min(1).max(60),
  }),
]);
export type OfficerActionInput = z.infer<typeof OfficerActionInput>;

export const AssignInput = z.object({ assigneeId: z.uuid(), note });
export type AssignInput = z.infer<typeof AssignInput>;

export const ApplicantActionInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('submit') }),
  z.object({ action: z.literal('supplement'), note }),
  z.object({ action: z.literal('withdraw'), reason }),
  z.object({ action: z.literal('cancel') }),
]);
export type ApplicantActionInput = z.infer<typeof ApplicantActionInput>;

export const RateInput = z.object({ rating: Rating, comment: optionalText(1000) });
export type RateInput = z.infer<typeof RateInput>;

export const FeePaymentInput = z.object({ receiptNo: text(50) });
export type FeePaymentInput = z.infer<typeof FeePaymentInput>;

export const DossierParams = z.object({ id: z.uuid() });
export const DossierFileParams = z.object({ id: z.uuid(), fileId: z.uuid() });
export const FormKind = z.enum(['01', '02', '03', '04', '06']);
export const DossierFormParams = z.object({ id: z.uuid(), form: FormKind });

export const LookupQuery = z.object({
  code: z.string().trim().min(10).max(60),
  secret: z.string().trim().min(6).max(20),
});

export const Queue = z.enum([
  'to_receive',
  'mine',
  'in_process',
  'supplement',
  'due_soon',
  'overdue',
  'all',
]);
export type Queue = z.infer<typeof Queue>;

export const DeskListQuery = z.object({
  queue: Queue.default('all'),
  q: z.string().trim().max(100).optional(),
  procedureId: z.uuid().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type DeskListQuery = z.infer<typeof DeskListQuery>;

export const MyListQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type MyListQuery = z.infer<typeof MyListQuery>;

// ---- outputs ----

/** A file sent as bytes (PDF, image, Word, Excel): the headers say what it is. */
export const Binary = z.any().describe('binary file (PDF, image, Word, Excel)');
export const NoContent = z.null().describe('no content');

export const FileView = z.object({
  id: z.string(),
  purpose: z.enum(['paper', 'supplement', 'result']),
  paperKey: z.string().nullable(),
  fileName: z.string(),
  mime: z.string(),
  sizeBytes: z.number(),
  uploadedAt: z.date(),
});
export type FileView = z.infer<typeof FileView>;

export const HistoryEntry = z.object({
  seq: z.number(),
  action: z.string(),
  actionName: z.object({ vi: z.string(), en: z.string() }),
  fromState: DossierState.nullable(),
  toState: DossierState,
  stepIndex: z.number(),
  stepName: z.object({ vi: z.string(), en: z.string() }).nullable(),
  actorName: z.string(),
  at: z.date(),
  note: z.string().nullable(),
  /** Officers only: never sent to the applicant. */
  internalNote: z.string().nullable().optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

const Paper = z.object({
  key: z.string(),
  name: z.string(),
  copies: z.string().nullable(),
  mandatory: z.boolean(),
});

const Step = z.object({
  key: z.string(),
  name: z.object({ vi: z.string(), en: z.string() }),
  role: z.string(),
  sharePercent: z.number(),
});

const AgencyRef = z.object({ id: z.string(), name: z.string() });

const FeeView = z.object({
  amountVnd: z.number(),
  status: z.enum(['due', 'paid', 'waived']),
  receiptNo: z.string().nullable(),
  paidAt: z.date().nullable(),
});

/** What the applicant sees of their dossier. */
export const ApplicantDossier = z.object({
  id: z.string(),
  code: z.string().nullable(),
  state: DossierState,
  stateName: z.object({ vi: z.string(), en: z.string() }),
  channel: Channel,
  procedure: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  agency: AgencyRef,
  applicant: Applicant,
  formData: z.record(z.string(), z.unknown()),
  papers: z.array(Paper),
  steps: z.array(Step),
  stepIndex: z.number(),
  submittedAt: z.date().nullable(),
  receivedAt: z.date().nullable(),
  dueAt: z.date().nullable(),
  appointmentAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
  returnedAt: z.date().nullable(),
  fee: FeeView.nullable(),
  rating: Rating.nullable(),
  files: z.array(FileView),
  history: z.array(HistoryEntry),
  allowedActions: z.array(DossierAction),
  /** Shown once, right after submission: the secret printed on the receipt. */
  lookupSecret: z.string().optional(),
});
export type ApplicantDossier = z.infer<typeof ApplicantDossier>;

/** What an officer sees. */
export const OfficerDossier = ApplicantDossier.omit({ lookupSecret: true }).extend({
  holderAgency: AgencyRef,
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  clockStoppedAt: z.date().nullable(),
  finishKind: FinishKind.nullable(),
  settledAt: z.date().nullable(),
  returnMethod: ReturnMethod.nullable(),
  overdue: z.boolean(),
});
export type OfficerDossier = z.infer<typeof OfficerDossier>;

export const DossierListItem = z.object({
  id: z.string(),
  code: z.string().nullable(),
  state: DossierState,
  channel: Channel,
  procedureName: z.string(),
  applicantName: z.string(),
  agencyName: z.string(),
  submittedAt: z.date().nullable(),
  receivedAt: z.date().nullable(),
  dueAt: z.date().nullable(),
  overdue: z.boolean(),
  assigneeId: z.string().nullable(),
});
export type DossierListItem = z.infer<typeof DossierListItem>;

export const DossierPage = z.object({
  items: z.array(DossierListItem),
  nextCursor: z.string().nullable(),
});
export type DossierPage = z.infer<typeof DossierPage>;

export const QueueCounts = z.object({
  to_receive: z.number(),
  mine: z.number(),
  in_process: z.number(),
  supplement: z.number(),
  due_soon: z.number(),
  overdue: z.number(),
});
export type QueueCounts = z.infer<typeof QueueCounts>;

export const PublicLookup = z.object({
  code: z.string(),
  state: DossierState,
  stateName: z.object({ vi: z.string(), en: z.string() }),
  procedureName: z.string(),
  agencyName: z.string(),
  /** Masked: "Nguyễn T. H. Nhung". */
  applicantName: z.string(),
  submittedAt: z.date().nullable(),
  receivedAt: z.date().nullable(),
  appointmentAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
  returnedAt: z.date().nullable(),
  history: z.array(HistoryEntry.omit({ internalNote: true, data: true })),
});
export type PublicLookup = z.infer<typeof PublicLookup>;

// ---- statistics (the one-stop report) ----

export const StatsLevel = z.enum(['province', 'district', 'commune']);
export const StatsGroupBy = z.enum(['agency', 'procedure', 'sector', 'month']);
export const StatsQuery = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    /** The subtree reported on; defaults to the widest one the reader holds. */
    agencyId: z.uuid().optional(),
    sectorId: z.uuid().optional(),
    procedureId: z.uuid().optional(),
    level: StatsLevel.optional(),
    groupBy: StatsGroupBy.default('agency'),
  })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 20 * 366 * 86_400_000, {
    message: 'at most 20 years',
    path: ['to'],
  });
export type StatsQuery = z.infer<typeof StatsQuery>;

export const StatsFigures = z.object({
  /** Open at the start of the period (received before it, not finished before it). */
  carriedOver: z.number(),
  receivedOnline: z.number(),
  receivedDesk: z.number(),
  receivedPost: z.number(),
  /** New in the period: online + desk + post. */
  received: z.number(),
  /** carriedOver + received: the dossiers the period had to deal with. */
  total: z.number(),
  settledEarly: z.number(),
  settledOnTime: z.number(),
  settledLate: z.number(),
  settled: z.number(),
  refused: z.number(),
  withdrawn: z.number(),
  cancelled: z.number(),
  /** Open at the end of the period, split by whether the due date had passed. */
  inProgress: z.number(),
  inProgressNotDue: z.number(),
  inProgressOverdue: z.number(),
  returned: z.number(),
  ratedVerySatisfied: z.number(),
  ratedSatisfied: z.number(),
  ratedNotSatisfied: z.number(),
  /** Share of new dossiers received online, 0–1 (null with none received). */
  onlineRatio: z.number().nullable(),
  /** Share of settled dossiers settled early or on time, 0–1 (null with none settled). */
  onTimeRatio: z.number().nullable(),
});
export type StatsFigures = z.infer<typeof StatsFigures>;

export const StatsRow = StatsFigures.extend({
  key: z.string(),
  name: z.string(),
  /** For agency rows: whether the row can be opened into its own children. */
  hasChildren: z.boolean().optional(),
});
export type StatsRow = z.infer<typeof StatsRow>;

export const StatsReport = z.object({
  from: z.string(),
  to: z.string(),
  agency: z.object({ id: z.string(), name: z.string() }),
  groupBy: StatsGroupBy,
  rows: z.array(StatsRow),
  total: StatsFigures,
});
export type StatsReport = z.infer<typeof StatsReport>;
