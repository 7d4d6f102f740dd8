import * as vega from 'vega';

/*
 * Vega lays out titles, legends and axes by the width of their text. Without a canvas (headless in
 * Node) it guesses 0.8 em per character, which for DejaVu Sans (about 0.6 em) leaves wide empty
 * margins. These are DejaVu Sans advance widths in em, measured once with resvg from the font files
 * of Debian's fonts-dejavu-core (normal and bold), for printable ASCII and a few typographic marks.
 */
const CHARS = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~–—“”‘’…·×≥≤éëï°€";
const NORMAL = [0.318,0.401,0.46,0.838,0.636,0.95,0.78,0.275,0.39,0.39,0.5,0.838,0.318,0.361,0.316,0.337,0.636,0.636,0.636,0.636,0.636,0.636,0.636,0.636,0.636,0.636,0.337,0.337,0.838,0.838,0.838,0.531,1,0.709,0.686,0.698,0.77,0.632,0.575,0.775,0.752,0.295,0.295,0.656,0.557,0.863,0.748,0.787,0.603,0.787,0.695,0.635,0.595,0.732,0.684,0.989,0.685,0.611,0.685,0.39,0.337,0.39,0.838,0.5,0.5,0.613,0.635,0.55,0.635,0.615,0.344,0.635,0.634,0.278,0.278,0.579,0.278,0.974,0.634,0.612,0.635,0.635,0.395,0.521,0.392,0.634,0.592,0.818,0.592,0.592,0.525,0.636,0.337,0.636,0.838,0.5,1,0.511,0.515,0.318,0.318,1,0.318,0.838,0.838,0.838,0.615,0.615,0.278,0.5,0.636];
const BOLD = [0.348,0.456,0.521,0.838,0.696,1.002,0.872,0.306,0.457,0.457,0.523,0.838,0.38,0.415,0.38,0.365,0.696,0.696,0.696,0.696,0.696,0.696,0.696,0.696,0.696,0.696,0.4,0.4,0.838,0.838,0.838,0.58,1,0.774,0.762,0.734,0.83,0.683,0.683,0.821,0.837,0.372,0.372,0.775,0.637,0.995,0.837,0.85,0.733,0.85,0.77,0.68,0.703,0.812,0.774,1.103,0.771,0.724,0.725,0.457,0.365,0.457,0.838,0.5,0.5,0.675,0.716,0.593,0.716,0.678,0.405,0.716,0.712,0.343,0.343,0.665,0.343,1.042,0.712,0.687,0.716,0.716,0.493,0.595,0.478,0.712,0.652,0.924,0.645,0.652,0.582,0.712,0.365,0.712,0.838,0.5,1,0.657,0.657,0.38,0.38,1,0.38,0.838,0.838,0.838,0.678,0.678,0.343,0.5,0.696];
const INDEX = new Map([...CHARS].map((c, i) => [c, i]));

interface TextItem {
  fontSize?: number | string;
  fontWeight?: number | string;
}

// vega exports the text measurer of its scenegraph, which its typings leave out.
declare module 'vega' {
  export const textMetrics: { width: (item: TextItem, text: unknown) => number };
}

/** Width in pixels of a text in DejaVu Sans; characters not in the table count as a wide "M"-ish 0.7 em. */
export function dejaVuWidth(text: string, fontSize: number, bold = false): number {
  const table = bold ? BOLD : NORMAL;
  let em = 0;
  for (const c of text) {
    const i = INDEX.get(c);
    em += i === undefined ? 0.7 : table[i];
  }
  return em * fontSize;
}

let installed = false;

/** Makes vega measure text as DejaVu Sans draws it (once per process). */
export function useDejaVuMetrics(): void {
  if (installed) return;
  installed = true;
  vega.textMetrics.width = (item, text) => {
    const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
    const weight = item.fontWeight;
    const bold = weight === 'bold' || weight === 'bolder' || (typeof weight === 'number' && weight >= 600) || (typeof weight === 'string' && Number(weight) >= 600);
    return dejaVuWidth(text == null ? '' : String(text).trim(), size, bold);
  };
}
