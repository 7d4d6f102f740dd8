/**
 * The layers of draagvlak, bottom to top (docs/architecture.md). A module imports only from its own
 * layer and the layers below it, and no import chain comes back to where it started.
 * `npm run lint:deps` checks this; .ci/run runs it.
 */
const LAYERS = [
  // ground: shared maths, seeded random streams, the parameter registry and the vocabularies describing values
  { name: 'ground', path: ['^src/maths/', '^src/random/', '^src/schema/', '^src/model/parameters\\.ts$', '^src/model/spec\\.ts$'] },
  { name: 'network', path: ['^src/network/'] },
  { name: 'model', path: ['^src/model/'] },
  { name: 'scenario', path: ['^src/scenario/'] },
  // execution: the worker pool, one run, the result set, shard and merge
  { name: 'run', path: ['^src/run/', '^src/results/'] },
  { name: 'analysis', path: ['^src/analysis/', '^src/explore/'] },
  // presentation: charts and the report, the patterns, the browser studio
  { name: 'presentation', path: ['^src/charts/', '^src/patterns/', '^src/studio/'] },
  { name: 'entry', path: ['^src/cli/', '^src/index\\.ts$'] },
];

/** The paths of a layer, less those a lower layer claims (the registry inside src/model/). */
function claimed(index) {
  const lower = LAYERS.slice(0, index).flatMap((l) => l.path);
  return { path: LAYERS[index].path, ...(lower.length ? { pathNot: lower } : {}) };
}

const upward = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `${layer.name}-imports-only-down`,
  comment: `${layer.name} may import only from itself and below: ${LAYERS.slice(0, i + 1).map((l) => l.name).join(', ')}`,
  severity: 'error',
  from: claimed(i),
  to: { path: LAYERS.slice(i + 1).flatMap((l) => l.path), pathNot: LAYERS.slice(0, i + 1).flatMap((l) => l.path) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import chain comes back to the module it started from.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...upward,
    {
      name: 'kernel-is-portable',
      comment: 'The kernel (ground, network, model) runs in a worker, a notebook and a browser: no Node built-ins.',
      severity: 'error',
      from: { path: ['^src/maths/', '^src/random/', '^src/schema/', '^src/network/', '^src/model/'] },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'source-stands-alone',
      comment: 'The library does not import the scripts, benchmarks or tests that use it.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: ['^scripts/', '^bench/', '^tests/', '^notebooks/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports are arrows too: a layer must not need a type from above it.
    tsPreCompilationDeps: true,
  },
};
