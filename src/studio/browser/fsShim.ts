/** In the page there are no files: the scenario loader only parses text there. */
export function readFileSync(): never {
  throw new Error('no file system in the browser');
}

/** Nor any file to look at before reading it. */
export function statSync(): never {
  throw new Error('no file system in the browser');
}
