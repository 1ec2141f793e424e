import { z } from 'zod';
import { documentQueueKeys, type DocumentQueueKey } from './queues.js';
import {
  Confidentiality,
  DocumentMeta,
  EventView,
  IncomingState,
  IsoDate,
  Ref,
  TypeKey,
  Urgency,
  text,
} from './schema-outgoing.js';
import { incomingActions } from './workflow.js';

/** The documents module's contracts, continued: incoming, verification, figures (pure). */

// ——— Incoming ———

export const Direction = z.object({
  leadUserId: z.uuid().nullable(),
  leadName: z.string().nullable(),
  leadAgencyId: z.uuid().nullable(),
  coordinatorUserIds: z.array(z.uuid()),
  instructions: z.string().nullable(),
  deadline: IsoDate.nullable(),
  directedAt: z.date().nullable(),
  directedByName: z.string().nullable(),
});

// ——— Signature checks ———

/** An instant as JSON carries it: ISO 8601 in UTC ("2026-12-31T03:00:00.000Z"). */
const IsoDateTime = z.iso.datetime();

/**
 * The pki module's validation report (`ValidationReport` of src/modules/pki/schema.ts) as it
 * is stored with an incoming entry and sent: the same fields, instants as ISO strings. A fresh
 * report goes through JSON too, so both read the same (validation.test.ts checks the two
 * shapes stay the same, field for field).
 */
const SignatureStatusView = z.enum([
  'good',
  'revoked',
  'suspended',
  'superseded',
  'expired',
  'not_yet_valid',
  'unknown',
]);
export const SignatureReportView = z.object({
  index: z.number().int(),
  fieldName: z.string().nullable(),
  signer: z.object({
    name: z.string().nullable(),
    title: z.string().nullable(),
    organization: z.string().nullable(),
  }),
  /** The platform certificate's holder agency, when the certificate is one of ours. */
  agency: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  holderKind: z.enum(['person', 'agency']).nullable(),
  certificate: z
    .object({
      serial: z.string(),
      issuer: z.string(),
      notBefore: IsoDateTime,
      notAfter: IsoDateTime,
      isOurs: z.boolean(),
    })
    .nullable(),
  /** "server": the time the platform recorded when it signed; "claimed": the PDF's own. */
  time: z.object({ at: IsoDateTime.nullable(), source: z.enum(['server', 'claimed', 'none']) }),
  reason: z.string().nullable(),
  location: z.string().nullable(),
  integrity: z.object({
    digestMatches: z.boolean(),
    signatureValid: z.boolean(),
    coversWholeFile: z.boolean(),
  }),
  chain: z.enum(['trusted', 'untrusted', 'invalid']),
  statusAtSigning: SignatureStatusView,
  statusNow: SignatureStatusView,
  verdict: z.enum(['valid', 'invalid', 'indeterminate']),
  /** Codes of what is wrong or uncertain (e.g. "revoked_at_signing", "time_claimed"). */
  problems: z.array(z.string()),
});
export type SignatureReportView = z.infer<typeof SignatureReportView>;

export const ValidationReportView = z.object({
  verdict: z.enum(['valid', 'invalid', 'indeterminate', 'unsigned']),
  checkedAt: IsoDateTime,
  pages: z.number().int(),
  changedAfterSigning: z.boolean(),
  signatures: z.array(SignatureReportView),
});
export type ValidationReportView = z.infer<typeof ValidationReportView>;

/**
 * The stored signature check of an arriving document. `report` is null only if a stored report
 * no longer reads as one (written by an older version): `isValid` still says the verdict.
 */
export const SignatureCheck = z.object({
  isValid: z.boolean().nullable(),
  report: ValidationReportView.nullable(),
});

export const IncomingDocument = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  registerId: z.uuid(),
  year: z.number().int(),
  number: z.number().int(),
  source: z.enum(['platform', 'paper', 'email']),
  receivedAt: z.date(),
  receivedOn: IsoDate,
  state: IncomingState,
  isOverdue: z.boolean(),
  signatureCheck: SignatureCheck.nullable(),
  readAt: z.date().nullable(),
  direction: Direction,
  completedAt: z.date().nullable(),
  returnedAt: z.date().nullable(),
  returnReason: z.string().nullable(),
  document: DocumentMeta,
  history: z.array(EventView),
  actions: z.array(z.enum(incomingActions)),
});
export type IncomingDocument = z.infer<typeof IncomingDocument>;

