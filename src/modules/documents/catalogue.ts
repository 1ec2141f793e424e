import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { foldToAscii } from '../../platform/files/index.js';

/**
 * The 29 administrative document types of Decree 30/2020 Art. 7 with their abbreviations of
 * annex III, read once from `seed/nd30_2020_document_types.json` (see seed/PROVENANCE.md).
 * Công văn and Thư công have no abbreviation: their symbol is the official-letter form
 * `<number>/<agency>-<drafting unit>`.
 */
export type DocumentType = Readonly<{
  key: string;
  order: number;
  name: string;
  /** The title printed on the document ("QUYẾT ĐỊNH"); null for letters, which have none. */
  title: string | null;
  abbreviation: string | null;
}>;

const TypeFile = z.object({
  document_types: z
    .array(
      z.object({
        order_dieu_7: z.number().int(),
        name_vi: z.string().min(1),
        abbreviation: z.string(),
        has_abbreviation: z.union([z.literal(0), z.literal(1)]),
      }),
    )
    .length(29),
});

const file = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../seed/nd30_2020_document_types.json',
);

function keyOf(name: string): string {
  return foldToAscii(name.replace(/\s*\(.*\)\s*/g, ''))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function load(): DocumentType[] {
  const parsed = TypeFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  return parsed.document_types.map((t) => {
    const name = t.name_vi.replace(/\s*\(.*\)\s*/g, '').trim();
    const abbreviation = t.has_abbreviation ? t.abbreviation : null;
    return {
      key: keyOf(t.name_vi),
      order: t.order_dieu_7,
      name,
      title: abbreviation ? name.toLocaleUpperCase('vi') : null,
      abbreviation,
    };
  });
}

export const documentTypes: readonly DocumentType[] = load();
const byKey = new Map(documentTypes.map((t) => [t.key, t]));

export function findDocumentType(key: string): DocumentType | undefined {
  return byKey.get(key);
}

/** The types a new agency's separate outgoing series for decisions and regulations takes. */
export const decisionTypeKeys = ['quyet-dinh', 'quy-dinh', 'quy-che'] as const;
