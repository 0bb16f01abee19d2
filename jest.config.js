/**
 * Three projects: `client` (the dashboard's components, jsdom + Testing Library), `unit` (pure code and services, beside the source) and `integration`
 * (test/** and *.int-spec.ts files beside the source, on real PostgreSQL, Redis and Kafka started by test/harness).
 * ts-jest transpiles only (isolatedModules in tsconfig.check.json); `npm test` type-checks once, with tsc.
 */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.check.json' }];

module.exports = {
  projects: [
    {
      displayName: 'client',
      rootDir: __dirname,
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/client/**/*.test.tsx', '<rootDir>/client/**/*.test.ts'],
      transform: {
        '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'client/tsconfig.jest.json' }],
      },
      moduleNameMapper: {
        '^@engine/(.*)$': '<rootDir>/src/engine/$1',
        '\\.css$': '<rootDir>/client/test-support/style-stub.js',
      },
      setupFilesAfterEnv: ['<rootDir>/client/jest.setup.ts'],
    },
    {
      displayName: 'unit',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.ts'],
      transform: { '^.+\\.ts$': tsJest },
    },
    {
      displayName: 'integration',
      rootDir: __dirname,
      testEnvironment: 'node',
      // Specs beside a repository or a lifecycle that need the real databases are *.int-spec.ts in src/ too.
      testMatch: ['<rootDir>/test/**/*.int-spec.ts', '<rootDir>/src/**/*.int-spec.ts'],
      transform: { '^.+\\.ts$': tsJest },
      globalSetup: '<rootDir>/test/harness/global-setup.ts',
      globalTeardown: '<rootDir>/test/harness/global-teardown.ts',
      // Per-project testTimeout is ignored by Jest 30: set it per test file instead.
      setupFilesAfterEnv: ['<rootDir>/test/support/integration-timeout.ts'],
    },
  ],
};
