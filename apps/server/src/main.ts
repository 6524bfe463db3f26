import { buildApp } from './app.js';
import { loadConfigOrExit } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import path from 'node:path';

/** Serves Weibao: migrate, start the workers, listen. */
const config = loadConfigOrExit();
const database = openDatabase({
  databaseUrl: config.databaseUrl,
  sqlitePath: path.join(config.dataDir, 'weibao.sqlite'),
});
await migrateToLatest(database.db);
const app = await buildApp({ config, database });
if (config.workers) app.services.worker.start();
await app.listen({ host: config.host, port: config.port });

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await app.close();
    await database.destroy();
    process.exit(0);
  });
}
