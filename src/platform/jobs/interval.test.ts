import { describe, expect, it } from 'vitest';
import { startIntervalJob } from './interval.js';

const quiet = { info: () => {}, error: () => {} };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('startIntervalJob', () => {
  it('runs again after each run, never two at once, and goes on after a failure', async () => {
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    const errors: unknown[] = [];
    const job = startIntervalJob({
      name: 'test',
      intervalMs: 5,
      firstDelayMs: 1,
      logger: { info: () => {}, error: (obj) => errors.push(obj) },
      task: async () => {
        active++;
        maxActive = Math.max(maxActive, active);
        runs++;
        await sleep(15); // longer than the interval: the next run must wait for this one
        active--;
        if (runs === 1) throw new Error('first run fails');
      },
    });
    await sleep(120);
    await job.stop();
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(maxActive).toBe(1);
    expect(errors).toHaveLength(1);
  });

  it('stop() waits for the run in progress and no run starts after it', async () => {
    let finished = 0;
    let started = 0;
    const job = startIntervalJob({
      name: 'test',
      intervalMs: 1,
      firstDelayMs: 0,
      logger: quiet,
      task: async () => {
        started++;
        await sleep(20);
        finished++;
      },
    });
    await sleep(5);
    await job.stop();
    expect(finished).toBe(started);
    const after = started;
    await sleep(30);
    expect(started).toBe(after);
  });
});
