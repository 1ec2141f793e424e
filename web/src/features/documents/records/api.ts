import { api } from '../../../app/api';
import type { z } from 'zod';
import type * as S from '../../../../../src/modules/documents/records/schema.js';
import type { Wire } from '../../pki/wire';

export type FilePlanSummary = Wire<z.infer<typeof S.FilePlanSummary>>;
export type FilePlanView = Wire<S.FilePlanView>;
export type RecordFileSummary = Wire<S.RecordFileSummary>;
export type RecordFileView = Wire<S.RecordFileView>;
export type FiledDocument = Wire<S.FiledDocument>;
export type ArchiveTransferList = Wire<S.ArchiveTransferList>;
export type Retention = S.Retention;

const plans = '/api/documents/file-plans';
const files = '/api/documents/files';

export const listPlans = (year: number, agencyId?: string) =>
  api.get<{ items: FilePlanSummary[] }>(plans, { year, agencyId });
export const getPlan = (id: string) => api.get<FilePlanView>(`${plans}/${id}`);
export const createPlan = (body: S.CreateFilePlanInput) => api.post<FilePlanView>(plans, body);
export const addHeading = (planId: string, body: S.HeadingInput) =>
  api.post<FilePlanView>(`${plans}/${planId}/headings`, body);

/** The key is made once per dialog: a retry or a double click opens one file. */
export const createFile = (body: z.input<typeof S.CreateRecordFileInput>, key: string) =>
  api.post<RecordFileView>(files, body, { 'idempotency-key': key });
export const getFile = (id: string) => api.get<RecordFileView>(`${files}/${id}`);
export const addDocument = (id: string, documentId: string) =>
  api.post<RecordFileView>(`${files}/${id}/documents`, { documentId });
export const removeDocument = (id: string, documentId: string) =>
  api.delete<RecordFileView>(`${files}/${id}/documents/${documentId}`);
export const closeFile = (id: string) => api.post<RecordFileView>(`${files}/${id}/close`);
export const transferFile = (id: string, transferredOn?: string) =>
  api.post<RecordFileView>(`${files}/${id}/transfer`, { transferredOn });
export const exportUrl = (id: string) => `${files}/${id}/export`;

export const listTransfers = (agencyId?: string) =>
  api.get<ArchiveTransferList>('/api/documents/archive-transfers', { agencyId });
