// Browser suite: `npx vitest run --config apps/web/e2e/vitest.config.ts` (what `npm test -- e2e` runs
// after building server and web). Drives /usr/bin/chromium (or $CHROMIUM_PATH) with playwright-core
// against a real server on a temporary SQLite database seeded with the demo data (see globalSetup.ts).
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.resolve(import.meta.dirname, '../../..');

export default defineConfig({
  root,
  test: {
    name: 'e2e',
    include: ['apps/web/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: [path.join(import.meta.dirname, 'globalSetup.ts')],
    // One browser at a time per process, whose files share one server and database; on 4 or more cores `npm test`
    // runs such processes side by side (`--shard=i/n`, WEIBAO_E2E_SHARDS), each with its own server and database.
    fileParallelism: false,
    maxWorkers: 1,
    pool: 'forks',
    testTimeout: 120_000,
    // expect.poll waits on the page's state; vitest's default gives up after 1 s, which a reload on a busy
    // 2-core machine (two browsers side by side) can outlast. A passing poll returns as soon as it holds.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    // Steps of one flow are separate tests that share state; they must run in order.
    sequence: { concurrent: false, shuffle: false },
  },
});
