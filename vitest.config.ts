import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The zod-free subpaths (`@weibao/schema/labels`, `/enum-values` …) resolve to their sources, as in the web's
    // build, for tests that load the web's modules.
    alias: [
      {
        find: /^@weibao\/schema\/([\w-]+)$/,
        replacement: path.resolve(import.meta.dirname, 'packages/schema/src/$1.ts'),
      },
      { find: /^@weibao\/schema$/, replacement: path.resolve(import.meta.dirname, 'packages/schema/src/index.ts') },
    ],
  },
  test: {
    include: ['apps/server/src/**/*.test.ts', 'packages/*/src/**/*.test.ts', 'apps/web/src/**/*.test.ts'],
    environment: 'node',
    env: { TZ: 'UTC' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Files share one PostgreSQL server but each makes its own database, so they can run in parallel.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
