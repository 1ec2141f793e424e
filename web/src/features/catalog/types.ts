/**
 * Catalogue payloads as the server sends them (src/modules/catalog/schema.ts,
 * schema-search.ts, schema-settings.ts); dates of validity are 'YYYY-MM-DD' strings.
 */

export const levels = ['province', 'district', 'commune'] as const;
export type Level = (typeof levels)[number];

export const onlineClasses = ['full', 'partial', 'info'] as const;
export type OnlineClass = (typeof onlineClasses)[number];
export type LegacyLevel = 1 | 2 | 3 | 4;

export const submissionModes = ['online', 'desk', 'post'] as const;
export type SubmissionMode = (typeof submissionModes)[number];

export const timeUnits = ['working_day', 'day', 'hour', 'month'] as const;
export type TimeUnit = (typeof timeUnits)[number];

export type Paper = {
  key: string;
  name: string;
  copies: string | null;
  mandatory: boolean;
  templateFile: string | null;
};

export const formFieldTypes = [
  'text',
  'textarea',
  'number',
  'date',
  'select',
  'id_number',
  'phone',
  'email',
] as const;
export type FormFieldType = (typeof formFieldTypes)[number];

export type FormField = {
  key: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  options?: string[];
};

export const stepRoles = ['one_stop_officer', 'specialist', 'leader'] as const;
export type StepRole = (typeof stepRoles)[number];

export type StepAgency = { kind: 'receiving' } | { kind: 'agency'; agencyId: string };

export type WorkflowStep = {
  key: string;
  name: { vi: string; en: string };
  role: StepRole;
  agency: StepAgency;
  sharePercent: number;
};

export type ImplementerTarget =
  | { kind: 'commune_peoples_committee' }
  | { kind: 'district_peoples_committee' }
  | { kind: 'agency'; agencyId: string };

export type Implementers =
  { mode: 'auto' } | { mode: 'custom'; targets: ImplementerTarget[] } | { mode: 'external' };

export type ProcedureVersion = {
  id: string;
  procedureId: string;
  code: string;
  versionNo: number;
  name: string;
  sectorId: string;
  sectorName: string;
  levels: Level[];
  levelText: string | null;
  onlineClass: OnlineClass;
  legacyLevel: LegacyLevel | null;
  submissionModes: SubmissionMode[];
  processingTime: number | null;
  timeUnit: TimeUnit | null;
  timeText: string | null;
  feeVnd: number;
  feeMaxVnd: number | null;
  feeText: string | null;
  papers: Paper[];
  papersText: string | null;
  formFields: FormField[];
  workflow: WorkflowStep[];
  workflowConfigured: boolean;
  implementers: Implementers;
  stepsText: string | null;
  conditionsText: string | null;
  resultText: string | null;
  legalBasisText: string | null;
  agencyText: string | null;
  subjectsText: string | null;
  decisionNo: string | null;
  changeNote: string | null;
  validFrom: string;
  validTo: string | null;
  createdAt: string;
  createdBy: string | null;
};

export const districtModes = ['district', 'both', 'commune'] as const;
export type DistrictMode = (typeof districtModes)[number];

export type ProcedureHistory = {
  id: string;
  code: string;
  origin: 'national' | 'local';
  sourceUrl: string | null;
  inForceVersionId: string | null;
  districtOverride: DistrictMode | null;
  /** Oldest first. */
  versions: ProcedureVersion[];
};

/** The editable content: a new version replaces all of it. */
export type ProcedureContent = {
  name: string;
  sectorId: string;
  levels: Level[];
  onlineClass: OnlineClass;
  legacyLevel?: LegacyLevel | null;
  submissionModes: SubmissionMode[];
  processingTime: number | null;
  timeUnit: TimeUnit | null;
  timeText?: string | null;
  feeVnd: number;
  feeMaxVnd?: number | null;
  feeText?: string | null;
  papers: Paper[];
  papersText?: string | null;
  formFields: FormField[];
  /** null: the default workflow. */
  workflow: WorkflowStep[] | null;
  implementers: Implementers;
  stepsText?: string | null;
  conditionsText?: string | null;
  resultText?: string | null;
  legalBasisText?: string | null;
  agencyText?: string | null;
  subjectsText?: string | null;
  decisionNo?: string | null;
};

export type CreateVersionInput = ProcedureContent & {
  validFrom: string;
  changeNote?: string | null;
};
export type CreateProcedureInput = CreateVersionInput & { code: string };

export type ProcedureHit = {
  id: string;
  versionId: string;
  code: string;
  name: string;
  sectorId: string;
  sectorName: string;
  levels: Level[];
  onlineClass: OnlineClass;
  processingTime: number | null;
  timeUnit: TimeUnit | null;
  feeVnd: number;
  external: boolean;
};

export type ProcedurePage = {
  items: ProcedureHit[];
  total: number;
  page: number;
  pageSize: number;
};

export type SearchQuery = {
  q?: string;
  sectorId?: string;
  level?: Level;
  agencyId?: string;
  onlineClass?: OnlineClass;
  page?: number;
  pageSize?: number;
};

export type SectorCount = { id: string; name: string; procedureCount: number };

/** Who carries the procedure today (the public detail). */
export type Carriers = { external: boolean; agencies: { id: string; name: string }[] };

export type SectorSettings = {
  id: string;
  name: string;
  procedureCount: number;
  departmentId: string | null;
  departmentName: string | null;
  carriedByDistricts: boolean;
};

export type DistrictOverride = {
  procedureId: string;
  code: string;
  name: string;
  mode: DistrictMode;
};

export type CatalogSettings = {
  sectors: SectorSettings[];
  districtOverrides: DistrictOverride[];
};
