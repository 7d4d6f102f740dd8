/**
 * What the generated tables of the documentation share (docs/ODD.md's parameter table, docs/results.md's
 * metric and column tables): a Markdown table cell, and replacing the section between two markers.
 */

/** Text as one Markdown table cell: pipes escaped, line breaks joined. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The document with the section between the markers replaced by `body`; throws when the markers are missing. */
export function withSection(doc: string, start: string, end: string, body: string): string {
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) throw new Error(`the document has no ${start} … ${end} section`);
  return `${doc.slice(0, from + start.length)}\n${body}\n${doc.slice(to)}`;
}
