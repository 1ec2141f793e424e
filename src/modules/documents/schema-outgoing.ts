import { z } from 'zod';
import { authorities, confidentialities, urgencies } from './symbols.js';
import { documentStates, incomingStates, outgoingActions } from './workflow.js';

/** The documents module's contracts, drafting side: registers, drafts, views (pure). */

export const text = (max: number) => z.string().trim().min(1).max(max);
export const IsoDate = z.iso.date();

export const Urgency = z.enum(urgencies);
export type Urgency = z.infer<typeof Urgency>;
/** Accepted so that a classified mark is refused with its own code, never stored. */
export const Confidentiality = z.enum(confidentialities);
export const Authority = z.enum(authorities);
export type Authority = z.infer<typeof Authority>;
export const DocumentState = z.enum(documentStates);
export const IncomingState = z.enum(incomingStates);
export const RegisterKind = z.enum(['outgoing', 'incoming']);
export type RegisterKind = z.infer<typeof RegisterKind>;
export const TypeKey = z.string().regex(/^[a-z0-9-]{1,40}$/);
export const SeriesKey = z.string().regex(/^[a-z0-9-]{1,40}$/);

export const IdParams = z.object({ id: z.uuid() });
export const CodeParams = z.object({ code: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });

export const DocumentTypeView = z.object({
  key: z.string(),
  order: z.number().int(),
  name: z.string(),
  title: z.string().nullable(),
  abbreviation: z.string().nullable(),
});
export const DocumentTypeList = z.object({ items: z.array(DocumentTypeView) });

// ——— Registers ———

export const RegisterView = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  kind: RegisterKind,
  year: z.number().int(),
  series: z.string(),
  name: z.string(),
  typeKeys: z.array(z.string()),
  lastNumber: z.number().int(),
});
export type RegisterView = z.infer<typeof RegisterView>;
export const RegisterList = z.object({ items: z.array(RegisterView) });

export const RegisterListQuery = z.object({
  agencyId: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  kind: RegisterKind.optional(),
});
export type RegisterListQuery = z.infer<typeof RegisterListQuery>;

/** A separate outgoing series (e.g. decisions) or a renamed one, from this year on. */
export const SaveRegisterInput = z.object({
  agencyId: z.uuid().optional(),
  kind: RegisterKind.default('outgoing'),
  year: z.number().int().min(2000).max(2100).optional(),
  series: SeriesKey,
  name: text(200),
  typeKeys: z.array(TypeKey).max(29).default([]),
});
export type SaveRegisterInput = z.infer<typeof SaveRegisterInput>;

// ——— Drafting ———

export const RecipientInput = z.union([
  z.object({ agencyId: z.uuid() }),
  z.object({ name: text(300), email: z.email().max(254) }),
]);
export type RecipientInput = z.infer<typeof RecipientInput>;

/** What every draft carries (annex VI metadata the drafter knows). */
const DraftFields = z.object({
  /** The issuing agency; defaults to the drafter's own. */
  agencyId: z.uuid().optional(),
  typeKey: TypeKey,
  summary: text(1000),
  urgency: Urgency.default('normal'),
  confidentiality: Confidentiality.default('normal'),
  language: z
    .string()
    .regex(/^[a-z]{2}$/)
    .default('vi'),
  authority: Authority.nullable().default(null),
  /** The head's title after the authority ("GIÁM ĐỐC" in "KT. GIÁM ĐỐC"). */
  headTitle: text(200).nullable().default(null),
  /** The designated leader who signs. */
  signerUserId: z.uuid(),
  /** The signer's position printed above the name ("PHÓ GIÁM ĐỐC"). */
  signerPosition: text(200),
  /** For an official letter's symbol `<agency>-<drafting unit>` ("VP"). */
  draftingUnit: z
    .string()
    .regex(/^[^\s/]{1,20}$/)
    .nullable()
    .default(null),
  place: text(100).optional(),
  dueOn: IsoDate.nullable().default(null),
  recipients: z.array(RecipientInput).max(500).default([]),
  relatedIds: z.array(z.uuid()).max(50).default([]),
  /** The recalled document this one replaces (Art. 18). */
  replacesId: z.uuid().nullable().default(null),
});

export const ComposeDraftInput = DraftFields.extend({
  /** One paragraph per entry; a line in capitals is centred and bold. */
  body: z.array(z.string().trim().max(5000)).min(1).max(300),
  /** "Nơi nhận" lines after the recipients ("- Lưu: VT, VP."). */
  extraRecipientLines: z.array(text(300)).max(50).default([]),
});
export type ComposeDraftInput = z.infer<typeof ComposeDraftInput>;

/** The metadata sent with an uploaded draft (multipart field `metadata`, JSON). */
export const UploadDraftInput = DraftFields;
export type UploadDraftInput = z.infer<typeof UploadDraftInput>;

/** A new version after a return: recomposed from the form, or uploaded (multipart). */
export const ReviseComposeInput = ComposeDraftInput.omit({ agencyId: true, replacesId: true });
export type ReviseComposeInput = z.infer<typeof ReviseComposeInput>;
export const ReviseComposeBody = ReviseComposeInput.extend({
  note: z.string().trim().max(2000).optional(),
});

/** Metadata optionally sent with an uploaded new version. */
export const ReviseUploadInput = UploadDraftInput.omit({ agencyId: true, replacesId: true });

/** Which PDF of a document: the current draft version, a version number, signed or issued. */
export const FileQuery = z.object({
  which: z
    .union([z.enum(['current', 'signed', 'issued']), z.coerce.number().int().min(1).max(1000)])
    .default('current'),
});

