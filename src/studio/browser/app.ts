/// <reference lib="dom" />
import { changeset } from 'vega';
import embed, { type Result } from 'vega-embed';
import { expressionInterpreter } from 'vega-interpreter';
import { PROGRAMME_ACTIONS, type ActionName, type Intervention } from '../../model/interventions/types.js';
import type { Parameters } from '../../model/parameters.js';
import { checkFileSize, parseScenario, scenarioText } from '../../scenario/load.js';
import { ScenarioError, formatProblem } from '../../scenario/errors.js';
import { getParam, mergeParams, parametersOf, setParam } from '../../scenario/paths.js';
import { PRESETS, type PresetName } from '../../scenario/presets.js';
import { MARKS_DATA, SERIES_DATA, Y_MAX, studioChartSpec } from '../chartSpec.js';
import { exportScenario } from '../exportScenario.js';
import { startNote, studioStart, type StudioInput } from '../scenarioStart.js';
import { decimal } from '../../charts/words.js';
import { GLOSSARY_KEYS, LANGS, isTextKey, text, type Lang, type TextKey } from '../i18n.js';
import { LESSON, goalScore } from '../lessons.js';
import { LEVERS, PRESET_NAMES, leverRange, type Lever } from '../levers.js';
import { CHART_METRICS, type ChartMetric, type ColourBy, type FromWorker, type SearchResult, type ToWorker } from '../protocol.js';
import { cellAt, cells } from './map.js';
import { debriefRows, leverValues, trigger } from './pageTexts.js';
import { Weeks, type Who } from './weeks.js';


const ACTIONS: ActionName[] = ['evening', 'field', 'broken-promise', 'subsidy', 'mandate', 'share-revenues'];

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
/** What the studio command put into the page. */
const boot = JSON.parse($('studio-boot').textContent!) as StudioInput;

// ---- state ----
let lang: Lang = boot.lang;
/** The parameters both runs start from (the scenario loaded or imported, a preset, the starting conditions as set). */
let startParams: Parameters = structuredClone(boot.params);
/**
 * Strategy levers moved before the first week: your run's, a `set` from week 1 (as a lever moved
 * during a run acts from the next week), so that the twin keeps the strategy the run starts from.
 * Nothing reads them before week 1's interventions, so your run is the run that starts with them.
 */
let leverMoves: Record<string, number | string> = {};
/** Where the levers stand now. */
let leverParams: Parameters = structuredClone(boot.params);
let seed = boot.seed;
let horizon = boot.horizon;
let week = 0;
let running = false;
/** The weeks of both runs received so far. */
const weeks = new Weeks();
let pressed: Intervention[] = [];
/** What the run plays of its scenario (its timeline) and what it leaves out, for the note under the interventions. */
let playing: Pick<StudioInput, 'plan' | 'planNames' | 'leftOut' | 'interventions' | 'horizon'> = boot;
/** Per entry of pressed: the week it applied (pressed: the week after; imported: when it fired, 0 until then). */
let appliedWeeks: number[] = [];
let target = -1;
let colourBy: ColourBy = 'state';
let lessonIndex = -1;

/** For tests and the bench: what the page has done. */
const probe = {
  framesDrawn: 0,
  weeksReceived: 0,
  you: () => weeks.rows('you'),
  twin: () => weeks.rows('twin'),
  target: () => target,
  /** Per chart, the weekly values it holds, of your run and the twin (a neighbourhood's when one is picked). */
  chartSeries: () =>
    charts.map((c) => {
      const data = (c ? c.view.data(SERIES_DATA) : []) as { week: number; value: number; who: 'you' | 'twin' }[];
      const of = (who: string) => data.filter((d) => d.who === who).sort((a, b) => a.week - b.week).map((d) => [d.week, d.value]);
      return { you: of('you'), twin: of('twin') };
    }),
  metrics: () => weeks.metrics,
  week: () => week,
  running: () => running,
  pressed: () => pressed,
  /** Per entry of pressed, the week it applied (0: not yet). */
  applied: () => appliedWeeks,
  status: () => $('status').textContent,
  /** The plan played and what one run leaves out of the scenario (a note, in the page's language). */
  played: () => $('played').textContent,
  exportText: () => exportText(),
  /** Every text drawn on the charts (titles, axes, legends), read from their scene graphs. */
  chartMarks: () => charts.map((c) => (c ? c.view.data(MARKS_DATA).length : 0)),
  chartTexts: () => charts.map((c) => (c ? sceneTexts((c.view.scenegraph() as unknown as { root: SceneNode }).root) : [])),
};
(window as unknown as { studio: typeof probe }).studio = probe;

