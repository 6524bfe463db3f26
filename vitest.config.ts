import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The label table is also reached on its own path (as the web does), for tests that load the web's catalogues.
    alias: [
      {
        find: /^@weibao\/schema\/labels$/,
        replacement: path.resolve(import.meta.dirname, 'packages/schema/src/labels.ts'),
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
