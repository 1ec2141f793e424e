import { z } from 'zod';

// Pure: the web app imports these.

/** How a procedure's commune-level part is carried in a tree with district committees. */
export const DistrictMode = z.enum(['commune', 'district', 'both']);
export type DistrictMode = z.infer<typeof DistrictMode>;

export const SectorSettings = z.object({
  id: z.uuid(),
  name: z.string(),
  /** Procedures in force today. */
  procedureCount: z.number().int(),
  /** The department that carries the sector's province-level procedures. */
  departmentId: z.uuid().nullable(),
  departmentName: z.string().nullable(),
  /** District committees carry the sector's commune-level procedures (3-tier trees). */
  carriedByDistricts: z.boolean(),
});
export type SectorSettings = z.infer<typeof SectorSettings>;

export const DistrictOverride = z.object({
  procedureId: z.uuid(),
  code: z.string(),
  name: z.string(),
  mode: DistrictMode,
});
export type DistrictOverride = z.infer<typeof DistrictOverride>;

export const CatalogSettings = z.object({
  sectors: z.array(SectorSettings),
  districtOverrides: z.array(DistrictOverride),
});
export type CatalogSettings = z.infer<typeof CatalogSettings>;

export const UpdateSectorSettingsInput = z.strictObject({
  departmentId: z.uuid().nullable(),
  carriedByDistricts: z.boolean(),
});
export type UpdateSectorSettingsInput = z.infer<typeof UpdateSectorSettingsInput>;

export const SetDistrictOverrideInput = z.strictObject({ mode: DistrictMode });
export type SetDistrictOverrideInput = z.infer<typeof SetDistrictOverrideInput>;

export const CreateSectorInput = z.strictObject({ name: z.string().trim().min(1).max(300) });
export type CreateSectorInput = z.infer<typeof CreateSectorInput>;

export const Sector = z.object({ id: z.uuid(), name: z.string() });
export type Sector = z.infer<typeof Sector>;

export const SectorIdParams = z.object({ sectorId: z.uuid() });
export const OverrideParams = z.object({ procedureId: z.uuid() });