interface SceneNode {
  text?: unknown;
  items?: SceneNode[];
}

function sceneTexts(node: SceneNode, out: string[] = []): string[] {
  if (typeof node.text === 'string' && node.text) out.push(node.text);
  for (const child of node.items ?? []) sceneTexts(child, out);
  return out;
}

// ---- the worker ----
const worker = new Worker(URL.createObjectURL(new Blob([$('studio-kernel').textContent!], { type: 'text/javascript' })));
function send(msg: ToWorker): void {
  worker.postMessage(msg, msg.type === 'canvas' ? [msg.canvas] : []);
}

function sendView(): void {
  send({ type: 'view', colourBy, target });
}
worker.onerror = (e) => showError(e.message);
worker.onmessage = (e: MessageEvent<FromWorker>) => {
  const msg = e.data;
  switch (msg.type) {
    case 'started':
      weeks.start(msg.metrics, msg.neighbourhoods);
      if (target >= msg.neighbourhoods) pick(-1); // the picked neighbourhood is not in this run
      else renderTarget(); // the neighbourhoods to pick from
      return;
    case 'frame': {
      weeks.add(msg);
      probe.weeksReceived += msg.count;
      probe.framesDrawn = msg.drawn;
      week = msg.from + msg.count - 1;
      running = msg.running;
      requestDraw();
      return;
    }
    case 'marked':
      pressed.push(msg.entry);
      mark(pressed.length - 1, msg.entry.at!);
      return;
    case 'fired':
      mark(msg.index, msg.week);
      return;
    case 'found':
      renderDebrief(msg.results, msg.twin);
      return;
    case 'error':
      showError(msg.message);
      return;
  }
};

/** An entry of `pressed` applied in `week`: a rule on every chart (drawn in the charts' turns) and its week in the list. */
function mark(index: number, week: number): void {
  appliedWeeks[index] = week;
  markWeeks.push(week);
  renderPressed();
  requestDraw();
}

/** The plan played and what one run leaves out, in one line; none in a lesson, which plays no timeline. */
function showPlaying(): void {
  $('played').textContent = lessonIndex >= 0 ? '' : startNote(playing, lang); // what one studio run cannot show
}

function showError(message: string): void {
  $('status').textContent = message;
}

// ---- drawing ----
// The worker draws the map. The page draws the week and the charts in turns: one chart a turn, and
// while the model runs one turn every TURN_MS (each chart about once a second), so that the page's
// thread has only short tasks, seldom, and an input never waits long for it.

/** While running, the shortest time between two turns of drawing. */
const TURN_MS = 250;
let drawRequested = false;
let turnTimer = 0;
let lastTurn = 0;
let shownWeek = '';
let nextChart = 0;
/** Every week an entry applied in, in the order they were marked: a rule on each chart. */
let markWeeks: number[] = [];
/**
 * Per chart, the weeks and marks already handed to it. At 0 weeks whatever it holds is replaced
 * (another neighbourhood picked), and its scale set afresh.
 */
let chartWeeks = CHART_METRICS.map(() => 0);
let chartMarks = CHART_METRICS.map(() => 0);

function requestDraw(): void {
  if (drawRequested || turnTimer !== 0) return;
  const wait = running ? lastTurn + TURN_MS - performance.now() : 0;
  if (wait > 0) {
    turnTimer = window.setTimeout(() => {
      turnTimer = 0;
      requestDraw();
    }, wait);
    return;
  }
  drawRequested = true;
  requestAnimationFrame(draw);
}

const behind = (i: number) => charts[i] !== null && (chartWeeks[i] < weeks.length || chartMarks[i] < markWeeks.length);

