#!/usr/bin/env node
// The `draagvlak` command runs the built JavaScript (workers load it too): `npm run build` first.
import { internalError, main } from '../dist/src/cli/main.js';

main(process.argv).then(
  (code) => { process.exitCode = code; },
  (err) => { process.exitCode = internalError(err); },
);
