/**
 * Group commit: requests of one kind that arrive together are written together, in one
 * transaction per batch, as a database does with its log. Each request still gets its own
 * answer, and only after the transaction holding it committed. A batch of one costs what a
 * lone request costs; under load the statements of a transaction are shared by the batch.
 *
 * `run` answers each item with a result or that item's own error. When it throws, the
 * transaction failed as a whole (one item's unforeseen error fails them all): each item is
 * then run again alone, so the others are not refused for it.
 */
export function createGroupCommit<I, O>(opts: {
  /** Items in one transaction at most. */
  maxBatch: number;
  /** Batches in flight at once: one can be committing while the next is written. */
  parallel: number;
  run: (items: readonly I[]) => Promise<(O | Error)[]>;
}) {
  type Waiting = { item: I; resolve: (o: O) => void; reject: (e: unknown) => void };
  const queue: Waiting[] = [];
  let running = 0;

  async function runBatch(batch: Waiting[]): Promise<void> {
    let results: (O | Error)[];
    try {
      results = await opts.run(batch.map((w) => w.item));
    } catch (err) {
      if (batch.length === 1) return batch[0]!.reject(err);
      for (const w of batch) await runBatch([w]);
      return;
    }
    batch.forEach((w, i) => {
      const r = results[i]!;
      if (r instanceof Error) w.reject(r);
      else w.resolve(r);
    });
  }

  function pump(): void {
    // A lone request goes at once. While a batch is being written, another one starts only
    // when enough requests wait to fill a quarter of one; otherwise they gather for the next.
    const enough = Math.max(1, Math.floor(opts.maxBatch / 4));
    while (
      running < opts.parallel &&
      queue.length > 0 &&
      (running === 0 || queue.length >= enough)
    ) {
      const batch = queue.splice(0, opts.maxBatch);
      running++;
      void runBatch(batch).finally(() => {
        running--;
        pump();
      });
    }
  }

  return {
    submit(item: I): Promise<O> {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        pump();
      });
    },
  };
}
