/**
 * Runs one `draagvlak` command in this fresh process (`node dist/bench/cliChild.js ARGS…`) with its
 * output swallowed, then prints what the process cost as one JSON line: exit code, wall time since
 * the process started (Node's own start-up included), CPU time (user + system), peak memory and,
 * where Linux's /proc tells, the CPU of the main thread and of the busiest other thread (the worker
 * that ran the simulations, which stays alive, warm, until the process exits).
 * It runs the command as bin/draagvlak.js does, from the bundle in dist/cli/; with CLI_MODULES=1 from
 * the modules tsc built in dist/src/ instead.
 */
import { threadCpuMs } from './measure.js';

const entry = process.env.CLI_MODULES === '1' ? '../src/cli/main.js' : '../cli/main.js';
const { main } = (await import(new URL(entry, import.meta.url).href)) as { main: (argv: string[]) => Promise<number> };

const write = process.stdout.write.bind(process.stdout);
process.stdout.write = () => true;
process.stderr.write = () => true;
const code = await main(['node', 'draagvlak', ...process.argv.slice(2)]);
const cpu = process.cpuUsage();
const byThread = threadCpuMs();
const others = [...byThread].filter(([tid]) => tid !== process.pid).map(([, ms]) => ms);
const threads = byThread.has(process.pid) && others.length > 0 ? { main: byThread.get(process.pid)!, busiest: Math.max(...others) } : undefined;
write(JSON.stringify({ code, wall: performance.now(), cpu: (cpu.user + cpu.system) / 1000, rss: process.resourceUsage().maxRSS / 1024, threads }) + '\n');
process.exit(0);
