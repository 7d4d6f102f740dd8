import * as vega from 'vega';

/** Relative luminance of an sRGB colour written as "rgb(r, g, b)", "#rrggbb", "#rgb", "black" or "white" (WCAG 2.1, §1.4.3). */
export function luminance(colour: string): number {
  const named = ({ black: '#000000', white: '#ffffff' } as Record<string, string>)[colour] ?? colour;
  const hex = named.length === 4 ? named.replace(/[0-9a-f]/gi, '$&$&') : named;
  const rgb = hex.startsWith('#') ? [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) : (hex.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
  if (rgb.length !== 3 || !rgb.every(Number.isFinite)) throw new Error(`luminance: not an sRGB colour: ${colour}`);
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours' luminances, 1 to 21 (WCAG 2.1). */
export const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/**
 * The ink for a number written on a cell coloured by a sequential Vega scheme: black or white,
 * whichever stands out more from the cell's colour at `value` over `domain` (reversed as the scale
 * is). One of the two always reaches a contrast of 4.58, above the 4.5 WCAG asks of normal text.
 */
export function inkOn(scheme: string, value: number, domain: readonly [number, number], reverse = false): '#000' | '#fff' {
  const t = Math.min(1, Math.max(0, (value - domain[0]) / (domain[1] - domain[0])));
  const cell = luminance((vega.scheme(scheme) as (t: number) => string)(reverse ? 1 - t : t));
  return contrast(cell, 0) >= contrast(cell, 1) ? '#000' : '#fff';
}

/** Rows with the `ink` of the number each writes on its cell (inkOn; black where it has no finite value), for a text mark coloured by INK. */
export function inked<T>(rows: readonly T[], value: (row: T) => number | null, scheme: string, domain: readonly [number, number], reverse = false): (T & { ink: string })[] {
  return rows.map((row) => {
    const v = value(row);
    return { ...row, ink: v === null || !Number.isFinite(v) ? '#000' : inkOn(scheme, v, domain, reverse) };
  });
}

/** The text colour of a mark over rows that carry their `ink` (inked). */
export const INK = { condition: { test: "datum.ink === '#fff'", value: '#fff' }, value: '#000' };
