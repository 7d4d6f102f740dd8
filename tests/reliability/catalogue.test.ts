import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../e2e/cli.js';
import { TINY, run, snapshot, workdir, type Outcome } from './harness.js';

/**
 * The catalogue of hostile and unlucky input: each case runs the built command in a project
 * folder (root/project, holding tiny.yaml) and asserts its exit code, its one-line message (or a
 * silent stderr), and that nothing under root changed except the results folder it may write.
 */
interface Case {
  what: string;
  /** Files to add under root (paths relative to root). */
  files?: Record<string, string>;
  /** More preparation, with root and project folders. */
  setup?: (root: string, project: string) => void;
  args: string[];
  env?: Record<string, string>;
  code: number;
  /** What the single line on stderr says; null: stderr stays empty. */
  message: RegExp | null;
  /** The folder (relative to root) the command may write; none: nothing may change. */
  writes?: string;
  check?: (root: string, outcome: Outcome) => void;
}

const P = 'project';
const withSweep = (sweep: string) => TINY.replace(/sweep:[\s\S]*$/, sweep);
const QUIET = ['--quiet', '--no-report', '--workers', '1'];

/** An alias bomb: nine levels of nine references each (9⁹ strings when expanded). */
function aliasBomb(): string {
  let text = 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n';
  let previous = 'a';
  for (const name of 'bcdefghij') {
    text += `${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]\n`;
    previous = name;
  }
  return text;
}

/** A scenario with `n` ordinary aliases: one anchored value, referred to by n compared strategies. */
function manyAliases(n: number): string {
  const strategies = Array.from({ length: n }, (_, i) => `  - {name: s${i}, strategy: {steering: *v}}`).join('\n');
  return `${TINY.replace(/sweep:[\s\S]*$/, '')}strategy:\n  steering: &v 0.5\ncompare:\n${strategies}\n`;
}

const LOCK = '.draagvlak.lock';
const lockOf = (pid: number, host = hostname()) => JSON.stringify({ pid, host, startedAt: '2026-01-01T00:00:00.000Z' }) + '\n';

/** A pid that is not running: a short-lived child that has exited. */
function deadPid(): number {
  return Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).toString());
}

/** A finished run of tiny.yaml in project/out whose manifest.json `change` then rewrites. */
function finishedWith(project: string, change: (manifest: Record<string, unknown>) => Record<string, unknown>): void {
  execFileSync(process.execPath, [BIN, 'run', 'tiny.yaml', ...QUIET, '--out', 'out'], { cwd: project });
  const file = join(project, 'out', 'manifest.json');
  writeFileSync(file, JSON.stringify(change(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)));
}

/** A finished run of tiny.yaml in project/out whose charts/ is then a symlink to root/mine, a folder of the user's holding support.svg. */
function chartsLinkedOut(root: string, project: string): void {
  execFileSync(process.execPath, [BIN, 'run', 'tiny.yaml', '--quiet', '--workers', '1', '--out', 'out'], { cwd: project });
  mkdirSync(join(root, 'mine'));
  writeFileSync(join(root, 'mine', 'support.svg'), '<svg>mine</svg>');
  rmSync(join(project, 'out', 'charts'), { recursive: true });
  symlinkSync(join(root, 'mine'), join(project, 'out', 'charts'));
}

