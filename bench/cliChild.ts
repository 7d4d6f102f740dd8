/**
 * Runs one `draagvlak` command in this fresh process (`node dist/bench/cliChild.js ARGS…`) with its
 * output swallowed, then prints what the process cost as one JSON line: exit code, wall time since
 * the process started (Node's own start-up included), CPU time (user + system) and peak memory.
 * It runs the command as bin/draagvlak.js does, from the bundle in dist/cli/; with CLI_MODULES=1 from
 * the modules tsc built in dist/src/ instead.
 */
const entry = process.env.CLI_MODULES === '1' ? '../src/cli/main.js' : '../cli/main.js';
const { main } = (await import(new URL(entry, import.meta.url).href)) as { main: (argv: string[]) => Promise<number> };

const write = process.stdout.write.bind(process.stdout);
process.stdout.write = () => true;
process.stderr.write = () => true;
const code = await main(['node', 'draagvlak', ...process.argv.slice(2)]);
const cpu = process.cpuUsage();
write(JSON.stringify({ code, wall: performance.now(), cpu: (cpu.user + cpu.system) / 1000, rss: process.resourceUsage().maxRSS / 1024 }) + '\n');
process.exit(0);
