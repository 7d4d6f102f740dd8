import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';

/** What one command cost: wall and CPU time in ms, peak memory in MB. */
export interface Cost {
  wall: number;
  cpu: number;
  rss: number;
  /** CPU in ms of the main thread and of the busiest other thread (the worker that ran the runs), where Linux's /proc tells. */
  threads?: { main: number; busiest: number };
}

/** Clock ticks a second of /proc's times (USER_HZ, `getconf CLK_TCK`: 100 on Linux). */
const CLOCK_TICKS = 100;

/**
 * CPU time (user + system) in ms of each live thread of this process, by thread id, from
 * /proc/self/task/TID/stat (fields 14 and 15, counted after the command name in parentheses); empty
 * where there is no /proc. A thread that has ended is no longer listed (its time stays in the
 * process's).
 */
export function threadCpuMs(): Map<number, number> {
  const out = new Map<number, number>();
  let tids: string[];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return out;
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(tid), ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS);
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return out;
}

/**
 * Runs `draagvlak ARGS…` in a fresh process and returns its cost (see cliChild.ts); throws unless it
 * exits 0. `modules`: from the modules of dist/src/ instead of the bundle bin/draagvlak.js runs.
 */
export function cliCost(args: string[], options: { modules?: boolean } = {}): Cost {
  const env = { ...process.env, CLI_MODULES: options.modules ? '1' : '0' };
  const child = spawnSync(process.execPath, [new URL('./cliChild.js', import.meta.url).pathname, ...args], { encoding: 'utf8', env });
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  const cost = JSON.parse(line) as Cost & { code: number };
  if (cost.code !== 0) throw new Error(`draagvlak ${args.join(' ')} exited ${cost.code}`);
  return cost;
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** min–max of the values. */
export const spread = (xs: number[], digits = 0): string => `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;

/**
 * Calls each variant once per round for `rounds` rounds, the order reversed every other round so
 * that a burst of other work on the machine does not fall on one variant only; returns every cost.
 */
export async function alternate<K extends string, C>(variants: Record<K, () => C | Promise<C>>, rounds: number): Promise<Record<K, C[]>> {
  const names = Object.keys(variants) as K[];
  const costs = Object.fromEntries(names.map((k) => [k, [] as C[]])) as Record<K, C[]>;
  for (let round = 0; round < rounds; round++) {
    for (const k of round % 2 === 0 ? names : [...names].reverse()) costs[k].push(await variants[k]());
  }
  return costs;
}

/**
 * An earlier commit of this repository built in `dir` (git archive, npm ci, npm run build), for a
 * bench that compares it with this build; `dir` is used as it is when `built` (OLD_DIR given).
 */
export function buildAside(root: string, commit: string, dir: string, built: boolean): void {
  if (built) return;
  mkdirSync(dir);
  execFileSync('sh', ['-c', `git -C "${root}" archive ${commit} | tar -x -C "${dir}"`], { stdio: 'ignore' });
  const sh = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: dir, stdio: 'ignore' });
  sh('npm', ['ci', '--no-audit', '--no-fund']);
  sh('npm', ['run', 'build']);
}