const CASES: Case[] = [
  // YAML aliases
  { what: 'an alias bomb (billion laughs) in validate', files: { [`${P}/bomb.yaml`]: aliasBomb() }, args: ['validate', 'bomb.yaml'], code: 2, message: /^bomb\.yaml: expected at most 1000 YAML alias expansions/ },
  { what: 'an alias bomb in run', files: { [`${P}/bomb.yaml`]: aliasBomb() }, args: ['run', 'bomb.yaml', ...QUIET], code: 2, message: /^bomb\.yaml: expected at most 1000 YAML alias expansions/ },
  { what: '120 ordinary aliases are fine', files: { [`${P}/aliases.yaml`]: manyAliases(120) }, args: ['validate', 'aliases.yaml'], code: 0, message: null, check: (_r, o) => expect(o.stdout).toMatch(/^ok aliases\.yaml \(120 points/) },
  { what: 'an alias in a --set value that expands without end', args: ['run', 'tiny.yaml', '--set', `sweep=${aliasBomb().replace(/\n/g, ' ').replace(/^/, '{x: [')}]}`, ...QUIET], code: 2, message: /^--set: sweep: expected/ },

  // Prototype pollution
  { what: '--set strategy.__proto__.hasOwnProperty=1', args: ['run', 'tiny.yaml', '--set', 'strategy.__proto__.hasOwnProperty=1', ...QUIET], code: 2, message: /^--set: strategy\.__proto__\.hasOwnProperty: expected a path without __proto__, constructor, prototype, found "__proto__"$/ },
  { what: '--set strategy.__proto__.toString=1', args: ['run', 'tiny.yaml', '--set', 'strategy.__proto__.toString=1', ...QUIET], code: 2, message: /found "__proto__"$/ },
  { what: "--set 'strategy.__proto__={steering: 0.9}'", args: ['run', 'tiny.yaml', '--set', 'strategy.__proto__={steering: 0.9}', ...QUIET], code: 2, message: /^--set: strategy\.__proto__: expected a path without/ },
  { what: '--set strategy.constructor.prototype.x=1', args: ['run', 'tiny.yaml', '--set', 'strategy.constructor.prototype.x=1', ...QUIET], code: 2, message: /found "constructor"$/ },
  { what: '--set sweep.parameters.__proto__=[1]', args: ['run', 'tiny.yaml', '--set', 'sweep.parameters.__proto__=[1]', ...QUIET], code: 2, message: /found "__proto__"$/ },
  { what: '--set a value holding __proto__', args: ['run', 'tiny.yaml', '--set', 'sweep={parameters: {__proto__: {a: 1}}}', ...QUIET], code: 2, message: /^--set: sweep\.parameters\.__proto__: expected a field name other than __proto__/ },
  { what: 'a YAML file with a __proto__ field', files: { [`${P}/p.yaml`]: 'strategy:\n  __proto__:\n    steering: 0.9\n' }, args: ['validate', 'p.yaml'], code: 2, message: /^p\.yaml: strategy\.__proto__: expected a field name other than/ },
  { what: 'a YAML file with a constructor field', files: { [`${P}/p.yaml`]: 'constructor: {prototype: 1}\n' }, args: ['validate', 'p.yaml'], code: 2, message: /^p\.yaml: constructor: expected a field name other than/ },
  { what: 'a JSON file with a __proto__ field', files: { [`${P}/p.json`]: '{"name": "x", "__proto__": {"polluted": 1}}' }, args: ['validate', 'p.json'], code: 2, message: /^p\.json: __proto__: expected a field name other than/ },
  { what: 'a prototype field deep in a compared strategy', files: { [`${P}/p.yaml`]: 'compare:\n  - name: a\n    strategy: {prototype: {steering: 1}}\n' }, args: ['validate', 'p.yaml'], code: 2, message: /^p\.yaml: compare\[0\]\.strategy\.prototype: expected a field name other than/ },

  // Huge designs and runs
  { what: 'a grid of 100 000³ points', args: ['validate', 'tiny.yaml'], setup: (_r, p) => writeFileSync(join(p, 'tiny.yaml'), withSweep('sweep:\n  parameters:\n    strategy.steering: {from: 0, to: 1, steps: 100000}\n    strategy.serving: {from: 0, to: 1, steps: 100000}\n    strategy.buffer: {from: 0, to: 1, steps: 100000}\n')), code: 2, message: /^tiny\.yaml: sweep: expected a design of at most 100000 points, found 1000000000000000 points$/ },
  { what: 'an lhs of a million samples', args: ['run', 'tiny.yaml', '--set', 'sweep={design: lhs, samples: 1000000, parameters: {strategy.steering: {from: 0, to: 1}}}', ...QUIET], code: 2, message: /^--set: sweep: expected a design of at most 100000 points/ },
  { what: 'more than ten million runs', args: ['run', 'tiny.yaml', '--replications', '1000000', '--set', 'sweep.parameters.strategy.steering={from: 0, to: 1, steps: 11}', ...QUIET], code: 2, message: /^--replications: expected at most 10000000 runs in all \(points × replications\), found 11 points × 1000000 = 11000000 runs$/ },
  { what: 'a population of 1000 × 1 000 000 residents', args: ['run', 'tiny.yaml', '--set', 'population={neighbourhoods: 1000, households: 1000000}', ...QUIET], code: 2, message: /^--set: population: expected a run that fits in this machine's memory .*\(1000000000 residents, 8050000000 ties at point "steering=0\.2"\)/ },
  // the tie count is a whole number: 10⁹ residents × (8 + 0.05 bridges), not 8050000000.000001
  { what: 'a population of 1000 × 1 000 000 in the file', setup: (_r, p) => writeFileSync(join(p, 'big.yaml'), TINY.replace(/population:[\s\S]*?sweep:/, 'population: {neighbourhoods: 1000, households: 1000000}\nsweep:')), args: ['run', 'big.yaml', ...QUIET], code: 2, message: /^big\.yaml: population: expected a run that fits in this machine's memory .*\(1000000000 residents, 8050000000 ties at point "steering=0\.2"\)/ },
  { what: 'a complete network of 200 000 residents', args: ['run', 'tiny.yaml', '--set', 'population={neighbourhoods: 2, households: 100000}', '--set', 'network.kind=complete', ...QUIET], code: 2, message: /^--set: population: expected a run that fits in this machine's memory .*200000 residents, 39999800000 ties/ },
  { what: '--workers 1024', args: ['run', 'tiny.yaml', '--quiet', '--no-report', '--workers', '1024'], code: 2, message: /^--workers: expected at most \d+ \(4 per available core/ },
  { what: '--workers 1025', args: ['run', 'tiny.yaml', '--quiet', '--no-report', '--workers', '1025'], code: 2, message: /^--workers: expected a whole number from 1 to 1024, found 1025$/ },
  { what: '--workers 0', args: ['run', 'tiny.yaml', '--quiet', '--workers', '0'], code: 2, message: /^--workers: expected a whole number of at least 1, found "0"$/ },

  // Text limits
  { what: 'a 10 000-character scenario name', args: ['run', 'tiny.yaml', '--set', `name=${'n'.repeat(10_000)}`, ...QUIET], code: 2, message: /^--set: name: expected text on one line of at most 100 characters, without control characters, found "n{50}"… \(10000 characters\)$/ },
  { what: 'a 100 000-character description', files: { [`${P}/long.yaml`]: `description: ${'d'.repeat(100_000)}\n` }, args: ['validate', 'long.yaml'], code: 2, message: /^long\.yaml: description: expected text of at most 2000 characters/ },
  // Control characters: a name is printed to the terminal ("draagvlak: 6 runs of NAME in …"), where
  // an escape sequence would clear the screen or overwrite what was printed before
  { what: 'a scenario name with terminal escapes', files: { [`${P}/esc.yaml`]: 'name: "x\\u001b[2J\\u001b[31mred\\rOVER"\nhorizon: 10\nreplications: 2\npopulation: {households: 20}\n' }, args: ['run', 'esc.yaml', ...QUIET], code: 2, message: /^esc\.yaml: name: expected text on one line of at most 100 characters, without control characters, found "x\\u001b\[2J\\u001b\[31mred\\rOVER"$/ },
  { what: 'an escape in a name given by --set', args: ['run', 'tiny.yaml', '--set', 'name=a\u001bb', ...QUIET], code: 2, message: /^--set: name: expected text on one line .*, found "a\\u001bb"$/ },
  { what: 'an intervention name over two lines', files: { [`${P}/two.yaml`]: 'interventions:\n  - {name: "one\\ntwo", at: 3, action: evening}\n' }, args: ['validate', 'two.yaml'], code: 2, message: /^two\.yaml: interventions\[0\]\.name: expected some text on one line/ },
  { what: 'a bell in a description (tabs and line breaks are welcome there)', files: { [`${P}/bell.yaml`]: 'description: "two\\nlines\\tand a bell\\a"\n' }, args: ['validate', 'bell.yaml'], code: 2, message: /^bell\.yaml: description: expected text of at most 2000 characters, without control characters other than tabs and line breaks, found "two\\nlines\\tand a bell\\u0007"$/ },
  { what: 'a swept value given twice', files: { [`${P}/dup.yaml`]: 'sweep:\n  parameters:\n    strategy.steering: [0.5, 0.5]\n' }, args: ['validate', 'dup.yaml'], code: 2, message: /^dup\.yaml: sweep\.parameters\.strategy\.steering\[1\]: expected a value not given before in the list, found 0\.5 again$/ },
  { what: 'a compared strategy with a long name', files: { [`${P}/long.yaml`]: `compare:\n  - name: ${'s'.repeat(500)}\n    preset: classic\n` }, args: ['validate', 'long.yaml'], code: 2, message: /^long\.yaml: compare\[0\]\.name: expected some text on one line of at most 100 characters/ },
  { what: 'a scenario file over 1 MB', files: { [`${P}/big.yaml`]: `# ${'x'.repeat(1_100_000)}\nname: big\n` }, args: ['validate', 'big.yaml'], code: 2, message: /^big\.yaml: expected a scenario file of at most 1000000 bytes, found 110\d{4} bytes$/ },

  // Paths that are not regular files
  { what: 'validate on a FIFO', setup: (_r, p) => execFileSync('mkfifo', [join(p, 'fifo.yaml')]), args: ['validate', 'fifo.yaml'], code: 2, message: /^fifo\.yaml: expected a scenario file \(a regular file\), found a FIFO \(named pipe\)$/ },
  { what: 'run on a FIFO', setup: (_r, p) => execFileSync('mkfifo', [join(p, 'fifo.yaml')]), args: ['run', 'fifo.yaml', ...QUIET], code: 2, message: /found a FIFO/ },
  { what: 'validate on /dev/zero', args: ['validate', '/dev/zero'], code: 2, message: /^\/dev\/zero: expected a scenario file \(a regular file\), found a character device$/ },
  { what: 'run on /dev/zero', args: ['run', '/dev/zero', ...QUIET, '--out', 'z'], code: 2, message: /found a character device/ },
  { what: 'validate on a directory', setup: (_r, p) => mkdirSync(join(p, 'dir.yaml')), args: ['validate', 'dir.yaml'], code: 2, message: /found a directory$/ },
  { what: 'a scenario file that does not exist', args: ['validate', 'nope.yaml'], code: 2, message: /^nope\.yaml: expected a readable scenario file, found no such file$/ },

  // Malformed scenarios and options
  { what: 'a YAML list instead of a mapping', files: { [`${P}/list.yaml`]: '- a\n- b\n' }, args: ['validate', 'list.yaml'], code: 2, message: /^list\.yaml: expected a mapping of scenario fields/ },
  { what: 'binary garbage', files: { [`${P}/bin.yaml`]: '\u0000\u0001\u0002{{{[[[' }, args: ['validate', 'bin.yaml'], code: 2, message: /^bin\.yaml: expected / },
  // bytes that are not UTF-8 were read as U+FFFD, changing a name without a word
  { what: 'a file saved in Latin-1', setup: (_r, p) => writeFileSync(join(p, 'latin.yaml'), Buffer.from('name: x\nquestion: caf\xe9 ou th\xe9?\n', 'latin1')), args: ['validate', 'latin.yaml'], code: 2, message: /^latin\.yaml: line 2, column 14: expected UTF-8 text \(save the file as UTF-8\), found the byte e9, which is not UTF-8$/ },
  { what: 'a byte that is never UTF-8, in run', setup: (_r, p) => writeFileSync(join(p, 'ff.yaml'), Buffer.concat([Buffer.from('name: '), Buffer.from([0xff]), Buffer.from('\n')])), args: ['run', 'ff.yaml', ...QUIET], code: 2, message: /^ff\.yaml: line 1, column 7: expected UTF-8 text \(save the file as UTF-8\), found the byte ff, which is not UTF-8$/ },
  { what: 'a file cut inside a character', setup: (_r, p) => writeFileSync(join(p, 'cut.yaml'), Buffer.from('name: x\n\xe2\x82', 'latin1')), args: ['validate', 'cut.yaml'], code: 2, message: /^cut\.yaml: line 2, column 1: expected UTF-8 text .*found the bytes e2 82, which are not UTF-8$/ },
  { what: 'a byte order mark is fine', setup: (_r, p) => writeFileSync(join(p, 'bom.yaml'), '\ufeffname: bom\n'), args: ['validate', 'bom.yaml'], code: 0, message: null, check: (_r, o) => expect(o.stdout).toBe('ok bom.yaml (1 point × 20 replications)\n') },
  { what: 'deeply nested lists', files: { [`${P}/deep.yaml`]: `name: ${'['.repeat(5000)}${']'.repeat(5000)}\n` }, args: ['validate', 'deep.yaml'], code: 2, message: /^deep\.yaml: line 1, column \d+: expected valid YAML, found a syntax error/ },
  { what: '--set without =', args: ['run', 'tiny.yaml', '--set', 'strategy.steering', ...QUIET], code: 2, message: /^--set: expected path=value/ },
  { what: '--seed -1', args: ['run', 'tiny.yaml', '--seed', '-1', ...QUIET], code: 2, message: /^--seed: expected a whole number from 0 to 4294967295, found "-1"$/ },
  // a whole number, but too large: the same range as a seed in the file, not "at least 0"
  { what: '--seed 99999999999999999999', args: ['run', 'tiny.yaml', '--seed', '99999999999999999999', ...QUIET], code: 2, message: /^--seed: expected a whole number from 0 to 4294967295, found "99999999999999999999"$/ },
  { what: '--seed 4294967296', args: ['run', 'tiny.yaml', '--seed', '4294967296', ...QUIET], code: 2, message: /^--seed: expected a whole number from 0 to 4294967295, found "4294967296"$/ },
  { what: '--replications 20000000', args: ['run', 'tiny.yaml', '--replications', '20000000', ...QUIET], code: 2, message: /^--replications: expected a whole number from 1 to 1000000, found "20000000"$/ },
  { what: 'a misspelt option', args: ['run', 'tiny.yaml', '--replicatoins', '2', ...QUIET], code: 2, message: /^draagvlak run: unknown option '--replicatoins' \(did you mean --replications\?\); draagvlak run --help for usage$/ },
  { what: 'a misspelt command', args: ['rn', 'tiny.yaml'], code: 2, message: /^draagvlak: unknown command 'rn' \(did you mean run\?\); draagvlak --help for usage$/ },
  { what: '--replications 0', args: ['run', 'tiny.yaml', '--replications', '0', ...QUIET], code: 2, message: /^--replications: expected a whole number from 1 to 1000000, found "0"$/ },

  // The results folder
  { what: '--out below a file (afile/sub)', files: { [`${P}/afile`]: 'mine\n' }, args: ['run', 'tiny.yaml', ...QUIET, '--out', 'afile/sub'], code: 2, message: /^--out afile\/sub: .*\/afile is a file, so .*afile\/sub cannot be a folder$/ },
  { what: '--out a file', files: { [`${P}/notes.txt`]: 'mine\n' }, args: ['run', 'tiny.yaml', ...QUIET, '--out', 'notes.txt'], code: 2, message: /^--out notes\.txt: .*notes\.txt is a file, not a folder$/ },
  { what: '--out a folder of the user\'s', files: { [`${P}/docs/keep.md`]: 'mine\n' }, args: ['run', 'tiny.yaml', ...QUIET, '--out', 'docs'], code: 2, message: /^--out docs: .* exists and is not a draagvlak results folder/ },
  { what: '--out a symlink to a folder elsewhere: written there, the link untouched', setup: (r, p) => { mkdirSync(join(r, 'scratch')); symlinkSync(join(r, 'scratch'), join(p, 'link')); }, args: ['run', 'tiny.yaml', ...QUIET, '--out', 'link'], code: 0, message: null, writes: 'scratch', check: (r) => expect(readdirSync(join(r, 'scratch'))).toContain('runs.csv') },
  { what: '--out through a symlink to a file', files: { target: 'mine\n' }, setup: (r, p) => symlinkSync(join(r, 'target'), join(p, 'link')), args: ['run', 'tiny.yaml', ...QUIET, '--out', 'link'], code: 2, message: /^--out link: .*\/target \(.*\/link resolved\) is a file, not a folder$/ },
  { what: '--out a dangling symlink', setup: (r, p) => symlinkSync(join(r, 'gone'), join(p, 'link')), args: ['run', 'tiny.yaml', ...QUIET, '--out', 'link'], code: 2, message: /^--out link: .*\/link is a symlink to nothing$/ },
  { what: '--out a symlink to a folder of the user\'s', files: { 'mine/keep.md': 'mine\n' }, setup: (r, p) => symlinkSync(join(r, 'mine'), join(p, 'link')), args: ['run', 'tiny.yaml', ...QUIET, '--out', 'link'], code: 2, message: /^--out link: .*\/mine \(.*\/link resolved\) exists and is not a draagvlak results folder/ },
  { what: '--out an absolute path outside the project', args: ['run', 'tiny.yaml', ...QUIET, '--out', '../elsewhere'], code: 0, message: null, writes: 'elsewhere' },
  { what: '--resume where nothing was run', args: ['run', 'tiny.yaml', ...QUIET, '--resume'], code: 2, message: /^--resume: .*results\/tiny does not exist, so there is nothing to resume$/ },
  { what: 'a folder held by a live run (this test process)', setup: (_r, p) => { mkdirSync(join(p, 'out')); writeFileSync(join(p, 'out', LOCK), lockOf(process.pid)); }, args: ['run', 'tiny.yaml', ...QUIET, '--out', 'out'], code: 2, message: /^--out .*\/out: in use by another draagvlak run \(pid \d+ on .*, since 2026-01-01T00:00:00\.000Z\); wait for it to finish/ },
  { what: 'a folder held by a run on another host (its lock just refreshed)', setup: (_r, p) => { mkdirSync(join(p, 'out')); writeFileSync(join(p, 'out', LOCK), lockOf(1, 'elsewhere.example')); }, args: ['run', 'tiny.yaml', ...QUIET, '--out', 'out'], code: 2, message: /in use by another draagvlak run \(pid 1 on elsewhere\.example/ },
  { what: 'a lock of another host not refreshed for 10 minutes is taken over', setup: (_r, p) => { mkdirSync(join(p, 'out')); writeFileSync(join(p, 'out', LOCK), lockOf(1, 'elsewhere.example')); const then = Date.now() / 1000 - 600; utimesSync(join(p, 'out', LOCK), then, then); }, args: ['run', 'tiny.yaml', ...QUIET, '--out', 'out'], code: 0, message: null, writes: `${P}/out`, check: (r) => expect(existsSync(join(r, P, 'out', LOCK))).toBe(false) },
  { what: 'a stale lock of a killed run is taken over', setup: (_r, p) => { mkdirSync(join(p, 'out')); writeFileSync(join(p, 'out', LOCK), lockOf(deadPid())); }, args: ['run', 'tiny.yaml', ...QUIET, '--out', 'out'], code: 0, message: null, writes: `${P}/out`, check: (r) => expect(existsSync(join(r, P, 'out', LOCK))).toBe(false) },
  // a run creates its lock file, then writes its name into it: a second run that looks in between must stay out
  { what: 'a lock file that names no run yet (a run starting) keeps a second run out', setup: (_r, p) => { mkdirSync(join(p, 'out')); writeFileSync(join(p, 'out', LOCK), ''); }, args: ['run', 'tiny.yaml', ...QUIET, '--out', 'out'], code: 2, message: /^--out .*\/out: in use by another draagvlak run \(one starting: its lock file names no run yet\); wait for it to finish, or if that run is gone remove .*\/out\/\.draagvlak\.lock$/ },
  { what: 'a lock file that names no run, not modified for 10 minutes (its run killed as it started), is taken over', setup: (_r, p) => { mkdirSync(join(p, 'out')); writeFileSync(join(p, 'out', LOCK), ''); const then = Date.now() / 1000 - 600; utimesSync(join(p, 'out', LOCK), then, then); }, args: ['run', 'tiny.yaml', ...QUIET, '--out', 'out'], code: 0, message: null, writes: `${P}/out`, check: (r) => expect(existsSync(join(r, P, 'out', LOCK))).toBe(false) },
  { what: 'only manifest.json.<pid>.tmp left by a kill: a fresh run starts', setup: (_r, p) => { mkdirSync(join(p, 'out')); writeFileSync(join(p, 'out', 'manifest.json.4242.tmp'), '{"gen'); }, args: ['run', 'tiny.yaml', ...QUIET, '--out', 'out'], code: 0, message: null, writes: `${P}/out`, check: (r) => expect(readdirSync(join(r, P, 'out')).filter((f) => f.endsWith('.tmp'))).toEqual([]) },
  { what: 'only manifest.json.<pid>.tmp left by a kill: --resume starts afresh', setup: (_r, p) => { mkdirSync(join(p, 'out')); writeFileSync(join(p, 'out', 'manifest.json.4242.tmp'), '{"gen'); }, args: ['run', 'tiny.yaml', ...QUIET, '--out', 'out', '--resume'], code: 0, message: null, writes: `${P}/out` },

  // A manifest draagvlak wrote, changed by hand since: refused naming the field, before anything is read or written
  { what: 'report of a folder whose manifest has a scenario of the wrong type', setup: (_r, p) => finishedWith(p, (m) => ({ ...m, scenario: 'x' })), args: ['report', 'out'], code: 2, message: /^draagvlak report: out\/manifest\.json: scenario: expected a mapping, found "x"; restore it, or run the scenario again$/ },
  { what: 'report of an unfinished folder whose manifest note is a number', setup: (_r, p) => finishedWith(p, (m) => ({ ...m, complete: false, note: 5 })), args: ['report', 'out'], code: 2, message: /^draagvlak report: out\/manifest\.json: note: expected text, found 5;/ },
  { what: '--resume into a folder whose manifest has no execution', setup: (_r, p) => finishedWith(p, (m) => ({ ...m, complete: false, execution: null })), args: ['run', 'tiny.yaml', ...QUIET, '--out', 'out', '--resume'], code: 2, message: /^--out out: .*\/out\/manifest\.json: execution: expected a mapping, found null; restore it, or choose another folder or empty it$/ },
  { what: 'a fresh run into a folder whose manifest lists files as one text', setup: (_r, p) => finishedWith(p, (m) => ({ ...m, files: 'runs.csv' })), args: ['run', 'tiny.yaml', ...QUIET, '--out', 'out'], code: 2, message: /^--out out: .*manifest\.json: files: expected a list of file names, found "runs\.csv";/ },
  { what: 'merge of a shard whose manifest has a shard index that is text', setup: (_r, p) => finishedWith(p, (m) => ({ ...m, shard: { index: 'a', count: 2, block: 1, runs: 3 } })), args: ['merge', 'merged', 'out'], code: 2, message: /^.*\/out\/manifest\.json: shard\.index: expected a whole number, found "a"; restore it, or run the shard again$/ },

  // a header cut short names a column draagvlak never writes: refused before summary.csv or report.html are rewritten
  { what: 'report of a folder whose initiatives.csv was cut inside its header', setup: (_r, p) => {
    execFileSync(process.execPath, [BIN, 'run', 'tiny.yaml', ...QUIET, '--out', 'out'], { cwd: p });
    const file = join(p, 'out', 'initiatives.csv');
    const header = readFileSync(file, 'utf8').split('\n')[0];
    writeFileSync(file, header.slice(0, header.indexOf('members_at_formalisation') + 'members_at_form'.length));
  }, args: ['report', 'out'], code: 2, message: /^draagvlak report: out\/initiatives\.csv: expected the columns draagvlak writes in initiatives\.csv \(docs\/results\.md\), found "members_at_form"$/ },

  // charts/ (or the journal) as a symlink out of the folder: a run deleted the listed charts in the folder it points to
  { what: 'a run into a folder whose charts/ is a symlink to a folder of the user\'s', setup: chartsLinkedOut, args: ['run', 'tiny.yaml', ...QUIET, '--out', 'out'], code: 2, message: /^--out out: .*\/out\/charts is a symlink \(to .*\/mine\); draagvlak writes and deletes its files in charts, so it must be a folder inside the results folder: remove the link, or choose another folder$/ },
  { what: 'report of a folder whose charts/ is a symlink', setup: chartsLinkedOut, args: ['report', 'out'], code: 2, message: /^draagvlak report: out\/charts is a symlink \(to .*\/mine\);/ },
  { what: 'a resumed run whose journal .parts is a symlink', setup: (r, p) => {
    mkdirSync(join(r, 'mine'));
    writeFileSync(join(r, 'mine', 'keep.txt'), 'mine');
    mkdirSync(join(p, 'out'));
    execFileSync(process.execPath, [BIN, 'run', 'tiny.yaml', ...QUIET, '--out', 'out'], { cwd: p });
    symlinkSync(join(r, 'mine'), join(p, 'out', '.parts'));
  }, args: ['run', 'tiny.yaml', ...QUIET, '--out', 'out', '--resume'], code: 2, message: /^--out out: .*\/out\/\.parts is a symlink \(to .*\/mine\);/ },

  // a table cut short at the end of a line was summarised as a smaller study without a word
  { what: 'report of a folder whose runs.csv lost its last line', setup: (_r, p) => {
    execFileSync(process.execPath, [BIN, 'run', 'tiny.yaml', ...QUIET, '--out', 'out'], { cwd: p });
    const file = join(p, 'out', 'runs.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/[^\n]*\n$/, ''));
  }, args: ['report', 'out'], code: 2, message: /^draagvlak report: out\/runs\.csv: expected 6 runs \(manifest\.json: 6 runs, 0 failed\), found 5; the file was cut short or changed$/ },
  { what: 'report of a folder whose initiatives.csv lost its last line', setup: (_r, p) => {
    execFileSync(process.execPath, [BIN, 'run', 'tiny.yaml', ...QUIET, '--out', 'out'], { cwd: p });
    const file = join(p, 'out', 'initiatives.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/[^\n]*\n$/, ''));
  }, args: ['report', 'out'], code: 2, message: /^draagvlak report: out\/initiatives\.csv: expected 12 initiatives \(the initiatives column of runs\.csv\), found 11; the file was cut short or changed$/ },

  // What draagvlak did not write survives a run into its folder
  { what: "the user's own file in charts/ survives a fresh run into a results folder", setup: (_r, p) => {
    execFileSync(process.execPath, [BIN, 'run', 'tiny.yaml', '--quiet', '--workers', '1', '--out', 'out'], { cwd: p });
    writeFileSync(join(p, 'out', 'charts', 'my-figure.svg'), '<svg/>');
    writeFileSync(join(p, 'out', 'notes.md'), 'mine\n');
  }, args: ['run', 'tiny.yaml', '--quiet', '--workers', '1', '--out', 'out', '--seed', '9'], code: 0, message: null, writes: `${P}/out`, check: (r) => {
    expect(readFileSync(join(r, P, 'out', 'charts', 'my-figure.svg'), 'utf8')).toBe('<svg/>');
    expect(readFileSync(join(r, P, 'out', 'notes.md'), 'utf8')).toBe('mine\n');
    expect(readdirSync(join(r, P, 'out', 'charts'))).toContain('reach-curve.png');
  } },
  { what: "a --no-report run into a folder with a report removes draagvlak's charts, not the user's", setup: (_r, p) => {
    execFileSync(process.execPath, [BIN, 'run', 'tiny.yaml', '--quiet', '--workers', '1', '--out', 'out'], { cwd: p });
    writeFileSync(join(p, 'out', 'charts', 'my-figure.svg'), '<svg/>');
  }, args: ['run', 'tiny.yaml', ...QUIET, '--out', 'out'], code: 0, message: null, writes: `${P}/out`, check: (r) => {
    expect(readdirSync(join(r, P, 'out', 'charts'))).toEqual(['my-figure.svg']);
    expect(existsSync(join(r, P, 'out', 'report.html'))).toBe(false);
  } },
  { what: 'a stale report.html.<pid>.tmp in a finished folder is cleaned by the next run', setup: (_r, p) => {
    execFileSync(process.execPath, [BIN, 'run', 'tiny.yaml', ...QUIET, '--out', 'out'], { cwd: p });
    writeFileSync(join(p, 'out', 'report.html.999999.tmp'), '<html');
  }, args: ['run', 'tiny.yaml', ...QUIET, '--out', 'out'], code: 0, message: null, writes: `${P}/out`, check: (r) => expect(readdirSync(join(r, P, 'out')).some((f) => f.endsWith('.tmp'))).toBe(false) },
  { what: 'a stale summary.csv.<pid>.tmp is cleaned by --resume of a finished folder', setup: (_r, p) => {
    execFileSync(process.execPath, [BIN, 'run', 'tiny.yaml', ...QUIET, '--out', 'out'], { cwd: p });
    writeFileSync(join(p, 'out', 'summary.csv.999999.tmp'), 'point,');
  }, args: ['run', 'tiny.yaml', ...QUIET, '--out', 'out', '--resume'], code: 0, message: null, writes: `${P}/out`, check: (r) => expect(readdirSync(join(r, P, 'out')).some((f) => f.endsWith('.tmp'))).toBe(false) },
  { what: 'a user file that merely ends in .tmp is not draagvlak\'s and stays', setup: (_r, p) => {
    execFileSync(process.execPath, [BIN, 'run', 'tiny.yaml', ...QUIET, '--out', 'out'], { cwd: p });
    writeFileSync(join(p, 'out', 'draft.tmp'), 'mine');
  }, args: ['run', 'tiny.yaml', ...QUIET, '--out', 'out'], code: 0, message: null, writes: `${P}/out`, check: (r) => expect(readFileSync(join(r, P, 'out', 'draft.tmp'), 'utf8')).toBe('mine') },
  { what: '--resume with another seed is refused, nothing changed', setup: (_r, p) => {
    execFileSync(process.execPath, [BIN, 'run', 'tiny.yaml', ...QUIET, '--out', 'out'], { cwd: p });
  }, args: ['run', 'tiny.yaml', ...QUIET, '--out', 'out', '--resume', '--seed', '77'], code: 2, message: /^--resume: the scenario differs from the one this folder was started with/ },

  // CSV injection and markup in names
  { what: 'a strategy named =HYPERLINK(…) is guarded in every CSV', files: { [`${P}/inj.yaml`]: `${TINY.replace(/sweep:[\s\S]*$/, '')}compare:\n  - {name: '=HYPERLINK("http://x.example","y")', preset: classic}\n  - {name: '@SUM(A1)', preset: cooperative}\n  - {name: '-2+3', preset: laissez-faire}\n` }, args: ['run', 'inj.yaml', '--quiet', '--workers', '1', '--out', 'out'], code: 0, message: null, writes: `${P}/out`, check: (r) => {
    for (const f of ['runs.csv', 'initiatives.csv', 'series.csv', 'summary.csv']) {
      const text = readFileSync(join(r, P, 'out', f), 'utf8');
      expect(text, f).toContain(`"'=HYPERLINK(""http://x.example"",""y"")"`);
      // summary.csv guards the names as runs.csv does (a reader takes the guard off: unguard).
      expect(text, f).toMatch(/(^|,)"'@SUM\(A1\)",/m);
      expect(text, f).toMatch(/(^|,)"'-2\+3",/m);
      expect(text, f).not.toMatch(/(^|,)"?[=@+\t\r]/m);
    }
  } },
  { what: 'a scenario name with markup is escaped in the report', args: ['run', 'tiny.yaml', '--quiet', '--workers', '1', '--out', 'out', '--set', 'name=<script>alert(1)</script>'], code: 0, message: null, writes: `${P}/out`, check: (r) => {
    const html = readFileSync(join(r, P, 'out', 'report.html'), 'utf8');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;script&gt;alert(1)');
  } },

  // Failures and internal errors
  { what: 'every run fails: failures.csv, no report, no stack trace', args: ['run', 'tiny.yaml', '--quiet', '--workers', '1'], env: { DRAAGVLAK_FAIL_RUN: '0:0,0:1,1:0,1:1,2:0,2:1' }, code: 1, message: /draagvlak: every run failed, so there is no summary, chart or report$/, writes: `${P}/results`, check: (r, o) => {
    expect(o.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(r, P, 'results/tiny/failures.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(7);
    expect(existsSync(join(r, P, 'results/tiny/report.html'))).toBe(false);
  } },
  // A part is renamed into place only when whole, so a damaged one was changed outside draagvlak:
  // bad input (exit 2, nothing written), named with what to do, not an internal error
  ...([
    ['garbage', 'garbage', /is not a result part/],
    ['cut short', 'draagvlak-part 2 50 0 0 0 0\nrun,', /is cut short or changed \(32 bytes, its header gives 78\)/],
  ] as const).map(([kind, bytes, why]): Case => ({ what: `a result part that is ${kind}, on --resume`, setup: (_r, p) => {
    const dir = join(p, 'out');
    execFileSync(process.execPath, [BIN, 'run', 'tiny.yaml', ...QUIET, '--out', 'out'], { cwd: p });
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, complete: false }));
    mkdirSync(join(dir, '.parts'), { recursive: true });
    writeFileSync(join(dir, '.parts', '0000000000-0000000006.part'), bytes);
  }, args: ['run', 'tiny.yaml', ...QUIET, '--out', 'out', '--resume'], code: 2, message: new RegExp(`^--resume: .*out/\\.parts/0000000000-0000000006\\.part ${why.source}; remove it, and --resume runs its runs again$`) })),
];

describe('hostile and unlucky cases: exit code, one line, nothing else changed', () => {
  it.each(CASES.map((c) => [c.what, c] as const))('%s', (_what, c) => {
    const root = workdir({ [`${P}/tiny.yaml`]: TINY, ...c.files });
    const project = join(root, P);
    c.setup?.(root, project);
    const before = snapshot(root, c.writes ? [c.writes] : []);
    const outcome = run(c.args, project, c.env);
    if (c.message) {
      const lines = outcome.stderr.trimEnd().split('\n');
      expect(lines[lines.length - 1]).toMatch(c.message);
      if (c.code !== 1) expect(lines).toHaveLength(1);
    } else expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(c.code);
    expect(snapshot(root, c.writes ? [c.writes] : [])).toEqual(before);
    c.check?.(root, outcome);
  });
});
