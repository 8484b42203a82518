/** Unit tests sit beside the code; integration tests in tests/ talk to real services. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
    },
    module: { type: 'commonjs' },
  },
];
const moduleNameMapper = {
  '^@rilon/(core|audit|identity|network|reports|notifications)$': '<rootDir>/libs/$1/src',
};
const common = {
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper,
  testEnvironment: 'node',
  rootDir: __dirname,
};

module.exports = {
  // Integration tests boot the API and talk to real services on 2 shared cores.
  testTimeout: 30000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'],
      // The portal's pure logic runs under Vitest (npm run test:portal-unit).
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/portal/'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/**/*.test.ts'],
      // The fault tests (minutes of outages on private services) run only when named:
      // npm run test:faults, or scripts/test.sh with a tests/faults path, sets this.
      testPathIgnorePatterns:
        process.env.RILON_FAULT_TESTS === '1'
          ? ['/node_modules/']
          : ['/node_modules/', '<rootDir>/tests/faults/'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
  ],
};
