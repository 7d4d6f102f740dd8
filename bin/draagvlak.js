#!/usr/bin/env node
// The `draagvlak` command runs the built JavaScript, bundled into dist/cli/ (workers load dist/src/):
// `npm run build` first.
import { internalError, main } from '../dist/cli/main.js';

main(process.argv).then(
  (code) => { process.exitCode = code; },
  (err) => { process.exitCode = internalError(err); },
);
