/** Document payloads as the server sends them (src/modules/documents/schema.ts, types only). */
import type { z } from 'zod';
import type * as S from '../../../../src/modules/documents/schema.js';
import type {
  DocumentState,
  IncomingAction,
  IncomingState,
  OutgoingAction,
} from '../../../../src/modules/documents/workflow.js';
import type { Wire } from '../pki/wire';

export type { DocumentState, IncomingAction, IncomingState, OutgoingAction };
export type DocumentType = Wire<z.infer<typeof S.DocumentTypeView>>;
export type DocumentMeta = Wire<S.DocumentMeta>;
export type OutgoingDocument = Wire<S.OutgoingDocument>;
export type OutgoingListItem = OutgoingPage['items'][number];
export type OutgoingPage = Wire<z.infer<typeof S.OutgoingPage>>;
export type IncomingDocument = Wire<S.IncomingDocument>;
export type IncomingPage = Wire<z.infer<typeof S.IncomingPage>>;
export type IncomingListItem = IncomingPage['items'][number];
export type RegisterView = Wire<S.RegisterView>;
export type Official = Wire<z.infer<typeof S.OfficialList>>['items'][number];
export type Urgency = S.Urgency;
export type Authority = S.Authority;
export type ComposeDraftInput = z.input<typeof S.ComposeDraftInput>;
export type UploadDraftInput = z.input<typeof S.UploadDraftInput>;
export type ReviseComposeBody = z.input<typeof S.ReviseComposeBody>;
export type DocumentCounts = S.DocumentCounts;
export type RecipientInput = S.RecipientInput;
export type DirectInput = z.input<typeof S.DirectInput>;
export type Recipient = OutgoingDocument['recipients'][number];
export type Review = OutgoingDocument['reviews'][number];
export type Version = OutgoingDocument['versions'][number];
export type DocEvent = OutgoingDocument['history'][number];

// Lists of the pure symbols module (safe to import at run time: no server code with it).
export { authorities, urgencies, urgencyMarks } from '../../../../src/modules/documents/symbols.js';
