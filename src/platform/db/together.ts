import { type RawBuilder, sql } from 'kysely';

/**
 * Independent writes sent in one round trip: each becomes a data-modifying CTE of one
 * statement that ends with `final` (PostgreSQL runs every CTE, on one snapshot, and checks
 * the constraints at the end of the statement). The writes must not depend on each other's
 * effects, must not carry a WITH of their own, and must not touch the same row twice.
 */
export function together<T>(
  writes: readonly RawBuilder<unknown>[],
  final: RawBuilder<T>,
): RawBuilder<T> {
  if (writes.length === 0) return final;
  return sql<T>`WITH ${sql.join(
    writes.map((w, i) => sql`${sql.raw(`write_${i}`)} AS (${w})`),
  )} ${final}`;
}
