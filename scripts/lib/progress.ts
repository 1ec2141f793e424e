import cliProgress from 'cli-progress';
import { InvalidArgumentError } from 'commander';

/** What a generator reports as it goes; `phase` when it works in several passes. */
export type GeneratorProgress = { done: number; total: number; phase?: string };

/** A whole-number option of at least `min`, for commander. */
export const whole = (name: string, min: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) throw new InvalidArgumentError(`${name} ≥ ${min}`);
  return n;
};

/** A bar on a terminal; plain lines every 10 % (or at a new phase) otherwise (CI logs, pipes). */
export function progressReporter(unit: string): {
  update(p: GeneratorProgress): void;
  stop(): void;
} {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream: process.stderr,
        format: `{phase} |{bar}| {percentage}% {value}/{total} ${unit} | {eta_formatted} left`,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(p) {
        const payload = { phase: p.phase ?? unit };
        if (!started) {
          bar.start(p.total, p.done, payload);
          started = true;
        } else bar.update(p.done, payload);
      },
      stop: () => bar.stop(),
    };
  }
  let lastTenth = -1;
  let lastPhase: string | undefined;
  return {
    update(p) {
      const tenth = Math.floor((p.done / Math.max(1, p.total)) * 10);
      if (tenth === lastTenth && p.phase === lastPhase) return;
      lastTenth = tenth;
      lastPhase = p.phase;
      const counted = p.phase
        ? `${p.phase}: ${p.done}/${p.total} ${unit}`
        : `${unit}: ${p.done}/${p.total}`;
      process.stderr.write(`${counted} (${tenth * 10} %)\n`);
    },
    stop: () => {},
  };
}
