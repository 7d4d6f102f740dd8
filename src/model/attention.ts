import type { World } from './world.js';

/**
 * Step 2a: the programme manager divides a limited attention budget (in initiative-equivalents per
 * week, at most 1 per initiative) over the initiatives not yet formalised. `equal` spreads it
 * evenly; `most-promising` serves the initiatives closest to formalising first, `most-lagging` the
 * furthest behind, measured by min(1, supportShare / threshold) + progress. Ties go to the lower index.
 */
export function spendAttention(world: World): void {
  const ini = world.initiatives;
  const { attention: rule, attentionBudget } = world.params.strategy;
  const attention = ini.attention;
  attention.fill(0);
  const realising = world.params.mechanisms.realisation;
  let open = 0;
  for (let b = 0; b < ini.count; b++) if (isOpen(world, b, realising)) open++;
  if (open === 0 || attentionBudget <= 0) return;
  if (rule === 'equal') {
    const each = Math.min(1, attentionBudget / open);
    for (let b = 0; b < ini.count; b++) if (isOpen(world, b, realising)) attention[b] = each;
    return;
  }
  const served = world.scratch.served;
  served.fill(0);
  const sign = rule === 'most-promising' ? 1 : -1;
  let left = attentionBudget;
  while (left > 0) {
    let best = -1;
    let bestKey = -Infinity;
    for (let b = 0; b < ini.count; b++) {
      if (!isOpen(world, b, realising) || served[b]) continue;
      const key = sign * promise(world, b);
      if (key > bestKey) {
        bestKey = key;
        best = b;
      }
    }
    if (best < 0) break;
    served[best] = 1;
    attention[best] = Math.min(1, left);
    left -= 1;
  }
}

/**
 * Whether an initiative still takes the manager's attention: until it formalises or, with
 * `mechanisms.realisation`, until it has delivered its plan or failed.
 */
function isOpen(world: World, b: number, realising: boolean): boolean {
  const ini = world.initiatives;
  if (ini.formalisedWeek[b] === 0) return true;
  return realising && ini.deliveredWeek[b] === 0 && ini.failedWeek[b] === 0;
}

/** How far an initiative has come: its support relative to its threshold (capped at 1) plus its plan maturity. */
function promise(world: World, b: number): number {
  const ini = world.initiatives;
  const reach = ini.threshold[b] > 0 ? ini.supportShare[b] / ini.threshold[b] : 1;
  return (reach > 1 ? 1 : reach) + ini.progress[b];
}
