import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BAR_HEX, STATE_HEX, TRUST_HEX } from './colours.js';
import type { StudioInput } from './scenarioStart.js';

/** The bundles `npm run build` writes (scripts/buildStudio.mjs): the page's script and the kernel's worker. */
export function bundleDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'studio');
}

export type { StudioInput } from './scenarioStart.js';

/** Script text made safe inside a <script> element: nothing in it can close the element or open a comment. */
export function scriptText(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

const STYLE = `
*{box-sizing:border-box}body{font-family:'DejaVu Sans',system-ui,sans-serif;color:#1a1a1a;margin:0;font-size:13px}
header{display:flex;align-items:center;gap:.8rem;padding:.5rem 1rem;background:#f3f5f1;border-bottom:1px solid #dcdcdc;flex-wrap:wrap}
header h1{font-size:1.2rem;margin:0}header .sub{color:#555}header .spacer{flex:1}
main{display:grid;grid-template-columns:290px minmax(360px,1fr) minmax(320px,1fr);gap:.8rem;padding:.8rem 1rem}
fieldset{border:1px solid #ddd;border-radius:4px;margin:0 0 .6rem;padding:.4rem .6rem}legend{font-weight:bold}
.lever{display:grid;grid-template-columns:1fr 90px 34px;align-items:center;gap:.3rem;margin:.15rem 0}.lever select{grid-column:2/4}
.lever output{text-align:right;font-variant-numeric:tabular-nums}.note{color:#666;font-size:.85em;margin:.1rem 0 .3rem}
.run{display:flex;flex-wrap:wrap;gap:.3rem;align-items:center}.run input[type=number]{width:6em}
button{font:inherit;padding:.25rem .55rem;border:1px solid #9aa;border-radius:3px;background:#fff;cursor:pointer}button:disabled{opacity:.45;cursor:default}
#week{font-weight:bold;font-variant-numeric:tabular-nums;width:7em;display:inline-block;contain:strict;height:1.2em;vertical-align:bottom}
canvas#map{width:100%;aspect-ratio:4/3;border:1px solid #ddd;cursor:pointer;background:#fff}
.legend span{display:inline-flex;align-items:center;gap:.25rem;margin-right:.7rem}.legend i{width:10px;height:10px;display:inline-block;border:1px solid #999}
.legend i.ramp{width:90px}.legend i.bar{width:30px;height:6px;border:0}.legend [hidden]{display:none}
.actions{display:flex;flex-wrap:wrap;gap:.3rem;margin:.3rem 0}#programme-wide{margin:.4rem 0 0}#pressed{margin:.2rem 0;padding-left:1.2rem;max-height:8em;overflow:auto}
.chart{width:100%;margin-bottom:.4rem}#status{color:#a00;white-space:pre-wrap}
#lesson-panel{background:#fffbe6;border:1px solid #e6d27a;border-radius:4px;padding:.5rem .7rem;margin-bottom:.6rem}
#lesson-panel table td{padding:.1rem .5rem .1rem 0}dialog{max-width:640px}`;

/**
 * The studio as one self-contained page: the kernel's worker as inert text turned into a Blob URL,
 * the page's script allowed by its hash, everything else refused by the content security policy —
 * nothing is fetched, nothing is evaluated from a string.
 */
export function studioHtml(input: StudioInput, bundles = bundleDir()): string {
  const app = scriptText(readFileSync(join(bundles, 'app.js'), 'utf8'));
  const worker = scriptText(readFileSync(join(bundles, 'worker.js'), 'utf8'));
  const boot = JSON.stringify(input).replace(/</g, '\\u003c');
  const hash = createHash('sha256').update(app).digest('base64');
  const csp = `default-src 'none'; script-src 'sha256-${hash}'; worker-src blob:; style-src 'unsafe-inline'; img-src data: blob:`;
  const t = (key: string, tag = 'span') => `<${tag} data-i18n="${key}"></${tag}>`;
  return `<!DOCTYPE html>
<html lang="${input.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>draagvlak studio</title><style>${STYLE}</style></head>
<body>
<header><h1 data-i18n="title"></h1><span class="sub" data-i18n="subtitle"></span><span class="spacer"></span>
<button id="lesson-open" data-i18n="lesson"></button><button id="glossary-open" data-i18n="glossary"></button>
<button id="export" data-i18n="exportScenario"></button>
<label><span data-i18n="importScenario"></span> <input id="import" type="file" accept=".yaml,.yml,.json"></label>
<button id="lang" data-i18n="language"></button></header>
<main>
<aside>
<div id="lesson-panel" hidden><p id="lesson-question"></p><p id="lesson-levers" class="note"></p>
<button id="lesson-check" data-i18n="checkTask"></button> <button id="lesson-next" data-i18n="nextTask"></button> <button id="lesson-end" data-i18n="endLesson"></button>
<div id="lesson-debrief"></div></div>
<fieldset><div class="run"><button id="play" data-i18n="play"></button><button id="pause" data-i18n="pause"></button>
<button id="step" data-i18n="stepWeek"></button><button id="reset" data-i18n="reset"></button></div>
<div class="run">${t('week')} <span id="week"></span></div>
<label class="lever">${t('speed')}<input id="speed" type="range" min="1" max="200" value="20"><output id="speed-value"></output></label>
<div class="run"><label>${t('seed')} <input id="seed" type="number" min="0" step="1"></label>
<label>${t('horizon')} <input id="horizon" type="number" min="1" max="5200" step="1"></label></div></fieldset>
<fieldset><legend data-i18n="strategy"></legend><p class="note" data-i18n="strategyNote"></p>
<label class="lever">${t('preset')}<select id="preset"></select></label><div id="levers-live"></div></fieldset>
<fieldset><legend data-i18n="start"></legend><p class="note" data-i18n="startNote"></p><div id="levers-start"></div></fieldset>
</aside>
<section>
<h2 data-i18n="map"></h2>
<canvas id="map" width="720" height="540"></canvas>
<div class="legend"><span data-colour="state"><span><i style="background:${STATE_HEX[3]}"></i>${t('legendCommitted')}</span><span><i style="background:${STATE_HEX[2]}"></i>${t('legendSupportive')}</span>
<span><i style="background:${STATE_HEX[1]}"></i>${t('legendUndecided')}</span><span><i style="background:${STATE_HEX[0]}"></i>${t('legendOpposed')}</span></span>
<span data-colour="trust" hidden>${t('legendTrust')} <span>0 <i class="ramp" style="background:linear-gradient(to right,${TRUST_HEX[0]},${TRUST_HEX[1]})"></i> 1</span></span>
<span><i style="background:#e69f00;border-radius:50%"></i>${t('legendOfficial')}</span>
<span><i class="bar" style="background:linear-gradient(to right,${STATE_HEX[2]} 0 45%,${BAR_HEX.empty} 45% 60%,${BAR_HEX.tick} 60% 66%,${BAR_HEX.empty} 66%)"></i>${t('legendShare')}</span>
<span><i class="bar" style="background:linear-gradient(to right,${BAR_HEX.progress} 0 70%,${BAR_HEX.empty} 70%)"></i>${t('legendProgress')}</span></div>
<label>${t('colourBy')} <select id="colour-by"><option value="state" data-i18n="colourState"></option><option value="trust" data-i18n="colourTrust"></option></select></label>
<h2 data-i18n="interventions"></h2>
<p><label>${t('target')}: <select id="target"></select></label> <span class="note" data-i18n="targetHint"></span></p>
<div id="actions"><div id="actions-local" class="actions"></div>
<p class="note" id="programme-wide" data-i18n="programmeWide"></p><div id="actions-programme" class="actions" role="group" aria-labelledby="programme-wide"></div></div>
<p>${t('pressed')}:</p><ul id="pressed"></ul>
<p class="note" data-i18n="exportNote"></p>
<p id="played" class="note"></p>
<p id="status" role="status"></p>
</section>
<section><h2><span data-i18n="charts"></span><span id="following"></span></h2>
<div class="chart" id="chart-reached_share"></div><div class="chart" id="chart-trust_gov"></div>
<div class="chart" id="chart-cohesion"></div><div class="chart" id="chart-drive"></div></section>
</main>
<dialog id="glossary"><h2 data-i18n="glossary"></h2><div id="glossary-list"></div><button id="glossary-close" data-i18n="close"></button></dialog>
<script type="application/json" id="studio-boot">${boot}</script>
<script type="text/x-draagvlak-worker" id="studio-kernel">${worker}</script>
<script>${app}</script>
</body></html>
`;
}
