import { sql } from 'kysely';
import type { Agency, SuccessionLink } from './schema.js';
import { type Exec, isUuid, notEnded, q, selectAgencies, toAgency, uuidArray } from './store.js';

/**
 * Children of a parent (or the roots). Unsorted: Vietnamese order is done by the service
 * with Intl.Collator('vi'), because PostgreSQL 15 has no "unicode" collation and PGlite
 * has no "vi-x-icu", so no one COLLATE works on both.
 */
export async function listChildren(
  exec: Exec,
  parentId: string | null,
  opts: { day: string; includeEnded: boolean },
): Promise<Agency[]> {
  let query = selectAgencies(exec);
  query =
    parentId === null
      ? query.where('parentId', 'is', null)
      : query.where('parentId', '=', parentId);
  if (!opts.includeEnded) query = query.where(notEnded(opts.day));
  return (await query.execute()).map(toAgency);
}

export async function countChildren(
  exec: Exec,
  parentIds: readonly string[],
  opts: { day: string; includeEnded: boolean },
): Promise<Map<string, number>> {
  if (parentIds.length === 0) return new Map();
  let query = q(exec)
    .selectFrom('agency.agencies')
    .select(['parentId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('parentId', 'in', [...parentIds])
    .groupBy('parentId');
  if (!opts.includeEnded) query = query.where(notEnded(opts.day));
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.parentId as string, Number(r.n)]));
}

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const containsFolded = (text: string) =>
  sql<boolean>`name_folded LIKE '%' || public.f_fold(${escapeLike(text)}) || '%'`;

/**
 * Vietnamese search without diacritics: `name_folded` is f_fold(name, short name,
 * abbreviation), so 'tra cu' finds 'Trà Cú'. Every word must occur; the whole phrase
 * ranks first, then trigram word similarity, then shorter and shallower names.
 */
export async function searchAgencies(
  exec: Exec,
  text: string,
  opts: { day: string; includeEnded: boolean; limit: number },
): Promise<Agency[]> {
  const words = text.split(/\s+/).filter(Boolean).slice(0, 8);
  if (words.length === 0) return [];
  let query = selectAgencies(exec);
  for (const w of words) query = query.where(containsFolded(w));
  if (!opts.includeEnded) query = query.where(notEnded(opts.day));
  const rows = await query
    .orderBy(containsFolded(words.join(' ')), 'desc')
    .orderBy(sql`word_similarity(public.f_fold(${text}), name_folded)`, 'desc')
    .orderBy(sql`length(name)`)
    .orderBy('depth')
    .orderBy('id')
    .limit(opts.limit)
    .execute();
  return rows.map(toAgency);
}

/** Who this agency took over from, and who took over from it. */
export async function successionsOf(
  exec: Exec,
  id: string,
): Promise<{ predecessors: SuccessionLink[]; successors: SuccessionLink[] }> {
  if (!isUuid(id)) return { predecessors: [], successors: [] };
  const side = async (
    mine: 'successorId' | 'predecessorId',
    other: 'predecessorId' | 'successorId',
  ) => {
    const rows = await q(exec)
      .selectFrom('agency.successions as s')
      .innerJoin('agency.agencies as a', 'a.id', `s.${other}`)
      .select([
        'a.id',
        'a.shortName',
        'a.name',
        'a.validFrom',
        'a.validTo',
        's.effectiveDate',
        's.kind',
        's.share',
        's.note',
        's.decision',
      ])
      .where(`s.${mine}`, '=', id)
      .orderBy('s.effectiveDate')
      .orderBy('a.sortOrder')
      .orderBy('a.name')
      .execute();
    return rows.map((r): SuccessionLink => ({
      agency: {
        id: r.id,
        shortName: r.shortName,
        name: r.name,
        validFrom: r.validFrom,
        validTo: r.validTo,
      },
      effectiveDate: r.effectiveDate,
      kind: r.kind,
      share: r.share,
      note: r.note,
      decision: r.decision,
    }));
  };
  return {
    predecessors: await side('successorId', 'predecessorId'),
    successors: await side('predecessorId', 'successorId'),
  };
}

/** Open (not ended) agencies in a subtree, root included: the importers match against these. */
export async function findOpenInSubtree(exec: Exec, rootId: string): Promise<Agency[]> {
  const rows = await selectAgencies(exec)
    .where(sql<boolean>`ancestors && ${uuidArray([rootId])}`)
    .where('validTo', 'is', null)
    .execute();
  return rows.map(toAgency);
}

export async function findOpenRoots(exec: Exec, gsoCodes: readonly string[]): Promise<Agency[]> {
  if (gsoCodes.length === 0) return [];
  const rows = await selectAgencies(exec)
    .where('parentId', 'is', null)
    .where('gsoCode', 'in', [...gsoCodes])
    .where('validTo', 'is', null)
    .orderBy('validFrom')
    .execute();
  return rows.map(toAgency);
}

export async function findOpenByGsoCodes(exec: Exec, codes: readonly string[]): Promise<Agency[]> {
  if (codes.length === 0) return [];
  const rows = await selectAgencies(exec)
    .where('gsoCode', 'in', [...codes])
    .where('validTo', 'is', null)
    .execute();
  return rows.map(toAgency);
}
