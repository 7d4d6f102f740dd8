// Bundles the command line (run by `npm run build`, after tsc): dist/src/cli/main.js and everything
// it imports, dependencies included, into a few files in dist/cli/ (one per part loaded on use, such
// as the charts with Vega), which bin/draagvlak.js runs. Node then loads a handful of files instead
// of several hundred modules, which saves about a third of a second of CPU on every command.
// Worker threads still load the modules of dist/src/ (the model module is theirs to choose).
// Code that finds files beside itself (import.meta.url) is given the URL of its own module in
// dist/src/, so it finds them where it does unbundled.
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'cli');

/** Each built module's `import.meta.url` becomes that module's own URL, relative to the bundle's file. */
const ownUrl = {
  name: 'own-url',
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/]src[\\/].*\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const url = `new URL(${JSON.stringify(relative(outdir, args.path).split('\\').join('/'))}, import.meta.url).href`;
      return { contents: text.replaceAll('import.meta.url', url), loader: 'js' };
    });
  },
};

// chunks are named by their content: clear the last build's
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [join(root, 'dist', 'src', 'cli', 'main.js')],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // resvg is a native addon; ajv is required only when the built validator is out of date
  external: ['@resvg/resvg-js', 'ajv'],
  // CommonJS dependencies bundled into ESM call require() for Node's own modules
  banner: { js: "import { createRequire as draagvlakRequire } from 'node:module'; const require = draagvlakRequire(import.meta.url);" },
  plugins: [ownUrl],
  logLevel: 'warning',
});
