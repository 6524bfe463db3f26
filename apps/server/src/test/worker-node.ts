/**
 * One "app node" for the multi-node test and the alert fail-over bench: builds the services on
 * DATABASE_URL (or, without one, the SQLite file <WEIBAO_DATA_DIR>/weibao.sqlite, shared in WAL mode
 * with the other processes on it) and runs the
 * background worker (SLA alerts, mail, auto-close) with WEIBAO_NODE_ID until it reads "stop" on
 * stdin, stdin closes, or WORKER_RUN_MS passes. Prints "ready <node>" once polling and
 * "done <node>" after a clean stop.
 *
 *   DATABASE_URL=postgres://… WEIBAO_NODE_ID=node-a WEIBAO_ALERT_POLL_MS=100 npx tsx apps/server/src/test/worker-node.ts
 */
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { buildServices } from '../services.js';

const config = loadConfig(process.env, { workers: true, logLevel: 'warn' });
const runMs = Number(process.env.WORKER_RUN_MS ?? 5000);
const database = openDatabase({
  databaseUrl: config.databaseUrl,
  sqlitePath: path.join(config.dataDir, 'weibao.sqlite'),
  poolSize: 4,
});
const log = pino({ level: 'warn' }, pino.destination(2));
const services = buildServices(config, database, log);

services.worker.start();
process.stdout.write(`ready ${config.nodeId}\n`);

await new Promise<void>((resolve) => {
  const timer = setTimeout(resolve, runMs);
  const finish = () => {
    clearTimeout(timer);
    resolve();
  };
  process.stdin.on('data', (d) => {
    if (String(d).includes('stop')) finish();
  });
  process.stdin.on('end', finish);
});
await services.worker.stop();
services.mailer.close();
await database.destroy();
process.stdout.write(`done ${config.nodeId}\n`);
process.exit(0);
