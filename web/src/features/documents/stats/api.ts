import type { z } from 'zod';
import { api } from '../../../app/api';
import type * as S from '../../../../../src/modules/documents/schema.js';
import type { Wire } from '../../pki/wire';

export type DocumentStats = Wire<z.infer<typeof S.DocumentStats>>;

export const getDocumentStats = (query: { from: string; to: string; agencyId?: string }) =>
  api.get<DocumentStats>('/api/documents/stats', query);

/** A share for the report's "tỷ lệ" columns; none when there is nothing to share. */
export const ratio = (part: number, whole: number): number | null =>
  whole > 0 ? part / whole : null;
