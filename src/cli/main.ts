import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { RUN_SETTINGS } from '../model/parameters.js';
import { packageVersion } from '../run/manifest.js';
import { EXIT } from './exit.js';

/** The parser of an option that takes a whole number from `min` (to `max`, when given). */
function whole(name: string, min: number, max?: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < min || (max !== undefined && n > max)) {
      const range = max === undefined ? `of at least ${min}` : `from ${min} to ${max}`;
      throw new InvalidArgumentError(`${name}: expected a whole number ${range}, found ${JSON.stringify(value)}`);
    }
    return n;
  };
}

/** `--seed` and `--replications` take what a scenario's seed and replications may be (RUN_SETTINGS). */
const seed = whole('--seed', RUN_SETTINGS.seed.min, RUN_SETTINGS.seed.max);
const replications = whole('--replications', RUN_SETTINGS.replications.min, RUN_SETTINGS.replications.max);

/**
 * A usage error of the argument parser as the one line bad input gets: an option's bad value as
 * its parser worded it (`--workers: expected …, found "0"`), anything else (an unknown option or
 * command, a missing argument) as the parser says it, with its hint, then where the usage is.
 */
function usageLine(err: CommanderError, argv: string[], program: Command): string {
  if (err.code === 'commander.invalidArgument') return err.message.replace(/^[\s\S]*? is invalid\. /, '');
  const sub = program.commands.find((c) => c.name() === argv[2]);
  const command = `draagvlak${sub ? ` ${sub.name()}` : ''}`;
  const text = err.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').replace('(Did you mean', '(did you mean').replace(/\.$/, '');
  return `${command}: ${text}; ${command} --help for usage`;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/**
 * The `draagvlak` command; each subcommand's code is loaded only when it runs, so `--version` and
 * `--help` start fast. Returns the exit code (EXIT): 0 done, 1 runs failed, 2 bad input (nothing
 * written), 70 internal error, 74 disk failed mid-run, 130 interrupted.
 */
export async function main(argv: string[]): Promise<number> {
  for (const stream of [process.stdout, process.stderr]) {
    if (!stream.listeners('error').includes(dropOnClosedPipe)) stream.on('error', dropOnClosedPipe);
  }
  try {
    return await command(argv);
  } catch (err) {
    return internalError(err);
  }
}

/**
 * A reader that stops early (`draagvlak schema | head`) closes the pipe: what is still to be
 * printed is dropped, quietly, and the command ends as it would have. Any other failure to print
 * stays an error.
 */
function dropOnClosedPipe(err: NodeJS.ErrnoException): void {
  if (err.code !== 'EPIPE') throw err;
}

/** A bug, not bad input: one line saying so (the stack trace with DRAAGVLAK_DEBUG=1), exit code 70. */
export function internalError(err: unknown): number {
  const message = String(err instanceof Error ? err.message : err).split('\n')[0];
  process.stderr.write(`draagvlak: internal error: ${message} (a bug in draagvlak; DRAAGVLAK_DEBUG=1 shows where)\n`);
  if (process.env.DRAAGVLAK_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  return EXIT.internal;
}

async function command(argv: string[]): Promise<number> {
  let code = 0;
  const program = new Command('draagvlak')
    .description('Agent-based simulation of cooperative programme management: when do local initiatives reach the support threshold?')
    .version(packageVersion())
    .exitOverride()
    // usage errors are told in one line, by usageLine
    .configureOutput({ outputError: () => {} });

  program
    .command('run')
    .description('run a scenario (every point and replicate) and write its results folder')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .option('--set <path=value>', 'override a scenario field, e.g. --set strategy.steering=0.8 (repeatable)', collect, [])
    .option('--seed <n>', 'scenario seed (replaces the file\'s)', seed)
    .option('--replications <n>', 'replications per point (replaces the file\'s)', replications)
    .option('--out <dir>', 'results folder (default: results/<scenario file name without extension>, e.g. results/baseline for scenarios/baseline.yaml)')
    .addOption(new Option('--workers <n>', 'worker threads (default: available cores); a plan too small for threads, or short runs asked of one thread, run without').argParser(whole('--workers', 1)))
    .option('--resume', 'continue an interrupted run in the results folder')
    .option('--quiet', 'no progress output')
    .option('--no-report', 'skip summary.csv, charts and report.html')
    .option('--png', 'draw a PNG beside each chart\'s SVG (the default)')
    .option('--no-png', 'charts as SVG and Vega-Lite only, no PNG')
    .option('--force', 'run even when the estimated memory exceeds what this machine has')
    .option('--series <which>', 'weekly series to write: all, none, or every:N (weeks that are multiples of N, always week 0 and the horizon)', 'all')
    .option('--format <formats>', 'result tables as csv, parquet (instead of CSV) or csv,parquet (both)', 'csv')
    .option('--shard <I/N>', 'run only the I-th of N shares of the runs (default folder results/<scenario file name>.shards/I); join them with draagvlak merge')
    .option('--lang <lang>', 'language of the report and its charts: en or nl', 'en')
    .action(async (file: string, opts) => {
      const { runCommand } = await import('./run.js');
      code = await runCommand(file, opts);
    });

  program
    .command('merge')
    .description('join the folders of `run --shard I/N` into the results folder one unsplit run writes, byte for byte')
    .argument('<out>', 'results folder to write: any path, under the rules of run --out (a new or empty folder, or an earlier results folder)')
    .argument('<shards...>', 'the shard folders')
    .option('--no-report', 'skip summary.csv, charts and report.html')
    .option('--lang <lang>', 'language of the report and its charts: en or nl', 'en')
    .action(async (out: string, shards: string[], opts) => {
      const { mergeCommand } = await import('./merge.js');
      code = await mergeCommand(out, shards, opts);
    });

  program
    .command('slurm')
    .description('write an sbatch script that runs a scenario on a Slurm cluster as N shards (a job array), then merges them')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .requiredOption('--tasks <n>', 'array tasks (shards)', whole('--tasks', 1))
    .option('--time <limit>', 'time limit of each task, e.g. 2:00:00 (default: the partition\'s)')
    .option('--mem <size>', 'memory of each task, e.g. 4G (default: the partition\'s)')
    .addOption(new Option('--cpus <n>', 'CPUs (and worker threads) per task').default(1).argParser(whole('--cpus', 1)))
    .option('--set <path=value>', 'override a scenario field (repeatable)', collect, [])
    .option('--seed <n>', 'scenario seed (replaces the file\'s)', seed)
    .option('--replications <n>', 'replications per point (replaces the file\'s)', replications)
    .option('--out <dir>', 'merged results folder (default: results/<scenario file name without extension>); shards go to <dir>.shards/')
    .option('--script <file>', 'where to write the script (default: draagvlak-<scenario file name>.sbatch)')
    .option('--series <which>', 'weekly series the shards write: all, none, or every:N', 'all')
    .option('--format <formats>', 'result tables as csv, parquet, or csv,parquet', 'csv')
    .action(async (file: string, opts) => {
      const { slurmCommand } = await import('./slurm.js');
      code = slurmCommand(file, opts);
    });

  program
    .command('validate')
    .description('check scenario files; one line per problem')
    .argument('<files...>', 'scenario files')
    .action(async (files: string[]) => {
      const { validateCommand } = await import('./validate.js');
      code = validateCommand(files);
    });

  program
    .command('schema')
    .description('print the scenario JSON Schema (for editors)')
    .action(async () => {
      const { schemaCommand } = await import('./schema.js');
      code = schemaCommand();
    });

  program
    .command('report')
    .description('(re)build summary.csv, charts and report.html of a results folder')
    .argument('<dir>', 'results folder')
    .option('--png', 'draw a PNG beside each chart\'s SVG (the default)')
    .option('--no-png', 'charts as SVG and Vega-Lite only, no PNG')
    .option('--quiet', 'print nothing but problems')
    .option('--lang <lang>', 'language of the report and its charts: en or nl', 'en')
    .action(async (dir: string, opts: { png?: boolean; quiet?: boolean; lang?: string }) => {
      const { reportCommand } = await import('./report.js');
      code = await reportCommand(dir, { png: opts.png, quiet: opts.quiet, lang: opts.lang });
    });

  program
    .command('studio')
    .description('write the studio: the model live in one offline HTML page, with levers, interventions and a doing-nothing twin')
    .argument('[scenario]', 'scenario file to start from (default: the default parameters)')
    .option('--out <file>', 'where to write the page (default: results/studio.html)')
    .option('--lang <lang>', 'language of the page: en or nl', 'en')
    .option('--serve', 'also serve the page on localhost until Ctrl+C')
    .option('--port <n>', 'port to serve on with --serve (default: a free one)')
    .action(async (scenario: string | undefined, opts) => {
      const { studioCommand } = await import('./studio.js');
      code = await studioCommand(scenario, opts);
    });

  program
    .command('patterns')
    .description('measure the patterns of cooperative programme management (scenarios/patterns) and write their table and charts')
    .option('--quick', 'only the points each verdict needs, and a shorter sensitivity check')
    .option('--out <dir>', 'results folder (default: results/patterns)')
    .addOption(new Option('--workers <n>', 'worker threads (default: available cores); short runs asked of one thread run without').argParser(whole('--workers', 1)))
    .option('--no-sensitivity', 'skip the ±20 % sensitivity check')
    .option('--only <id>', 'only this pattern (repeatable)', collect, [])
    .option('--set <path=value>', 'override a field of every pattern scenario, e.g. --set mechanisms.agendas=true (repeatable)', collect, [])
    .option('--global <n>', 'also measure every pattern at n points of a global sample of its uncertain parameters, all at once within ±20 %', whole('--global', 1))
    .action(async (opts) => {
      const { patternsCommand } = await import('./patterns.js');
      code = await patternsCommand(opts);
    });

  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version exit 0; any usage error is bad input.
      if (err.exitCode === 0) return EXIT.done;
      // no command at all: the help, already shown, is the answer
      if (err.code !== 'commander.help') process.stderr.write(`${usageLine(err, argv, program)}\n`);
      return EXIT.badInput;
    }
    throw err;
  }
  return code;
}
