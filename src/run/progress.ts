import cliProgress from 'cli-progress';

/** Reports runs done out of the total while a scenario runs. Always to stderr, never to stdout. */
export interface Progress {
  /** `n` more runs are done. */
  tick(n?: number): void;
  stop(): void;
}

export interface ProgressOptions {
  total: number;
  /** Runs already done before this execution (a resumed run). */
  done?: number;
  quiet?: boolean;
  stream?: NodeJS.WriteStream;
  /** Seconds between plain lines when the stream is not a terminal (also one line per 10 %). */
  every?: number;
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/**
 * A bar on a terminal (runs done / total, runs per second, time left), plain periodic lines when
 * stderr is a file or a pipe (every few seconds or each 10 %), nothing with `quiet`. Speed counts
 * only this execution's runs, so a resumed run does not look faster than it is.
 */
export function createProgress(options: ProgressOptions): Progress {
  const { total, quiet = false } = options;
  const stream = options.stream ?? process.stderr;
  const start = Date.now();
  const startDone = options.done ?? 0;
  let done = startDone;
  if (quiet || total === 0) return { tick: (n = 1) => void (done += n), stop: () => {} };

  const rate = () => (done - startDone) / Math.max(1e-3, (Date.now() - start) / 1000);
  const left = () => (total - done) / rate();

  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: 'runs {bar} {value}/{total} | {rate} runs/s | {left} left',
        barsize: 30,
        hideCursor: true,
        clearOnComplete: false,
        fps: 5,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, done, { rate: '0', left: '?' });
    return {
      tick(n = 1) {
        done += n;
        bar.update(done, { rate: rate().toFixed(1), left: done > startDone ? duration(left()) : '?' });
      },
      stop() {
        bar.stop();
      },
    };
  }

  const every = (options.every ?? 2) * 1000;
  let lastAt = start;
  let lastTenth = Math.floor((10 * done) / total);
  const line = () => {
    const pct = Math.floor((100 * done) / total);
    const tail = done > startDone && done < total ? `, ${rate().toFixed(1)} runs/s, about ${duration(left())} left` : '';
    stream.write(`draagvlak: ${done}/${total} runs (${pct} %)${tail}\n`);
  };
  return {
    tick(n = 1) {
      done += n;
      const now = Date.now();
      const tenth = Math.floor((10 * done) / total);
      if (now - lastAt >= every || tenth > lastTenth) {
        lastAt = now;
        lastTenth = tenth;
        line();
      }
    },
    stop() {},
  };
}
