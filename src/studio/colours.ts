/**
 * Households by attitude in the studio's map and legend — opposed, undecided, supportive,
 * committed — on a vermillion–grey–blue scale of Okabe–Ito colours, told apart with deuteranopia
 * and protanopia too (the old red and dark green merged with protanopia; tests/charts/palette.test.ts).
 */
export const STATE_HEX = ['#d55e00', '#e8e8e8', '#56b4e9', '#0072b2'] as const;

/** Households by trust in government in the studio's map and legend: from no trust (0) to full trust (1), a light-to-dark purple. */
export const TRUST_HEX = ['#f7f4f9', '#3f007d'] as const;

/**
 * An initiative's bars above its neighbourhood on the map and in the legend: the committed share
 * (supportive blue, committed blue once the threshold is reached), the empty bar, the threshold's
 * tick, and plan progress (lavender, green once formalised, with a ✓).
 */
export const BAR_HEX = { empty: '#eeeeee', tick: '#000000', progress: '#8c96c6', formalised: '#1b7837' } as const;
