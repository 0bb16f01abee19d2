/**
 * Architecture rules for src/, checked in `npm run lint` (the dashboard's: .dependency-cruiser.client.js):
 * - src/engine is pure: it imports nothing outside itself (no Nest, no Node I/O).
 * - a domain module never reaches into another module's repository or entities (use its exported service).
 * - infrastructure (config, database, queue, events, jobs, realtime, http, health, common) stands below the domains.
 * - the CLI runs the engine, reaching the server's modules only through their module and service.
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
      comment: 'config, database, queue, events, jobs, realtime, http and health stand below the domain modules.',
      severity: 'error',
      from: { path: '^src/(config|database|queue|events|jobs|realtime|http|health|common)/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'cli-uses-module-services-only',
      comment:
        "The CLI (src/cli) runs the engine; of the server it uses a module's Nest module and service, never its " +
        'repository, entities, controllers, processors or gateways, nor the HTTP, queue or socket layers.',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: {
        path: '^src/(modules/[^/]+/.*(\\.repository|/entities/|\\.entity|\\.controller|\\.processor|\\.gateway)|http/|queue/|realtime/|dashboard/)',
      },
    },
    {
      name: 'server-does-not-import-the-cli',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
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
    exclude: { path: '(\\.spec|\\.int-spec)\\.ts$' },
  },
};