export const IncomingListQuery = z.object({
  agencyId: z.uuid().optional(),
  state: IncomingState.optional(),
  /** `overdue`: open past its deadline; `mine`: led or coordinated by the reader. */
  filter: z.enum(['all', 'overdue', 'mine', 'undirected']).default('all'),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type IncomingListQuery = z.infer<typeof IncomingListQuery>;

export const IncomingListItem = z.object({
  id: z.uuid(),
  documentId: z.uuid(),
  number: z.number().int(),
  receivedOn: IsoDate,
  source: z.enum(['platform', 'paper', 'email']),
  state: IncomingState,
  issuerName: z.string(),
  symbol: z.string().nullable(),
  summary: z.string(),
  urgency: Urgency,
  deadline: IsoDate.nullable(),
  isOverdue: z.boolean(),
  leadName: z.string().nullable(),
  isValid: z.boolean().nullable(),
  readAt: z.date().nullable(),
});
export const IncomingPage = z.object({ items: z.array(IncomingListItem), total: z.number().int() });

/** A paper or e-mail document registered by the clerk (multipart field `metadata`, JSON). */
export const RegisterIncomingInput = z.object({
  agencyId: z.uuid().optional(),
  source: z.enum(['paper', 'email']),
  issuerName: text(300),
  typeKey: TypeKey,
  symbol: text(100),
  number: z.number().int().positive().nullable().default(null),
  issuedOn: IsoDate,
  summary: text(1000),
  urgency: Urgency.default('normal'),
  confidentiality: Confidentiality.default('normal'),
  language: z
    .string()
    .regex(/^[a-z]{2}$/)
    .default('vi'),
  signerName: z.string().trim().max(200).nullable().default(null),
  signerPosition: z.string().trim().max(200).nullable().default(null),
  dueOn: IsoDate.nullable().default(null),
});
export type RegisterIncomingInput = z.infer<typeof RegisterIncomingInput>;

export const DirectInput = z
  .object({
    leadUserId: z.uuid().nullable().default(null),
    /** A child unit leads instead of a person. */
    leadAgencyId: z.uuid().nullable().default(null),
    coordinatorUserIds: z.array(z.uuid()).max(20).default([]),
    instructions: z.string().trim().max(4000).nullable().default(null),
    /** Defaults to the document's own due date, else 10 working days. */
    deadline: IsoDate.nullable().default(null),
  })
  .refine((d) => (d.leadUserId === null) !== (d.leadAgencyId === null), {
    message: 'exactly one of leadUserId, leadAgencyId',
  });
export type DirectInput = z.infer<typeof DirectInput>;

export const NoteInput = z.object({ note: text(4000) });
export type NoteInput = z.infer<typeof NoteInput>;

export const OfficialsQuery = z.object({
  agencyId: z.uuid().optional(),
  role: z.enum(['sign', 'approve', 'handle', 'direct']),
});
export const OfficialView = z.object({
  id: z.uuid(),
  fullName: z.string(),
  /** Chức vụ ("Phó Giám đốc"), when the directory has it. */
  position: z.string().nullable(),
  /** The official's own agency or unit, when the directory has it. */
  agency: Ref.nullable(),
});
export type OfficialView = z.infer<typeof OfficialView>;
export const OfficialList = z.object({ items: z.array(OfficialView) });

// ——— Work queues ———

export const DocumentCountsQuery = z.object({
  /** One agency in the reader's scope (404 outside it), as for the lists; else all of them. */
  agencyId: z.uuid().optional(),
});
export type DocumentCountsQuery = z.infer<typeof DocumentCountsQuery>;

const queueCount = z.number().int().min(0).optional();
/**
 * The `total` of each queue of `documentQueues` (queues.ts) the reader may see; a queue whose
 * permission the reader lacks is absent, not 0.
 */
export const DocumentCounts = z.object(
  Object.fromEntries(documentQueueKeys.map((k) => [k, queueCount])) as Record<
    DocumentQueueKey,
    typeof queueCount
  >,
);
export type DocumentCounts = z.infer<typeof DocumentCounts>;

// ——— Public verification ———

export const PublicVerification = z.object({
  issuerName: z.string(),
  symbol: z.string(),
  typeName: z.string(),
  summary: z.string(),
  issuedOn: IsoDate,
  signerName: z.string().nullable(),
  signerPosition: z.string().nullable(),
  pages: z.number().int().nullable(),
  isRecalled: z.boolean(),
  recalledAt: z.date().nullable(),
  sha256: z.string(),
  /** The check of the stored issued PDF, made now (instants as ISO strings). */
  validation: ValidationReportView,
});
export type PublicVerification = z.infer<typeof PublicVerification>;

// ——— Figures ———

export const DocumentStatsQuery = z.object({
  from: IsoDate,
  to: IsoDate,
  agencyId: z.uuid().optional(),
});
export type DocumentStatsQuery = z.infer<typeof DocumentStatsQuery>;

export const DocumentStats = z.object({
  from: IsoDate,
  to: IsoDate,
  issued: z.number().int(),
  /** Issued with both the personal and the agency signature (every platform issuance). */
  digitallySigned: z.number().int(),
  bySigner: z.array(z.object({ name: z.string(), count: z.number().int() })),
  byAgency: z.array(
    z.object({ agencyId: z.uuid(), name: z.string(), kind: z.string(), count: z.number().int() }),
  ),
  byAgencyKind: z.array(z.object({ kind: z.string(), count: z.number().int() })),
  communes: z.object({
    total: z.number().int(),
    issuing: z.number().int(),
    /** Received documents in the period but issued none through the platform. */
    receiveOnly: z.number().int(),
    receiveOnlyNames: z.array(z.string()),
  }),
  incoming: z.object({
    received: z.number().int(),
    onTime: z.number().int(),
    late: z.number().int(),
    inProgress: z.number().int(),
    overdue: z.number().int(),
  }),
});
export type DocumentStats = z.infer<typeof DocumentStats>;

export const Binary = z.any().describe('binary');
