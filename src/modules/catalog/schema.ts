import { z } from 'zod';

// Pure: the web app imports these. Dates of validity are 'YYYY-MM-DD' strings end to end.

export const IsoDate = z.iso.date();

/** Levels of the province's government that carry a procedure (no 'ministry': not ours). */
export const Level = z.enum(['province', 'district', 'commune']);
export type Level = z.infer<typeof Level>;

/**
 * Online service class (Decree 42/2022/NĐ-CP): full online (toàn trình), partial online
 * (một phần) or information only. `legacyLevel` keeps the old level 1–4 (Decree 43/2011)
 * for reports of past periods: full = 4, partial = 3, info = 2 (or 1).
 */
export const OnlineClass = z.enum(['full', 'partial', 'info']);
export type OnlineClass = z.infer<typeof OnlineClass>;
export const LegacyLevel = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type LegacyLevel = z.infer<typeof LegacyLevel>;

export const SubmissionMode = z.enum(['online', 'desk', 'post']);
export type SubmissionMode = z.infer<typeof SubmissionMode>;

export const TimeUnit = z.enum(['working_day', 'day', 'hour', 'month']);
export type TimeUnit = z.infer<typeof TimeUnit>;

const Key = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower-case letters, digits and _');
const LongText = z.string().trim().max(20_000);

/** A paper of the dossier (thành phần hồ sơ). `templateFile` names the form to download. */
export const Paper = z.strictObject({
  key: Key,
  name: z.string().trim().min(1).max(2000),
  copies: z.string().trim().min(1).max(200).nullable(),
  mandatory: z.boolean(),
  templateFile: z.string().trim().min(1).max(200).nullable(),
});
export type Paper = z.infer<typeof Paper>;

export const FormFieldType = z.enum([
  'text',
  'textarea',
  'number',
  'date',
  'select',
  'id_number',
  'phone',
  'email',
]);
export type FormFieldType = z.infer<typeof FormFieldType>;

/**
 * One field of the procedure's e-form (the applicant's request). The applicant's identity
 * is collected by the dossier module, not here. `options` only for `select`.
 */
export const FormField = z.strictObject({
  key: Key,
  label: z.string().trim().min(1).max(300),
  type: FormFieldType,
  required: z.boolean(),
  options: z.array(z.string().trim().min(1).max(200)).min(1).max(100).optional(),
});
export type FormField = z.infer<typeof FormField>;

/** The e-form every procedure has until staff configure another. */
export const defaultFormFields: readonly FormField[] = [
  { key: 'request', label: 'Nội dung yêu cầu', type: 'textarea', required: true },
];

export const StepRole = z.enum(['one_stop_officer', 'specialist', 'leader']);
export type StepRole = z.infer<typeof StepRole>;

/**
 * One step of a procedure's workflow (the dossier module runs it). `receiving` = the agency
 * that received the dossier; `sharePercent` = share of the processing time, steps sum to 100.
 */
export const WorkflowStep = z.strictObject({
  key: Key,
  name: z.strictObject({
    vi: z.string().trim().min(1).max(200),
    en: z.string().trim().min(1).max(200),
  }),
  role: StepRole,
  agency: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('receiving') }),
    z.strictObject({ kind: z.literal('agency'), agencyId: z.uuid() }),
  ]),
  sharePercent: z.number().int().min(0).max(100),
});
export type WorkflowStep = z.infer<typeof WorkflowStep>;

/** Reception → processing → approval → return, all at the receiving agency. */
export const defaultWorkflow: readonly WorkflowStep[] = [
  {
    key: 'receive',
    name: { vi: 'Tiếp nhận hồ sơ', en: 'Receive the dossier' },
    role: 'one_stop_officer',
    agency: { kind: 'receiving' },
    sharePercent: 10,
  },
  {
    key: 'process',
    name: { vi: 'Thẩm định, xử lý hồ sơ', en: 'Examine and process' },
    role: 'specialist',
    agency: { kind: 'receiving' },
    sharePercent: 60,
  },
  {
    key: 'approve',
    name: { vi: 'Phê duyệt kết quả', en: 'Approve the result' },
    role: 'leader',
    agency: { kind: 'receiving' },
    sharePercent: 20,
  },
  {
    key: 'return',
    name: { vi: 'Trả kết quả', en: 'Return the result' },
    role: 'one_stop_officer',
    agency: { kind: 'receiving' },
    sharePercent: 10,
  },
];

/** A target of an explicit implementers list: every commune or district committee, or one agency. */
export const ImplementerTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('commune_peoples_committee') }),
  z.strictObject({ kind: z.literal('district_peoples_committee') }),
  z.strictObject({ kind: z.literal('agency'), agencyId: z.uuid() }),
]);
export type ImplementerTarget = z.infer<typeof ImplementerTarget>;

/**
 * Who in the province carries the procedure.
 * - `auto`: by rule from the levels and the settings (sector → department, district rule);
 * - `custom`: exactly these targets;
 * - `external`: nobody in the province (a central-government branch: tax, customs, treasury,
 *   social insurance, courts, police, State Bank; or a ministry) — catalogued for information.
 */
export const Implementers = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('auto') }),
  z.strictObject({ mode: z.literal('custom'), targets: z.array(ImplementerTarget).min(1).max(50) }),
  z.strictObject({ mode: z.literal('external') }),
]);
export type Implementers = z.infer<typeof Implementers>;

