import { writeFileSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { filePlan } from './plan.js';
import { packageRoot, scenarioHash } from '../run/manifest.js';
import { outDirProblems } from '../run/outDir.js';
import { defaultOut, outputChoice } from './run.js';
import { DEFAULT_OUTPUT, outputFlags } from '../run/resultFiles.js';

export interface SlurmCommandOptions {
  tasks: number;
  time?: string;
  mem?: string;
  cpus?: number;
  set?: string[];
  seed?: number;
  replications?: number;
  out?: string;
  script?: string;
  series?: string;
  format?: string;
}

/** A word for bash, quoted when it needs to be. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Slurm's time formats: minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM, D-HH:MM:SS. */
const TIME = /^(\d+(:\d{1,2}){0,2}|\d+-\d{1,2}(:\d{1,2}){0,2})$/;
/** Slurm's memory: a whole number with an optional unit K, M, G or T (default M). */
const MEM = /^\d+[KMGT]?$/;

export interface SlurmScript {
  /** Absolute path the script is written to (it calls itself there when it submits). */
  script: string;
  workdir: string;
  node: string;
  draagvlak: string;
  /** The scenario file and its options, as `draagvlak run` takes them. */
  scenarioArgs: string[];
  scenarioFile: string;
  name: string;
  hash: string;
  runs: number;
  tasks: number;
  out: string;
  shards: string;
  time?: string;
  mem?: string;
  cpus: number;
}

/** Tasks to name as an example of resubmitting failed ones: tasks that exist, two when there are three or more. */
function retryExample(tasks: number): { list: string; words: string } {
  const example = tasks <= 2 ? [tasks] : [2, Math.min(4, tasks)];
  return { list: example.join(','), words: example.join(' and ') };
}

/**
 * The sbatch script: run by bash on a login node it submits the shards as a job array and the
 * merge as a job that starts after every task has ended (afterany: the merge itself checks that
 * every shard is there, and names the ones to resubmit); run by Slurm it is either one array
 * task (a shard) or the merge.
 */
export function slurmScript(s: SlurmScript): string {
  const q = shellWord;
  const retry = retryExample(s.tasks);
  const me = relative(s.workdir, s.script) || s.script;
  const job = `draagvlak-${s.name.replace(/[^\w.-]/g, '_')}`;
  const directives = [
    `#SBATCH --job-name=${job}`,
    ...(s.time ? [`#SBATCH --time=${s.time}`] : []),
    ...(s.mem ? [`#SBATCH --mem=${s.mem}`] : []),
    `#SBATCH --cpus-per-task=${s.cpus}`,
  ];
  return `#!/usr/bin/env bash
# draagvlak on a Slurm cluster: ${s.scenarioFile}, ${s.runs} runs (scenario hash ${s.hash.slice(0, 12)}…),
# in ${s.tasks} shards, then their merge. Written by \`draagvlak slurm\`. On the login node, in ${s.workdir}:
#   bash ${me}            submits the ${s.tasks} shards as a job array, and the merge after them
#   bash ${me} ${retry.list.padEnd(11)}submits only shard${retry.list.includes(',') ? 's' : ''} ${retry.words} again (after ${retry.list.includes(',') ? 'they' : 'it'} failed), and the merge
#   bash ${me} --wait …   the same, and waits for the merge (exit status: the merge's); in any order
# Under Slurm it is one job: array task I runs shard I of ${s.tasks} into ${s.shards}/I (with --resume when
# an earlier attempt left it unfinished); the merge joins the shards into ${s.out}, byte for byte what
# one unsplit \`draagvlak run\` writes. Every node needs Node 20 or later and the built draagvlak at the
# paths below, and this folder (docs/cluster.md).
${directives.join('\n')}
set -euo pipefail
NODE=${q(s.node)}
DRAAGVLAK=${q(s.draagvlak)}
SCRIPT=${q(s.script)}
WORKDIR=${q(s.workdir)}
TASKS=${s.tasks}
OUT=${q(s.out)}
SHARDS=${q(s.shards)}
SCENARIO=(${s.scenarioArgs.map(q).join(' ')})
cd "$WORKDIR"

if [ -n "\${SLURM_ARRAY_TASK_ID:-}" ]; then
  dir="$SHARDS/$SLURM_ARRAY_TASK_ID"
  resume=()
  if [ -f "$dir/manifest.json" ]; then resume=(--resume); fi
  exec "$NODE" "$DRAAGVLAK" run "\${SCENARIO[@]}" --shard "$SLURM_ARRAY_TASK_ID/$TASKS" --out "$dir" \\
    --workers "\${SLURM_CPUS_PER_TASK:-1}" --quiet "\${resume[@]}"
fi

if [ "\${DRAAGVLAK_SLURM_ROLE:-}" = merge ]; then
  dirs=()
  for i in $(seq 1 "$TASKS"); do dirs+=("$SHARDS/$i"); done
  status=0
  "$NODE" "$DRAAGVLAK" merge "$OUT" "\${dirs[@]}" || status=$?
  if [ "$status" -eq 2 ]; then
    failed=()
    for i in $(seq 1 "$TASKS"); do grep -qs '"complete": true' "$SHARDS/$i/manifest.json" || failed+=("$i"); done
    if [ \${#failed[@]} -gt 0 ]; then
      (IFS=,; echo "draagvlak: resubmit the unfinished shards alone: bash $SCRIPT \${failed[*]}" >&2)
    fi
  fi
  exit "$status"
fi

wait=()
tasks=
for arg in "$@"; do
  if [ "$arg" = --wait ]; then wait=(--wait); continue; fi
  known=0
  if [ -z "$tasks" ] && [[ "$arg" =~ ^[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*$ ]]; then
    known=1
    for n in \${arg//[,-]/ }; do if [ $((10#$n)) -lt 1 ] || [ $((10#$n)) -gt "$TASKS" ]; then known=0; fi; done
  fi
  if [ "$known" = 0 ]; then
    echo "bash $SCRIPT: expected --wait and one list of tasks from 1 to $TASKS (such as ${retry.list}), found \\"$arg\\"" >&2
    exit 2
  fi
  tasks=$arg
done
tasks=\${tasks:-1-$TASKS}
mkdir -p "$SHARDS/logs"
array=$(sbatch --parsable --array="$tasks" --output="$SHARDS/logs/shard-%a.%A.out" "$SCRIPT")
array=\${array%%;*}
echo "draagvlak: shards $tasks of $TASKS: job array $array; logs in $SHARDS/logs"
exec sbatch "\${wait[@]}" --dependency="afterany:$array" --export=ALL,DRAAGVLAK_SLURM_ROLE=merge \\
  --job-name=${job}-merge --output="$SHARDS/logs/merge.%j.out" "$SCRIPT"
`;
}

/**
 * `draagvlak slurm SCENARIO --tasks N`: checks the scenario and options (exit 2, nothing written,
 * on any problem) and writes the sbatch script that runs it as N shards and merges them.
 */
export function slurmCommand(file: string, options: SlurmCommandOptions): number {
  const problems: string[] = [];
  const output = outputChoice(options, problems);
  if (options.time !== undefined && !TIME.test(options.time)) {
    problems.push(`--time: expected a Slurm time limit (minutes, HH:MM:SS or D-HH:MM:SS), found ${JSON.stringify(options.time)}`);
  }
  if (options.mem !== undefined && !MEM.test(options.mem)) {
    problems.push(`--mem: expected a Slurm memory size such as 2G or 500M, found ${JSON.stringify(options.mem)}`);
  }
  const plan = filePlan(file, { set: options.set, seed: options.seed, replications: options.replications }, output.series, problems);
  const runs = plan ? plan.points.length * plan.scenario.replications : 0;
  if (plan && options.tasks > runs) problems.push(`--tasks: ${options.tasks} tasks for ${runs} runs; give at most ${runs}`);
  const out = options.out ?? defaultOut(file);
  problems.push(...outDirProblems(out));
  if (problems.length > 0 || !plan) {
    for (const p of problems) process.stderr.write(`${p}\n`);
    return 2;
  }
  const scenarioArgs = [
    file,
    ...(options.set ?? []).flatMap((s) => ['--set', s]),
    ...(options.seed !== undefined ? ['--seed', String(options.seed)] : []),
    ...(options.replications !== undefined ? ['--replications', String(options.replications)] : []),
    ...(outputFlags(output) === outputFlags(DEFAULT_OUTPUT) ? [] : outputFlags(output).split(' ')),
  ];
  const script = resolve(options.script ?? `draagvlak-${basename(file, extname(file))}.sbatch`);
  writeFileSync(
    script,
    slurmScript({
      script,
      workdir: process.cwd(),
      node: process.execPath,
      draagvlak: join(packageRoot(), 'bin', 'draagvlak.js'),
      scenarioArgs,
      scenarioFile: file,
      name: plan.scenario.name,
      hash: scenarioHash(plan.scenario),
      runs,
      tasks: options.tasks,
      out,
      shards: `${out}.shards`,
      time: options.time,
      mem: options.mem,
      cpus: options.cpus ?? 1,
    }),
    { mode: 0o755 },
  );
  const shown = relative(process.cwd(), script) || script;
  process.stdout.write(
    `draagvlak: ${shown}: ${runs} runs of ${plan.scenario.name} in ${options.tasks} Slurm array tasks, then their merge into ${out}\n` +
      `  submit:   bash ${shown}\n` +
      `  failed tasks again, alone (e.g. ${retryExample(options.tasks).words}): bash ${shown} ${retryExample(options.tasks).list}\n`,
  );
  return 0;
}
