/**
 * A periodic job in this process: runs `task` after `firstDelayMs`, then every `intervalMs`,
 * one run at a time (a slow run delays the next instead of overlapping it). Failures are
 * logged and the job goes on. The tasks are idempotent, so a second process running the same
 * job (JOBS=true on two servers) repeats work without doubling its effects.
 */
export type JobLogger = {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
};

export type IntervalJob = { stop(): Promise<void> };

export function startIntervalJob(opts: {
  name: string;
  intervalMs: number;
  firstDelayMs?: number;
  task: () => Promise<unknown>;
  logger: JobLogger;
}): IntervalJob {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  const tick = () => {
    running = (async () => {
      try {
        const result = await opts.task();
        opts.logger.info({ job: opts.name, result }, 'job ran');
      } catch (err) {
        opts.logger.error({ job: opts.name, err }, 'job failed');
      }
    })().finally(() => {
      running = undefined;
      if (!stopped) timer = setTimeout(tick, opts.intervalMs);
    });
  };
  timer = setTimeout(tick, opts.firstDelayMs ?? opts.intervalMs);
  timer.unref();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
