import { api } from '../../app/api';
import type * as D from '../../../../src/modules/documents/schema.js';
import type { ValidationReport } from '../pki/types';
import type { Wire } from '../pki/wire';

/** The public verification of an issued document; `validation` is the PKI's report. */
export type PublicVerification = Omit<Wire<D.PublicVerification>, 'validation'> & {
  validation: ValidationReport;
};

/** Checks the signatures of any PDF (no account needed; the file is not kept). */
export function verifyPdf(file: File): Promise<ValidationReport> {
  const form = new FormData();
  form.set('file', file, file.name);
  return api.upload<ValidationReport>('/api/public/verify', form);
}

export const getVerification = (code: string) =>
  api.get<PublicVerification>(`/api/public/documents/${encodeURIComponent(code)}/verification`);

export const publicFileUrl = (code: string) =>
  `/api/public/documents/${encodeURIComponent(code)}/file`;

export const isVerifyCode = (code: string) => /^[A-Za-z0-9_-]{16,64}$/.test(code);
