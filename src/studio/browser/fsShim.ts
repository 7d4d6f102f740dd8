/** In the page there are no files: the scenario loader only parses text there. */
export function readFileSync(): never {
  throw new Error('no file system in the browser');
}
