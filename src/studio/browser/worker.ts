import { METRICS, NeighbourhoodSeries, firedWeeks, intervene, mapLayout, mapState, startRun, stepWeek, weekMetrics, type LiveRun, type MapLayout } from '../kernel.js';
import { CHART_METRICS, type ColourBy, type FromWorker, type ToWorker } from '../protocol.js';
import { scoreOf, searchStrategies } from '../search.js';
import { MapPainter } from './map.js';

/**
 * The kernel in a Web Worker: your run and its "doing nothing" twin (same seed, no interventions)
 * step in lockstep, in slices of a few milliseconds, so the page never waits on the model. At most
 * about 30 times a second the worker draws the map of your run on the page's canvas (an
 * OffscreenCanvas, so the page's thread does not paint it) and sends the page the new weeks of both.
 */

interface Scope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
}
const scope = self as unknown as Scope;

/** Longest stretch of stepping before the worker yields to its messages. */
const SLICE_MS = 12;
/** The page hears of new weeks at most this often while running (about 30 frames a second). */
const FRAME_MS = 33;
let lastFrame = 0;

let you: LiveRun | null = null;
let twin: LiveRun | null = null;
/**
 * The charts' metrics of each neighbourhood, every week of both runs. An intervention replays your
 * run through the same states up to this week (see intervene), so what is recorded stays true.
 */
let youLocal: NeighbourhoodSeries | null = null;
let twinLocal: NeighbourhoodSeries | null = null;
let running = false;
let weeksPerSecond = 10;
/** Weeks stepped since play was pressed, and when it was: pacing at `weeksPerSecond`. */
let paceStart = 0;
let paceWeeks = 0;
let sentUpTo = 0;
/** Per entry of the starting timeline: whether the page has heard that it applied. */
let told: boolean[] = [];
let painter: MapPainter | null = null;
let layout: MapLayout | null = null;
let colourBy: ColourBy = 'state';
let target = -1;
const row = new Float64Array(METRICS.length);

function post(message: FromWorker, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

function drawMap(): void {
  if (painter && layout && you) painter.draw(layout, mapState(you), colourBy, target);
}

/** Draws the map and sends the weeks not yet sent. */
function sendFrame(): void {
  if (!you || !twin || !youLocal || !twinLocal) return;
  const last = you.world.week;
  const from = sentUpTo;
  const count = last - from + 1;
  const mine = new Float64Array(count * METRICS.length);
  const theirs = new Float64Array(count * METRICS.length);
  // Both runs are recorded every week: read week k from the recorders.
  for (let k = 0; k < count; k++) {
    mine.set(weekMetrics(you, from + k, row), k * METRICS.length);
    theirs.set(weekMetrics(twin, from + k, row), k * METRICS.length);
  }
  sentUpTo = last + 1;
  lastFrame = performance.now();
  const fired = firedWeeks(you);
  for (let k = 0; k < told.length; k++) {
    if (told[k] || fired[k] === 0) continue;
    told[k] = true;
    post({ type: 'fired', index: k, week: fired[k] });
  }
  drawMap();
  const [myLocal, theirLocal] = [youLocal.weeks(from, count), twinLocal.weeks(from, count)];
  post(
    { type: 'frame', from, count, you: mine, twin: theirs, youLocal: myLocal, twinLocal: theirLocal, running, drawn: painter?.drawn ?? 0 },
    [mine.buffer, theirs.buffer, myLocal.buffer, theirLocal.buffer],
  );
}

function stepBoth(): boolean {
  if (!you || !twin) return false;
  const moved = stepWeek(you);
  stepWeek(twin);
  if (moved) {
    youLocal?.record(you);
    twinLocal?.record(twin);
  }
  return moved;
}

const channel = new MessageChannel();
channel.port1.onmessage = tick;
function schedule(): void {
  channel.port2.postMessage(null);
}

function tick(): void {
  if (!running || !you) return;
  const start = performance.now();
  while (performance.now() - start < SLICE_MS) {
    if (weeksPerSecond > 0) {
      const due = ((performance.now() - paceStart) / 1000) * weeksPerSecond;
      if (paceWeeks >= due) break;
    }
    if (!stepBoth()) {
      running = false;
      break;
    }
    paceWeeks++;
  }
  if (!running || (you.world.week >= sentUpTo && performance.now() - lastFrame >= FRAME_MS)) sendFrame();
  if (running) {
    if (weeksPerSecond > 0 && paceWeeks >= ((performance.now() - paceStart) / 1000) * weeksPerSecond) {
      setTimeout(schedule, Math.max(1, 1000 / weeksPerSecond - 1));
    } else schedule();
  }
}

function restartPace(): void {
  paceStart = performance.now();
  paceWeeks = 0;
}

scope.onmessage = (e) => {
  const msg = e.data;
  try {
    switch (msg.type) {
      case 'canvas':
        painter = new MapPainter(msg.canvas);
        drawMap();
        return;
      case 'view':
        colourBy = msg.colourBy;
        target = msg.target;
        drawMap();
        return;
      case 'reset':
        running = false;
        you = startRun(msg.params, msg.horizon, msg.seed, msg.interventions);
        twin = startRun(msg.params, msg.horizon, msg.seed);
        sentUpTo = 0;
        told = msg.interventions.map(() => false);
        layout = mapLayout(you);
        youLocal = new NeighbourhoodSeries(CHART_METRICS, layout.householdStart.length, msg.horizon);
        twinLocal = new NeighbourhoodSeries(CHART_METRICS, layout.householdStart.length, msg.horizon);
        youLocal.record(you);
        twinLocal.record(twin);
        post({ type: 'started', metrics: METRICS, neighbourhoods: layout.householdStart.length });
        sendFrame();
        return;
      case 'play':
        if (!you || running) return;
        running = true;
        restartPace();
        schedule();
        return;
      case 'pause':
        running = false;
        sendFrame();
        return;
      case 'step':
        running = false;
        stepBoth();
        sendFrame();
        return;
      case 'speed':
        weeksPerSecond = msg.weeksPerSecond;
        restartPace();
        return;
      case 'intervene': {
        if (!you || you.world.week >= you.world.horizon) return;
        const entry = { ...msg.entry, at: Math.max(msg.entry.at ?? 0, you.world.week + 1) };
        you = intervene(you, entry);
        post({ type: 'marked', entry });
        return;
      }
      case 'search': {
        if (!twin) return;
        const results = searchStrategies(twin.params, twin.scenarioSeed, msg.goal, msg.levers);
        post({ type: 'found', results: results.slice(0, 3), twin: scoreOf(twin.params, twin.scenarioSeed, msg.goal) });
        return;
      }
    }
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
