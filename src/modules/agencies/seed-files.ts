import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { agencyErrors as E } from './errors.js';

/** The repository's `seed/` folder (public GSO data, see /seed and docs for provenance). */
export const seedDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../seed');

const Code = z.string().regex(/^\d{2,5}$/);
const Text = z.string().trim().min(1);

/** One province's 3-tier tree: the common shape of the demo JSON and the national CSV. */
export type UnitTree = {
  code: string;
  name: string;
  districts: {
    code: string;
    name: string;
    type: string;
    wards: { code: string; name: string; type: string }[];
  }[];
};

const Ward = z.object({ code: Code, name: Text, type: Text });
const TreeFile = z.object({
  province: z.object({
    code: Code,
    name: Text,
    districts: z.array(z.object({ code: Code, name: Text, type: Text, wards: z.array(Ward) })),
  }),
});

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw E.badImportFile(
      `${path.basename(file)}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`,
    );
  }
}

function check<T>(schema: z.ZodType<T>, value: unknown, file: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw E.badImportFile(`${path.basename(file)}: ${first?.path.join('.')} ${first?.message}`);
  }
  return parsed.data;
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw E.badImportFile(`${path.basename(file)}: not JSON`);
  }
}

function parseCsv(text: string, file: string): unknown[] {
  try {
    return parse(text, {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    }) as unknown[];
  } catch (err) {
    throw E.badImportFile(`${path.basename(file)}: ${(err as Error).message.slice(0, 200)}`);
  }
}

export async function readTreeJson(
  file = path.join(seedDir, 'travinh_2021_admin_tree.json'),
): Promise<UnitTree> {
  const data = check(TreeFile, parseJson(await readText(file), file), file);
  return data.province;
}

const AdminUnitRow = z.object({
  province_code: Code,
  province_name: Text,
  district_code: Code,
  district_name: Text,
  district_type: Text,
  ward_code: Code,
  ward_name: Text,
  ward_type: Text,
});

/** One province out of the national list (`vn_admin_units_<date>.csv`), in file order. */
export async function readProvinceFromCsv(file: string, provinceCode: string): Promise<UnitTree> {
  const rows = check(z.array(AdminUnitRow), parseCsv(await readText(file), file), file).filter(
    (r) => r.province_code === provinceCode,
  );
  const first = rows[0];
  if (!first) throw E.provinceNotInFile(provinceCode);
  const districts = new Map<string, UnitTree['districts'][number]>();
  for (const r of rows) {
    let d = districts.get(r.district_code);
    if (!d) {
      d = { code: r.district_code, name: r.district_name, type: r.district_type, wards: [] };
      districts.set(r.district_code, d);
    }
    d.wards.push({ code: r.ward_code, name: r.ward_name, type: r.ward_type });
  }
  return {
    code: first.province_code,
    name: first.province_name,
    districts: [...districts.values()],
  };
}

const MappingRow = z.object({
  new_province_code: Code,
  new_commune_code: Code,
  new_commune_name: Text,
  new_commune_type: Text,
  old_ward_code: Code,
  old_ward_name: Text,
  old_district_code: Code,
  old_province_code: Code,
  merge_type: z.enum(['full', 'partial']),
});
export type MappingRow = z.infer<typeof MappingRow>;

const CommunesFile = z.object({
  province_code: Code,
  province_name: Text,
  merged_from: z.array(z.object({ old_id: Code, name: Text })).min(1),
  communes: z.array(z.object({ code: Code, name: Text, type: Text })).min(1),
});
export type MergedProvince = z.infer<typeof CommunesFile>;

/** The 2025 merge of one new province: its communes (JSON) and old unit → new commune rows (CSV). */
export async function readMerge2025(
  mappingPath: string,
  communesPath: string,
): Promise<{ province: MergedProvince; rows: MappingRow[] }> {
  const rows = check(
    z.array(MappingRow),
    parseCsv(await readText(mappingPath), mappingPath),
    mappingPath,
  );
  const province = check(
    CommunesFile,
    parseJson(await readText(communesPath), communesPath),
    communesPath,
  );
  const inJson = new Set(province.communes.map((c) => c.code));
  const inCsv = new Set(rows.map((r) => r.new_commune_code));
  const same = inJson.size === inCsv.size && [...inJson].every((c) => inCsv.has(c));
  if (!same || rows.some((r) => r.new_province_code !== province.province_code)) {
    throw E.badImportFile('the mapping CSV and the communes JSON describe different communes');
  }
  return { province, rows };
}
