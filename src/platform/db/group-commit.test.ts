import { describe, expect, it } from 'vitest';
import { createGroupCommit } from './group-commit.js';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('group commit', () => {
  it('writes requests that arrive together in one batch, at most `parallel` batches at once', async () => {
    const batches: number[][] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const group = createGroupCommit<number, number>({
      maxBatch: 4,
      parallel: 2,
      run: async (items) => {
        batches.push([...items]);
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        await tick();
        inFlight--;
        return items.map((n) => n * 10);
      },
    });
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => group.submit(i)));
    expect(answers).toEqual(Array.from({ length: 10 }, (_, i) => i * 10));
    // The first two go alone (nothing is running); the rest wait and share batches of ≤ 4.
    expect(batches.map((b) => b.length)).toEqual([1, 1, 4, 4]);
    expect(batches.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(maxInFlight).toBe(2);
  });

  it('gives each item its own error, and runs a failed batch again item by item', async () => {
    const runs: number[][] = [];
    const group = createGroupCommit<number, string>({
      maxBatch: 10,
      parallel: 1,
      run: async (items) => {
        runs.push([...items]);
        await tick();
        // 7 breaks the whole transaction; 3 is refused on its own.
        if (items.includes(7)) throw new Error('the transaction failed');
        return items.map((n) => (n === 3 ? new Error('three is refused') : `ok ${n}`));
      },
    });
    const settled = await Promise.allSettled([0, 3, 5, 7, 9].map((n) => group.submit(n)));
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : String(s.reason)))).toEqual([
      'ok 0',
      'Error: three is refused',
      'ok 5',
      'Error: the transaction failed',
      'ok 9',
    ]);
    // [0] alone, then [3,5,7,9] together, which failed and went again one by one.
    expect(runs).toEqual([[0], [3, 5, 7, 9], [3], [5], [7], [9]]);
  });
});