function draw(now: number): void {
  drawRequested = false;
  lastTurn = now;
  const weekText = `${week} / ${horizon}`;
  if (weekText !== shownWeek) $('week').textContent = shownWeek = weekText;
  const i = CHART_METRICS.map((_, k) => (nextChart + k) % CHART_METRICS.length).find(behind);
  if (i === undefined) return;
  nextChart = (i + 1) % CHART_METRICS.length;
  const fresh = Array.from({ length: weeks.length - chartWeeks[i] }, (_, k) => chartWeeks[i] + k);
  const marks = markWeeks.slice(chartMarks[i]).map((w) => ({ week: w }));
  const view = charts[i]!.view;
  const series = changeset().insert(rows(CHART_METRICS[i], fresh));
  if (chartWeeks[i] === 0) view.signal(Y_MAX, yMax(CHART_METRICS[i])).change(SERIES_DATA, series.remove(() => true));
  else view.change(SERIES_DATA, series);
  chartWeeks[i] = weeks.length;
  chartMarks[i] = markWeeks.length;
  view.change(MARKS_DATA, changeset().insert(marks)).run();
  if (CHART_METRICS.some((_, k) => behind(k))) requestDraw();
}

/** Charts draw at most this many weeks of a run; over longer horizons every k-th week and the last. */
const CHART_POINTS = 260;

/**
 * A chart's rows for some weeks: the town's values, or the picked neighbourhood's. Reach is drawn as
 * a count of initiatives (one a neighbourhood), the other metrics as they are.
 */
function rows(metric: ChartMetric, shown: number[]): { week: number; value: number; run: string; who: Who }[] {
  const factor = metric === 'reached_share' && target < 0 ? weeks.neighbourhoods : 1;
  const stride = Math.ceil(horizon / CHART_POINTS);
  const out = [];
  for (const w of shown) {
    if (w % stride !== 0 && w !== horizon) continue;
    for (const who of ['you', 'twin'] as const) out.push({ week: w, value: weeks.value(who, metric, w, target) * factor, run: text(who, lang), who });
  }
  return out;
}

/** The top of a chart's scale: the town's initiatives for its reach, else 1 (shares, and one neighbourhood's initiative). */
function yMax(metric: ChartMetric): number {
  return metric === 'reached_share' && target < 0 ? startParams.population.neighbourhoods : 1;
}

// ---- charts ----
let charts: (Result | null)[] = CHART_METRICS.map(() => null);
let chartGeneration = 0;

async function buildCharts(): Promise<void> {
  const generation = ++chartGeneration;
  for (const c of charts) c?.finalize();
  charts = CHART_METRICS.map(() => null);
  chartWeeks = CHART_METRICS.map(() => 0);
  chartMarks = CHART_METRICS.map(() => 0);
  await Promise.all(
    CHART_METRICS.map(async (metric, i) => {
      const spec = studioChartSpec({ title: text(metric, lang), week: text('week', lang), you: text('you', lang), twin: text('twin', lang) }, horizon, yMax(metric), lang, metric === 'reached_share');
      const result = await embed($(`chart-${metric}`), spec as never, { actions: false, renderer: 'canvas', ast: true, expr: expressionInterpreter, defaultStyle: false });
      if (generation !== chartGeneration) return result.finalize();
      charts[i] = result;
      requestDraw(); // its weeks and marks so far come in its turn
    }),
  );
}

// ---- controls ----
function leverValue(l: Lever, params: Parameters): number | string {
  return getParam(params, l.path) as number | string;
}