/** The contract the dossier module relies on, plus the texts of the procedure. */
export const ProcedureVersion = z.object({
  id: z.uuid(),
  procedureId: z.uuid(),
  code: z.string(),
  versionNo: z.number().int(),
  name: z.string(),
  sectorId: z.uuid(),
  sectorName: z.string(),
  levels: z.array(Level),
  /** The national database's "cấp thực hiện", as published (e.g. "Cấp bộ; Cấp tỉnh"). */
  levelText: z.string().nullable(),
  onlineClass: OnlineClass,
  legacyLevel: LegacyLevel.nullable(),
  submissionModes: z.array(SubmissionMode),
  processingTime: z.number().nullable(),
  timeUnit: TimeUnit.nullable(),
  timeText: z.string().nullable(),
  feeVnd: z.number().int(),
  feeMaxVnd: z.number().int().nullable(),
  feeText: z.string().nullable(),
  papers: z.array(Paper),
  /** The source's dossier text when the papers were parsed from it (or could not be). */
  papersText: z.string().nullable(),
  formFields: z.array(FormField),
  /** The default workflow when none is configured (`workflowConfigured` false). */
  workflow: z.array(WorkflowStep),
  workflowConfigured: z.boolean(),
  implementers: Implementers,
  stepsText: z.string().nullable(),
  conditionsText: z.string().nullable(),
  resultText: z.string().nullable(),
  legalBasisText: z.string().nullable(),
  agencyText: z.string().nullable(),
  subjectsText: z.string().nullable(),
  decisionNo: z.string().nullable(),
  changeNote: z.string().nullable(),
  validFrom: IsoDate,
  /** Exclusive end; null while no later version is planned. */
  validTo: IsoDate.nullable(),
  createdAt: z.date(),
  createdBy: z.uuid().nullable(),
});
export type ProcedureVersion = z.infer<typeof ProcedureVersion>;

const OptionalText = LongText.nullable().optional();

/** The editable content of a procedure: a new version replaces all of it. */
export const ProcedureContent = z.strictObject({
  name: z.string().trim().min(1).max(2000),
  sectorId: z.uuid(),
  levels: z.array(Level).max(3),
  onlineClass: OnlineClass,
  /** Only for `info`: 1 or 2 (default 2); full is always 4, partial 3. */
  legacyLevel: LegacyLevel.nullable().optional(),
  submissionModes: z.array(SubmissionMode).max(3),
  processingTime: z.number().min(0).max(100_000).nullable(),
  timeUnit: TimeUnit.nullable(),
  timeText: OptionalText,
  feeVnd: z.number().int().min(0).max(1e13),
  feeMaxVnd: z.number().int().min(0).max(1e13).nullable().optional(),
  feeText: OptionalText,
  papers: z.array(Paper).max(200),
  papersText: OptionalText,
  formFields: z.array(FormField).max(100),
  /** null: the default workflow. */
  workflow: z.array(WorkflowStep).max(30).nullable(),
  implementers: Implementers,
  stepsText: OptionalText,
  conditionsText: OptionalText,
  resultText: OptionalText,
  legalBasisText: OptionalText,
  agencyText: OptionalText,
  subjectsText: OptionalText,
  decisionNo: z.string().trim().max(200).nullable().optional(),
});
export type ProcedureContent = z.infer<typeof ProcedureContent>;

export const ProcedureCode = z.string().regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$/);

/** A new version, in force from `validFrom` (today or later). */
export const CreateVersionInput = ProcedureContent.extend({
  validFrom: IsoDate,
  changeNote: z.string().trim().max(1000).nullable().optional(),
});
export type CreateVersionInput = z.infer<typeof CreateVersionInput>;

/** A procedure of the province's own (not in the national file), with its first version. */
export const CreateProcedureInput = CreateVersionInput.extend({ code: ProcedureCode });
export type CreateProcedureInput = z.infer<typeof CreateProcedureInput>;

export const ProcedureOrigin = z.enum(['national', 'local']);
export type ProcedureOrigin = z.infer<typeof ProcedureOrigin>;

/** A procedure with all its versions, oldest first (staff). */
export const ProcedureHistory = z.object({
  id: z.uuid(),
  code: z.string(),
  origin: ProcedureOrigin,
  sourceUrl: z.string().nullable(),
  /** The version in force today, if any. */
  inForceVersionId: z.uuid().nullable(),
  districtOverride: z.enum(['commune', 'district', 'both']).nullable(),
  versions: z.array(ProcedureVersion),
});
export type ProcedureHistory = z.infer<typeof ProcedureHistory>;

export const AgencyName = z.object({ id: z.uuid(), name: z.string() });
export type AgencyName = z.infer<typeof AgencyName>;

/** Who carries the procedure today: nobody of the province when `external`. */
export const Carriers = z.object({ external: z.boolean(), agencies: z.array(AgencyName) });
export type Carriers = z.infer<typeof Carriers>;

/** What the public sees of a procedure (the version in force today). */
export const PublicProcedure = ProcedureVersion.pick({
  code: true,
  name: true,
  sectorId: true,
  sectorName: true,
  levels: true,
  levelText: true,
  onlineClass: true,
  legacyLevel: true,
  submissionModes: true,
  processingTime: true,
  timeUnit: true,
  timeText: true,
  feeVnd: true,
  feeMaxVnd: true,
  feeText: true,
  papers: true,
  papersText: true,
  formFields: true,
  stepsText: true,
  conditionsText: true,
  resultText: true,
  legalBasisText: true,
  agencyText: true,
  subjectsText: true,
  decisionNo: true,
  validFrom: true,
  validTo: true,
}).extend({
  id: z.uuid(),
  versionId: z.uuid(),
  sourceUrl: z.string().nullable(),
  carriers: Carriers,
});
export type PublicProcedure = z.infer<typeof PublicProcedure>;
