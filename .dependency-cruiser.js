/**
 * Architecture rules, checked in `npm run lint`:
 * - src/engine is pure: it imports nothing outside itself (no Nest, no Node I/O).
 * - a domain module never reaches into another module's repository or entities (use its exported service).
 * - no circular imports.
 */
module.exports = {
  forbidden: [
    {
      name: 'engine-is-pure',
      comment: 'src/engine must not import outside src/engine (no @nestjs, no I/O, no other layers).',
      severity: 'error',
      // Tests and their fixtures may read files; the engine's own code may not.
      from: { path: '^src/engine/', pathNot: '(\\.spec\\.ts$|/__fixtures__/)' },
      to: { pathNot: '^src/engine/' },
    },
    {
      name: 'no-foreign-repositories-or-entities',
      comment: "A module uses another module's exported service, never its repository or entities.",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/([^/]+)/.*(\\.repository|/entities/|\\.entity)', pathNot: '^src/modules/$1/' },
    },
    {
      name: 'infrastructure-does-not-depend-on-domains',
      comment: 'config, database, queue, events, realtime, http and health stand below the domain modules.',
      severity: 'error',
      from: { path: '^src/(config|database|queue|events|realtime|http|health|common)/' },
      to: { path: '^src/modules/' },
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
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.spec\\.ts$' },
  },
};