function buildLevers(): void {
  for (const l of LEVERS) {
    const row = document.createElement('label');
    row.className = 'lever';
    row.dataset.path = l.path;
    const name = document.createElement('span');
    name.dataset.i18n = l.path;
    row.append(name);
    let input: HTMLInputElement | HTMLSelectElement;
    if (l.spec.kind === 'enum') {
      const select = document.createElement('select');
      for (const v of l.spec.values) {
        const o = document.createElement('option');
        o.value = v;
        o.dataset.i18n = v;
        select.append(o);
      }
      input = select;
    } else {
      const range = document.createElement('input');
      range.type = 'range';
      const { min, max } = leverRange(l);
      range.min = String(min);
      range.max = String(max);
      range.step = String(l.step);
      input = range;
      const out = document.createElement('output');
      row.append(input, out);
      input.addEventListener('input', () => (out.textContent = decimal(input.value, lang)));
    }
    input.id = `lever-${l.path}`;
    if (!row.contains(input)) row.append(input);
    input.addEventListener('change', () => moveLever(l, l.spec.kind === 'enum' ? input.value : Number(input.value)));
    $(l.live ? 'levers-live' : 'levers-start').append(row);
  }
  const presets = $<HTMLSelectElement>('preset');
  for (const name of ['', ...PRESET_NAMES]) {
    const o = document.createElement('option');
    o.value = name;
    o.dataset.i18n = name === '' ? 'presetNone' : name;
    presets.append(o);
  }
  presets.addEventListener('change', () => {
    if (!presets.value) return;
    startParams = mergeParams(startParams, PRESETS[presets.value as PresetName].overrides);
    leverMoves = {};
    reset();
  });
}

function showLevers(): void {
  for (const l of LEVERS) {
    const input = $<HTMLInputElement>(`lever-${l.path}`);
    const value = leverValue(l, leverParams);
    input.value = String(value);
    input.disabled = typeof value !== 'number' && l.spec.kind === 'series' ? true : lessonLocked(l.path);
    const out = input.parentElement!.querySelector('output');
    if (out) out.textContent = decimal(String(value), lang);
  }
}

/**
 * A strategy lever is an intervention from the next week: during a run pressed as any other, before
 * the first week one `set` from week 1 that the run keeps when it starts afresh. Any other lever
 * starts the run afresh with it.
 */
function moveLever(l: Lever, value: number | string): void {
  setParam(leverParams, l.path, value);
  if (l.live && week > 0) {
    send({ type: 'intervene', entry: { action: 'set', set: { [l.path]: value } } });
    return;
  }
  if (!l.live) setParam(startParams, l.path, value);
  else if (value === getParam(startParams, l.path)) delete leverMoves[l.path];
  else leverMoves[l.path] = value;
  reset();
}

function buildActions(): void {
  for (const action of ACTIONS) {
    const b = document.createElement('button');
    b.id = `action-${action}`;
    b.dataset.i18n = action;
    b.addEventListener('click', () => {
      const where = PROGRAMME_ACTIONS.has(action) || target < 0 ? ('all' as const) : [target];
      send({ type: 'intervene', entry: { action, where } });
    });
    // the actions on the programme as a whole under their own caption: they ignore the pick
    $(PROGRAMME_ACTIONS.has(action) ? 'actions-programme' : 'actions-local').append(b);
  }
}

function reset(): void {
  running = false;
  week = 0;
  weeks.clear();
  // the timeline a reset starts from, triggered as written: the scenario's (or imported plan's), none in a lesson
  const start = lessonIndex >= 0 ? [] : playing.interventions;
  const timeline = Object.keys(leverMoves).length > 0 ? [...start, { action: 'set' as const, at: 1, set: { ...leverMoves } }] : start;
  pressed = [...timeline];
  appliedWeeks = timeline.map(() => 0);
  markWeeks = [];
  leverParams = structuredClone(startParams);
  for (const [path, value] of Object.entries(leverMoves)) setParam(leverParams, path, value);
  showLevers();
  renderPressed();
  $<HTMLInputElement>('seed').value = String(seed);
  $<HTMLInputElement>('horizon').value = String(horizon);
  $('status').textContent = '';
  send({ type: 'reset', params: startParams, horizon, seed, interventions: timeline });
  void buildCharts();
}

function renderPressed(): void {
  const list = $('pressed');
  list.replaceChildren();
  if (pressed.length === 0) {
    const li = document.createElement('li');
    li.textContent = text('nothingPressed', lang);
    list.append(li);
  }
  pressed.forEach((p, i) => {
    const li = document.createElement('li');
    const where = p.where === undefined || p.where === 'all' ? '' : ` — ${text('targetOne', lang)} ${p.where.join(', ')}`;
    const what = p.action === 'set' ? `${text('set', lang)}: ${leverValues(p.set ?? {}, lang)}` : text(p.action as TextKey, lang);
    const applied = p.at === undefined && appliedWeeks[i] > 0 ? ` (${text('fired', lang)} ${appliedWeeks[i]})` : '';
    li.textContent = `${trigger(p, lang)}: ${what}${where}${applied}`;
    list.append(li);
  });
}

