import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const apiTests = ['src/**/*.test.ts', 'test/**/*.test.ts'];
const e2eTests = ['test/e2e/**/*.test.ts'];

// The same suite runs on PGlite always and on a PostgreSQL server when TEST_DATABASE_URL is set.
const projects: TestProjectInlineConfiguration[] = [
  { extends: true, test: { name: 'pglite', include: apiTests, exclude: e2eTests } },
];
if (process.env.TEST_DATABASE_URL) {
  projects.push({
    extends: true,
    test: { name: 'postgres', include: apiTests, exclude: e2eTests },
  });
}
projects.push({
  extends: true,
  test: { name: 'e2e', include: e2eTests, testTimeout: 120_000, hookTimeout: 180_000 },
});

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects,
  },
});
