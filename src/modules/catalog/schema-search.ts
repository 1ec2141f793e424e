import { z } from 'zod';
import { Level, OnlineClass, TimeUnit } from './schema.js';

// Pure: the web app imports these.

export const SearchProceduresQuery = z.object({
  /** Words of the name, with or without diacritics, or the start of a code ("1.0011"). */
  q: z.string().trim().max(200).optional(),
  sectorId: z.uuid().optional(),
  level: Level.optional(),
  /** Procedures this agency carries today. */
  agencyId: z.uuid().optional(),
  onlineClass: OnlineClass.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type SearchProceduresQuery = z.infer<typeof SearchProceduresQuery>;

export const ProcedureHit = z.object({
  /** The procedure's id (stable across versions). */
  id: z.uuid(),
  versionId: z.uuid(),
  code: z.string(),
  name: z.string(),
  sectorId: z.uuid(),
  sectorName: z.string(),
  levels: z.array(Level),
  onlineClass: OnlineClass,
  processingTime: z.number().nullable(),
  timeUnit: TimeUnit.nullable(),
  feeVnd: z.number().int(),
  /** Carried by a central-government branch or a ministry, not by the province. */
  external: z.boolean(),
});
export type ProcedureHit = z.infer<typeof ProcedureHit>;

export const ProcedurePage = z.object({
  items: z.array(ProcedureHit),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ProcedurePage = z.infer<typeof ProcedurePage>;

export const ListSectorsQuery = z.object({ level: Level.optional() });
export type ListSectorsQuery = z.infer<typeof ListSectorsQuery>;

export const SectorCount = z.object({
  id: z.uuid(),
  name: z.string(),
  /** Procedures in force today (at `level` when given). */
  procedureCount: z.number().int(),
});
export type SectorCount = z.infer<typeof SectorCount>;
export const SectorList = z.object({ items: z.array(SectorCount) });

export const ProcedureIdParams = z.object({ id: z.uuid() });
export const ProcedureCodeParams = z.object({ code: z.string().min(1).max(40) });
export const VersionIdParams = z.object({ id: z.uuid() });