export const SubmitInput = z.object({
  /** The review and approval chain, in order (may be empty: straight to the signer). */
  reviewerUserIds: z.array(z.uuid()).max(10).default([]),
  comment: z.string().trim().max(2000).optional(),
});
export type SubmitInput = z.infer<typeof SubmitInput>;

export const ReviewInput = z.object({
  decision: z.enum(['approve', 'return']),
  comment: z.string().trim().max(4000).optional(),
});
export type ReviewInput = z.infer<typeof ReviewInput>;

export const SignInput = z.object({
  pin: z.string().min(4).max(64),
  otp: z.string().regex(/^\d{6}$/),
});
export type SignInput = z.infer<typeof SignInput>;

export const ReasonInput = z.object({ reason: text(2000) });
export type ReasonInput = z.infer<typeof ReasonInput>;

// ——— Views ———

export const Ref = z.object({ id: z.uuid(), name: z.string() });

/** What the compose form took besides the metadata: enough to fill the form again. */
export const ComposedBody = z.object({
  body: z.array(z.string()),
  extraRecipientLines: z.array(z.string()),
});
export type ComposedBody = z.infer<typeof ComposedBody>;

export const RecipientView = z.object({
  id: z.uuid(),
  agencyId: z.uuid().nullable(),
  name: z.string(),
  email: z.string().nullable(),
  deliveredAt: z.date().nullable(),
  incomingNumber: z.number().int().nullable(),
  readAt: z.date().nullable(),
  readByName: z.string().nullable(),
  returnedAt: z.date().nullable(),
  returnReason: z.string().nullable(),
  state: IncomingState.nullable(),
});

export const ReviewView = z.object({
  round: z.number().int(),
  ordinal: z.number().int(),
  reviewerUserId: z.uuid(),
  reviewerName: z.string(),
  decision: z.enum(['pending', 'approved', 'returned', 'skipped']),
  comment: z.string().nullable(),
  version: z.number().int(),
  decidedAt: z.date().nullable(),
});

export const VersionView = z.object({
  version: z.number().int(),
  source: z.enum(['pdf', 'docx', 'compose']),
  fileName: z.string(),
  pages: z.number().int(),
  sizeBytes: z.number().int(),
  note: z.string().nullable(),
  createdAt: z.date(),
});

export const EventView = z.object({
  action: z.string(),
  actorName: z.string(),
  at: z.date(),
  note: z.string().nullable(),
});

export const RelatedView = z.object({
  id: z.uuid(),
  symbol: z.string().nullable(),
  summary: z.string(),
  state: DocumentState,
});

/** Annex VI metadata, what every reader of the document may see. */
export const DocumentMeta = z.object({
  id: z.uuid(),
  origin: z.enum(['internal', 'external']),
  state: DocumentState,
  agency: Ref,
  issuerName: z.string(),
  type: DocumentTypeView,
  summary: z.string(),
  urgency: Urgency,
  language: z.string(),
  pages: z.number().int().nullable(),
  place: z.string().nullable(),
  number: z.number().int().nullable(),
  symbol: z.string().nullable(),
  /** The symbol with the number left blank, as printed on the draft. */
  symbolTail: z.string().nullable(),
  issuedOn: IsoDate.nullable(),
  issuedAt: z.date().nullable(),
  placeDate: z.string().nullable(),
  authority: Authority.nullable(),
  headTitle: z.string().nullable(),
  signerName: z.string().nullable(),
  signerPosition: z.string().nullable(),
  signedAt: z.date().nullable(),
  dueOn: IsoDate.nullable(),
  recipientNames: z.array(z.string()),
  recalledAt: z.date().nullable(),
  recallReason: z.string().nullable(),
  replacesId: z.uuid().nullable(),
  replacedById: z.uuid().nullable(),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;

/** The issuing agency's view: the whole drafting record. */
export const OutgoingDocument = DocumentMeta.extend({
  signerUserId: z.uuid().nullable(),
  drafter: Ref.nullable(),
  draftingUnit: z.string().nullable(),
  currentVersion: z.number().int(),
  registerId: z.uuid().nullable(),
  verifyUrl: z.string().nullable(),
  recipients: z.array(RecipientView),
  reviews: z.array(ReviewView),
  versions: z.array(VersionView),
  related: z.array(RelatedView),
  history: z.array(EventView),
  /** What the reader may do now. */
  actions: z.array(z.enum(outgoingActions)),
  /**
   * To the drafter only, when the current version was composed from the form (null for an
   * uploaded one, and for everyone else): the body and extra "Nơi nhận" lines, which with the
   * metadata above refill the form for a new version (`POST …/:id/versions`).
   */
  composed: ComposedBody.nullable(),
  cancelledAt: z.date().nullable(),
  cancelReason: z.string().nullable(),
});
export type OutgoingDocument = z.infer<typeof OutgoingDocument>;

export const OutgoingListQuery = z.object({
  agencyId: z.uuid().optional(),
  /** Without a state every one but the cancelled drafts (asked for by `state=cancelled`). */
  state: DocumentState.optional(),
  /** `mine`: what waits for the reader (to revise, review, sign, or issue as clerk). */
  box: z.enum(['all', 'mine']).default('all'),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type OutgoingListQuery = z.infer<typeof OutgoingListQuery>;

export const OutgoingListItem = z.object({
  id: z.uuid(),
  state: DocumentState,
  typeKey: z.string(),
  typeName: z.string(),
  symbol: z.string().nullable(),
  symbolTail: z.string().nullable(),
  summary: z.string(),
  urgency: Urgency,
  issuedOn: IsoDate.nullable(),
  signerName: z.string().nullable(),
  drafterName: z.string().nullable(),
  createdAt: z.date(),
  /** The issuing agency. */
  agency: Ref,
});
export const OutgoingPage = z.object({ items: z.array(OutgoingListItem), total: z.number().int() });