/** The neighbourhood picked, in the list to pick from (all, or one of this run's) and in the charts' heading. */
function renderTarget(): void {
  const name = (b: number) => (b < 0 ? text('targetAll', lang) : `${text('targetOne', lang)} ${b}`);
  const options = Array.from({ length: weeks.neighbourhoods + 1 }, (_, k) => Object.assign(document.createElement('option'), { value: String(k - 1), textContent: name(k - 1) }));
  const list = $<HTMLSelectElement>('target');
  list.replaceChildren(...options);
  list.value = String(target);
  $('following').textContent = ` — ${name(target)}`;
}

/**
 * Picks a neighbourhood (−1: none): interventions act on it, the map marks it, and the charts follow
 * it, their weeks redrawn in their turns.
 */
function pick(b: number): void {
  target = b;
  renderTarget();
  sendView();
  chartWeeks = CHART_METRICS.map(() => 0);
  requestDraw();
}

// ---- export and import ----
function exportText(): string {
  return exportScenario({ params: startParams, seed, horizon, interventions: pressed });
}

function download(): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([exportText()], { type: 'text/yaml' }));
  a.download = 'studio.yaml';
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

async function importFile(file: File): Promise<void> {
  try {
    checkFileSize(file.size, file.name); // before it is read into memory
    const start = studioStart(parseScenario(scenarioText(new Uint8Array(await file.arrayBuffer()), file.name), file.name));
    startParams = start.params;
    seed = start.seed;
    horizon = start.horizon;
    playing = start;
    leverMoves = {};
    reset();
    showPlaying();
  } catch (err) {
    const message = err instanceof ScenarioError ? err.problems.map(formatProblem).join('\n') : String(err);
    showError(`${text('importError', lang)}: ${message}`);
  }
}

// ---- lesson mode ----
function lessonLocked(path: string): boolean {
  return lessonIndex >= 0 && !LESSON[lessonIndex].levers.includes(path);
}

function renderLesson(): void {
  const panel = $('lesson-panel');
  panel.hidden = lessonIndex < 0;
  for (const action of ACTIONS) $<HTMLButtonElement>(`action-${action}`).disabled = lessonIndex >= 0 && !LESSON[lessonIndex].actions.includes(action);
  $<HTMLSelectElement>('preset').disabled = lessonIndex >= 0; // a preset moves levers a task may not allow
  $<HTMLInputElement>('horizon').disabled = lessonIndex >= 0; // the task's week: a shorter run has no result to debrief
  showLevers();
  if (lessonIndex < 0) return;
  const task = LESSON[lessonIndex];
  $('lesson-question').textContent = `${text('task', lang)} ${lessonIndex + 1}/${LESSON.length}: ${task.question[lang]}`;
  $('lesson-levers').textContent = `${text('allowed', lang)}: ${[...task.levers.map((p) => text(p as TextKey, lang)), ...task.actions.map((a) => text(a as TextKey, lang))].join(', ')}`;
  showDebrief();
}

function startTask(index: number): void {
  lessonIndex = index;
  leverMoves = {}; // each task starts from the scenario's strategy
  debriefed = null;
  $('lesson-debrief').replaceChildren();
  if (index >= 0) horizon = LESSON[index].goal.week;
  renderLesson();
  showPlaying();
  reset();
}

function debrief(): void {
  const task = LESSON[lessonIndex];
  $('lesson-debrief').textContent = text('searching', lang);
  send({ type: 'search', goal: task.goal, levers: task.levers });
}

/** The last debrief of this task: the search's results and the scores they were compared with, shown again in another language. */
let debriefed: { results: SearchResult[]; twinScore: number; mine: number } | null = null;

function renderDebrief(results: SearchResult[], twinScore: number): void {
  const task = LESSON[lessonIndex];
  if (!task) return;
  const at = weeks.row('you', task.goal.week);
  debriefed = { results, twinScore, mine: at ? goalScore(task.goal, at[weeks.metrics.indexOf(task.goal.metric)], startParams.population.neighbourhoods) : NaN };
  showDebrief();
}

