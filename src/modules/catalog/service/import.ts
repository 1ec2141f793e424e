import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { sql } from 'kysely';
import type { RequestContext } from '../../../platform/context.js';
import type { AnyDb } from '../../../platform/db/connect.js';
import { catalogErrors as E } from '../errors.js';
import {
  type CreationOverride,
  type ImportedContent,
  type ImportedProcedure,
  normaliseRow,
  withOverride,
} from '../import/normalise.js';
import {
  bundledCatalogCsv,
  bundledDetailsJsonl,
  readCatalogCsv,
  readDetails,
} from '../import/read-files.js';
import { createTally, type ReasonCount, type Tally } from '../import/tally.js';
import { IsoDate, type ProcedureVersion } from '../schema.js';
import {
  importState,
  insertProcedures,
  type NewProcedure,
  setSource,
} from '../store/procedures.js';
import { ensureSectors } from '../store/sectors.js';
import {
  findOpenVersions,
  insertVersions,
  setValidTo,
  type VersionValues,
} from '../store/versions.js';
import type { createCarriers } from './carry.js';
import { type CatalogDeps, inTransaction, type Trx } from './deps.js';

export type ImportOptions = {
  /** Default: the bundled seed/tthc_national_catalog_2026.csv. */
  csvPath?: string;
  /** JSON lines, gzipped when named *.gz. Default: the bundled details file. */
  detailsPath?: string;
  /** First day of the versions written (default today). */
  effectiveFrom?: string;
};

export type ImportReport = {
  source: { catalog: string; details: string };
  effectiveFrom: string;
  /** Data rows read from the catalogue file and from the details file. */
  rows: number;
  detailRows: number;
  /** Procedures created, procedures given a new version (their source row changed), unchanged. */
  created: number;
  newVersions: number;
  unchanged: number;
  sectorsCreated: number;
  /** Rows not imported, by reason, with sample codes (or line numbers). */
  skipped: { total: number; reasons: ReasonCount[] };
  /** Imported rows where a rule filled a gap (no time unit, no fee, papers not readable…). */
  notes: ReasonCount[];
};

/** The files read and checked, before any transaction (no I/O inside one). */
export type PreparedImport = {
  items: ImportedProcedure[];
  rows: number;
  detailRows: number;
  skipped: Tally;
  notes: Tally;
  source: { catalog: string; details: string };
};

export async function prepareImport(opts: ImportOptions): Promise<PreparedImport> {
  const csvPath = opts.csvPath ?? bundledCatalogCsv;
  const detailsPath = opts.detailsPath ?? bundledDetailsJsonl;
  const skipped = createTally();
  const notes = createTally();
  const rows = await readCatalogCsv(csvPath, skipped);
  const details = await readDetails(detailsPath, skipped);
  const items: ImportedProcedure[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const result = normaliseRow(row, details.get(row.ma_thu_tuc), notes);
    if ('skip' in result) {
      skipped.add(result.skip, row.ma_thu_tuc || `line ${row.line}`);
    } else if (seen.has(result.code)) {
      skipped.add('duplicate_code', result.code);
    } else {
      seen.add(result.code);
      items.push(result);
    }
  }
  const codes = new Set(rows.map((r) => r.ma_thu_tuc));
  for (const code of details.keys()) {
    if (!codes.has(code)) skipped.add('detail_without_catalog_row', code);
  }
  return {
    items,
    rows: rows.length + (skipped.list().find((r) => r.reason === 'malformed_row')?.count ?? 0),
    detailRows: details.size,
    skipped,
    notes,
    source: { catalog: path.basename(csvPath), details: path.basename(detailsPath) },
  };
}

function versionValues(
  c: ImportedContent,
  ids: { id: string; procedureId: string; versionNo: number; sectorId: string },
  validFrom: string,
  now: Date,
): VersionValues {
  return {
    ...c,
    ...ids,
    validFrom,
    validTo: null,
    changeNote: null,
    createdAt: now,
    createdBy: null,
  };
}

/**
 * What staff set on screen survives a changed source row: a full-online class, the e-form,
 * a configured workflow and the implementers. The rest comes from the new source row.
 */
function keepStaffChoices(c: ImportedContent, open: ProcedureVersion): ImportedContent {
  const full = open.onlineClass === 'full';
  return {
    ...c,
    onlineClass: full ? 'full' : c.onlineClass,
    legacyLevel: full ? 4 : c.legacyLevel,
    submissionModes:
      full && !c.submissionModes.includes('online')
        ? [...c.submissionModes, 'online']
        : c.submissionModes,
    formFields: open.formFields,
    workflow: open.workflowConfigured ? open.workflow : null,
    implementers: open.implementers,
  };
}

