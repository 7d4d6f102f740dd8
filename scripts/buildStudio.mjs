// Bundles the studio for the browser (run by `npm run build`, after tsc): the kernel's Web Worker
// and the page's script, each one minified file in dist/studio/. The scenario loader runs in the
// page for "import"; its schema check is compiled here into plain code (ajv's standalone output),
// because the page's content security policy allows nothing to be evaluated from a string.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'studio');
mkdirSync(out, { recursive: true });

const { scenarioSchema } = await import(join(root, 'dist', 'src', 'scenario', 'schema.js'));
const { AJV_OPTIONS } = await import(join(root, 'dist', 'src', 'scenario', 'validate.js'));
const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
const validator = join(out, 'scenarioValidator.cjs');
writeFileSync(validator, standaloneCode(ajv, ajv.compile(scenarioSchema())));

/** In the page: the precompiled schema check, and what the loader takes from node:fs and node:path. */
const browserShims = {
  name: 'browser-shims',
  setup(b) {
    b.onResolve({ filter: /\/validate\.js$/ }, (args) =>
      args.importer.endsWith(join('scenario', 'load.ts')) ? { path: join(root, 'src', 'studio', 'browser', 'validateStandalone.ts') } : undefined,
    );
    b.onResolve({ filter: /^virtual:scenario-validator$/ }, () => ({ path: validator }));
    b.onResolve({ filter: /^node:(fs|path)$/ }, (args) => ({ path: join(root, 'src', 'studio', 'browser', `${args.path.slice(5)}Shim.ts`) }));
  },
};

const common = { bundle: true, minify: true, format: 'iife', platform: 'browser', target: 'es2022', legalComments: 'none', logLevel: 'warning' };
await build({ ...common, entryPoints: [join(root, 'src', 'studio', 'browser', 'worker.ts')], outfile: join(out, 'worker.js') });
await build({ ...common, entryPoints: [join(root, 'src', 'studio', 'browser', 'app.ts')], outfile: join(out, 'app.js'), plugins: [browserShims] });
