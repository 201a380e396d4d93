import type { Config } from 'jest';

const swc: [string, unknown] = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2024',
      parser: { syntax: 'typescript' },
      experimental: { keepImportAttributes: true },
    },
    module: { type: 'es6' },
  },
];

const base = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  setupFiles: ['<rootDir>/test/support/environment.ts'],
} satisfies Config;

/**
 * Three projects: unit (no I/O), integration (handlers, repositories and flows on one
 * DynamoDB Local per worker) and infra (CDK assertions and cdk-nag).
 */
const config: Config = {
  // Both cores: infra files synthesize the app (CPU), integration files mostly wait on DynamoDB
  // Local; one worker left the suite near CI's 15-minute limit.
  maxWorkers: 2,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts', '<rootDir>/test/flows/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/iam-checks.ts'],
      globalSetup: '<rootDir>/test/support/dynamodb-global-setup.ts',
      globalTeardown: '<rootDir>/test/support/dynamodb-global-teardown.ts',
    },
    {
      ...base,
      displayName: 'infra',
      testMatch: ['<rootDir>/test/infra/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/infra-cleanup.ts'],
    },
  ],
};

export default config;