/** The debrief, in the page's language. */
function showDebrief(): void {
  const task = LESSON[lessonIndex];
  if (!task || !debriefed) return;
  const table = document.createElement('table');
  for (const [k, v] of debriefRows(task, debriefed, lang)) {
    const tr = table.insertRow();
    tr.insertCell().textContent = k;
    tr.insertCell().textContent = v;
  }
  $('lesson-debrief').replaceChildren(table);
}

// ---- language ----
function applyLanguage(): void {
  document.documentElement.lang = lang;
  for (const el of Array.from(document.querySelectorAll<HTMLElement>('[data-i18n]'))) {
    const key = el.dataset.i18n!;
    if (isTextKey(key)) el.textContent = text(key, lang);
  }
  showPlaying();
  $('glossary-list').replaceChildren(...GLOSSARY_KEYS.map((k) => Object.assign(document.createElement('p'), { textContent: text(k, lang) })));
  showLevers();
  renderPressed();
  renderTarget();
  renderLesson();
  void buildCharts();
}

// ---- wiring ----
function wire(): void {
  $('play').addEventListener('click', () => send({ type: 'play' }));
  $('pause').addEventListener('click', () => send({ type: 'pause' }));
  $('step').addEventListener('click', () => send({ type: 'step' }));
  // the seed and horizon as shown: changing either starts the run afresh, as Reset does
  const restart = () => {
    seed = Math.max(0, Math.floor(Number($<HTMLInputElement>('seed').value) || 0));
    horizon = Math.max(1, Math.min(5200, Math.floor(Number($<HTMLInputElement>('horizon').value) || 156)));
    reset();
  };
  $('reset').addEventListener('click', restart);
  for (const id of ['seed', 'horizon']) $(id).addEventListener('change', restart);
  const speed = $<HTMLInputElement>('speed');
  const speedOut = $('speed-value');
  const setSpeed = () => {
    const v = Number(speed.value);
    speedOut.textContent = v >= Number(speed.max) ? '∞' : String(v);
    send({ type: 'speed', weeksPerSecond: v >= Number(speed.max) ? 0 : v });
  };
  speed.addEventListener('input', setSpeed);
  setSpeed();
  $('lang').addEventListener('click', () => {
    lang = LANGS[(LANGS.indexOf(lang) + 1) % LANGS.length];
    applyLanguage();
  });
  $('colour-by').addEventListener('change', (e) => {
    colourBy = (e.target as HTMLSelectElement).value as ColourBy;
    // the legend's key for the colouring shown
    for (const key of Array.from(document.querySelectorAll<HTMLElement>('.legend [data-colour]'))) key.hidden = key.dataset.colour !== colourBy;
    sendView();
  });
  const canvas = $<HTMLCanvasElement>('map');
  const { width, height } = canvas; // the canvas's own size, which the worker draws at
  send({ type: 'canvas', canvas: canvas.transferControlToOffscreen() });
  canvas.addEventListener('click', (e) => {
    const box = canvas.getBoundingClientRect();
    const b = cellAt(cells(weeks.neighbourhoods, width, height), ((e.clientX - box.left) * width) / box.width, ((e.clientY - box.top) * height) / box.height);
    pick(b === target ? -1 : b);
  });
  $<HTMLSelectElement>('target').addEventListener('change', (e) => pick(Number((e.target as HTMLSelectElement).value)));
  $('export').addEventListener('click', download);
  $<HTMLInputElement>('import').addEventListener('change', (e) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) void importFile(file);
    input.value = ''; // so that the same file, edited, can be imported again
  });
  $('glossary-open').addEventListener('click', () => $<HTMLDialogElement>('glossary').showModal());
  $('glossary-close').addEventListener('click', () => $<HTMLDialogElement>('glossary').close());
  $('lesson-open').addEventListener('click', () => startTask(lessonIndex < 0 ? 0 : lessonIndex));
  $('lesson-check').addEventListener('click', debrief);
  $('lesson-next').addEventListener('click', () => startTask((lessonIndex + 1) % LESSON.length));
  $('lesson-end').addEventListener('click', () => {
    horizon = playing.horizon;
    startTask(-1);
  });
}

buildLevers();
buildActions();
wire();
applyLanguage();
reset();
