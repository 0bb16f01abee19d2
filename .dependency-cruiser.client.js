/**
 * Architecture rules for the dashboard (client/), checked in `npm run lint`:
 * - it imports its own code, its npm packages and the engine's pure modules (src/engine through @engine/*, never
 *   the engine's tests or fixtures) — nothing else of the server: it talks to the API only through its typed client.
 * - nothing it imports is left unresolved (an import the checker cannot follow could hide a forbidden one).
 * - no circular imports.
 */
module.exports = {
  forbidden: [
    {
      name: 'client-imports-only-itself-and-the-pure-engine',
      comment: 'client/ may import client/, node_modules and src/engine (pure) only.',
      severity: 'error',
      from: { path: '^client/' },
      to: { pathNot: '^(client/|node_modules/|src/engine/)', dependencyTypesNot: ['core'] },
    },
    {
      name: 'client-does-not-import-engine-tests',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^src/engine/.*(\\.spec\\.ts$|/__fixtures__/)' },
    },
    {
      name: 'client-imports-resolve',
      severity: 'error',
      from: { path: '^client/' },
      to: { couldNotResolve: true, pathNot: '\\.css$' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.client-deps.json' },
    exclude: { path: '(^client/\\.next/|^client/node_modules/)' },
  },
};
