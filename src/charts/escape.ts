/** Text made safe to place in HTML content or a quoted attribute: every markup character escaped. */
export function escapeHtml(text: unknown): string {
  return String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * A page's numbers kept on one line with the per cent sign after them: the space between, "72 %",
 * becomes a no-break space, so that a line never ends in "72" with its "%" starting the next.
 */
export function percentsUnbroken(html: string): string {
  return html.replace(/(\d) %/g, '$1\u00a0%');
}

/**
 * An SVG from vega made fit to sit inline in a page with others: its ids (clip paths, gradients)
 * get a per-chart prefix so that two charts never share one, and any XML prolog goes. Only tags
 * are rewritten: a label's text (a strategy named `a id="b"` or `url(#c)`) is shown as written.
 */
export function inlineSvg(svg: string, prefix: string, label: string): string {
  return svg
    .replace(/<\?xml[^>]*\?>\s*/, '')
    .replace(/<[^>]+>/g, (tag) =>
      tag
        .replace(/\sid="([^"]+)"/g, ` id="${prefix}-$1"`)
        .replace(/="url\(#([^)"]+)\)"/g, `="url(#${prefix}-$1)"`)
        .replace(/href="#([^"]+)"/g, `href="#${prefix}-$1"`),
    )
    .replace(/<svg\b/, `<svg role="img" aria-label="${escapeHtml(label)}"`);
}
