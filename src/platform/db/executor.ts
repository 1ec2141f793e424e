import type { Kysely, Transaction } from 'kysely';

/**
 * What a store function takes: the database or the service's open transaction.
 * Stores never open transactions; services do, and pass `trx` down.
 */
export type Executor<DB> = Kysely<DB> | Transaction<DB>;

/** Narrows the untyped root database to one module's tables. */
export function narrow<DB>(exec: Kysely<unknown> | Transaction<unknown>): Executor<DB> {
  return exec as unknown as Executor<DB>;
}