export function createImport(
  { clock, audit }: Pick<CatalogDeps, 'clock' | 'audit'>,
  carriers: ReturnType<typeof createCarriers>,
) {
  /**
   * Writes a prepared import inside the caller's transaction. New codes get a procedure and
   * version 1 from `effectiveFrom`; a code whose source row changed gets a new version from
   * `effectiveFrom` (the open one ends that day); an unchanged row writes nothing.
   */
  async function runImport(
    trx: Trx,
    ctx: RequestContext,
    prepared: PreparedImport,
    opts: { effectiveFrom: string; creationOverrides?: Readonly<Record<string, CreationOverride>> },
  ): Promise<ImportReport> {
    await sql`SELECT pg_advisory_xact_lock(hashtext('catalog.import'))`.execute(trx);
    const now = clock.now();
    const skipped = prepared.skipped;
    const state = await importState(trx);
    const sectorsBefore = (await ensureSectors(trx, [], now)).size;
    const sectorIds = await ensureSectors(
      trx,
      prepared.items.map((i) => i.sectorName),
      now,
    );
    const procedures: NewProcedure[] = [];
    const versions: VersionValues[] = [];
    const changed: ImportedProcedure[] = [];
    let unchanged = 0;
    for (const item of prepared.items) {
      const existing = state.get(item.code);
      if (existing?.sourceHash === item.hash) {
        unchanged++;
      } else if (existing) {
        changed.push(item);
      } else {
        const procedureId = randomUUID();
        procedures.push({
          id: procedureId,
          code: item.code,
          origin: 'national',
          sourceHash: item.hash,
          sourceUrl: item.sourceUrl,
          createdAt: now,
          updatedAt: now,
        });
        versions.push(
          versionValues(
            withOverride(item.content, opts.creationOverrides?.[item.code]),
            {
              id: randomUUID(),
              procedureId,
              versionNo: 1,
              sectorId: sectorIds.get(item.sectorName)!,
            },
            opts.effectiveFrom,
            now,
          ),
        );
      }
    }
    let newVersions = 0;
    if (changed.length > 0) {
      const open = await findOpenVersions(
        trx,
        changed.map((i) => state.get(i.code)!.id),
      );
      for (const item of changed) {
        const procedure = state.get(item.code)!;
        const current = open.get(procedure.id);
        if (!current) {
          skipped.add('no_open_version', item.code);
          continue;
        }
        if (current.validFrom >= opts.effectiveFrom) {
          skipped.add('newer_version_exists', item.code);
          continue;
        }
        await setValidTo(trx, current.id, opts.effectiveFrom);
        versions.push(
          versionValues(
            keepStaffChoices(item.content, current),
            {
              id: randomUUID(),
              procedureId: procedure.id,
              versionNo: current.versionNo + 1,
              sectorId: sectorIds.get(item.sectorName)!,
            },
            opts.effectiveFrom,
            now,
          ),
        );
        await setSource(trx, procedure.id, {
          sourceHash: item.hash,
          sourceUrl: item.sourceUrl,
          updatedAt: now,
        });
        newVersions++;
      }
    }
    await insertProcedures(trx, procedures);
    await insertVersions(trx, versions);
    const report: ImportReport = {
      source: prepared.source,
      effectiveFrom: opts.effectiveFrom,
      rows: prepared.rows,
      detailRows: prepared.detailRows,
      created: procedures.length,
      newVersions,
      unchanged,
      sectorsCreated: sectorIds.size - sectorsBefore,
      skipped: { total: skipped.total(), reasons: skipped.list() },
      notes: prepared.notes.list(),
    };
    await audit.record(trx, ctx, {
      action: 'catalog.import',
      targetType: 'catalog.procedures',
      targetId: prepared.source.catalog,
      after: report,
    });
    return report;
  }

  return {
    runImport,

    /**
     * Imports the national catalogue and its details (repeatable: the same files twice add
     * nothing). One transaction, one `catalog.import` audit event with the report.
     */
    async importCatalog(
      db: AnyDb,
      ctx: RequestContext,
      opts: ImportOptions = {},
    ): Promise<ImportReport> {
      const effectiveFrom = opts.effectiveFrom ?? carriers.localDay(clock.now());
      if (!IsoDate.safeParse(effectiveFrom).success)
        throw E.badImportFile('effectiveFrom is not a date');
      const prepared = await prepareImport(opts);
      return inTransaction(db, (trx) => runImport(trx, ctx, prepared, { effectiveFrom }));
    },
  };
}
