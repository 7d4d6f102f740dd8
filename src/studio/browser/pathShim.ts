/** The two path helpers the scenario loader uses, for the page. */
export function basename(path: string, ext = ''): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return ext && base.endsWith(ext) ? base.slice(0, -ext.length) : base;
}

export function extname(path: string): string {
  const base = basename(path);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot) : '';
}
