/**
 * `npm run bench:assets`: the asset ledger at 100,000 items (issue 4, "fast at 100,000 assets"),
 * on SQLite and (when reachable) PostgreSQL. The ledger is imported from one generated .xlsx
 * through the real import route, then the pages people use are timed. Requests go through the
 * whole app in-process (`app.inject`: routing, session, zod, service, SQL, serialisation; no
 * socket), so the figures are the app's own cost. Results replace the assets block of
 * docs/benchmarks.md.
 *
 * Environment: BENCH_ASSETS=100000, BENCH_DIALECTS=sqlite,postgres, BENCH_PG_URL, BENCH_LATENCY_N=200, BENCH_DOCS=0
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config.js';
import type { Dialect } from '../apps/server/src/db/database.js';
import { migrateToLatest } from '../apps/server/src/db/migrate.js';
import { benchLog, benchMain, freshBenchDatabase, pct } from './common.js';
import { COLUMNS } from '../apps/server/src/modules/assets/spreadsheet.js';
import { DEMO_PASSWORD, seedDemo } from '../apps/server/src/modules/seed/demo.js';

const env = process.env;
const N = Number(env.BENCH_ASSETS ?? 100_000);
const LATENCY_N = Number(env.BENCH_LATENCY_N ?? 200);
const TARGET = { importS: 60, pageP95Ms: 50, exportS: 30 };
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weibao-bench-assets-'));
const log = benchLog;

/** N ledger rows: every 5th a server whose next 3 rows are its disks, 20 acceptance batches 2022–2026. */
async function ledgerXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('assets');
  ws.addRow(COLUMNS.map(([, zh, en]) => `${zh} ${en}`));
  let server = '';
  for (let i = 0; i < N; i++) {
    const batch = i % 20;
    const day = `${2022 + Math.floor(batch / 4)}-${String((batch % 4) * 3 + 1).padStart(2, '0')}-15`;
    const serial = `SN-${String(i).padStart(7, '0')}`;
    const role = i % 5;
    if (role === 0) server = serial;
    const part = role >= 1 && role <= 3;
    ws.addRow([
      role === 4 ? '软件' : '硬件',
      part ? '硬盘' : role === 4 ? '数据库' : '服务器',
      part ? `数据盘${role}` : role === 4 ? `数据库许可${i}` : `服务器${i}`,
      part ? '希捷 4TB' : 'Huawei 2288H V5',
      serial,
      `ZC-${i}`,
      `机房${i % 7}-${i % 40}`,
      '华为',
      part ? server : '',
      `批次${batch}`,
      day,
      '',
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Runs `fn` while sampling the JS heap plus buffers every 20 ms (RSS rarely shrinks after a GC, so
 * it hides what one operation needs); returns its result and the peak growth in MB.
 */
const used = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};
async function peakRss<T>(fn: () => Promise<T>): Promise<{ value: T; mb: number }> {
  const base = used();
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, used());
  }, 20);
  try {
    const value = await fn();
    peak = Math.max(peak, used());
    return { value, mb: Math.round((peak - base) / 1e6) };
  } finally {
    clearInterval(timer);
  }
}

async function run(dialect: Dialect, file: Buffer) {
  const database = await freshBenchDatabase(dialect, 'assets', dataDir);
  await migrateToLatest(database.db);
  const app = await buildApp({
    config: loadConfig({}, { dataDir, workers: false, logLevel: 'silent' }),
    database,
    logger: false,
  });
  await seedDemo(app.services);
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'manager', password: DEMO_PASSWORD },
  });
  const headers = {
    cookie: String(login.headers['set-cookie']).split(';')[0]!,
    'x-csrf-token': login.json().csrfToken,
  };
  const projectId = (await app.services.projects.repo.projects(database.db))[0]!.id;

  const boundary = 'weibaobench';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ledger.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  global.gc?.();
  let t0 = performance.now();
  const { value: imp, mb: importRssMb } = await peakRss(() =>
    app.inject({
      method: 'POST',
      url: `/api/v1/projects/${projectId}/assets/import`,
      headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    }),
  );
  const importS = (performance.now() - t0) / 1000;
  if (imp.statusCode !== 200 || imp.json().imported !== N)
    throw new Error(`import failed: ${imp.statusCode} ${imp.body.slice(0, 500)}`);
  log(`${dialect}: imported ${N} in ${importS.toFixed(1)} s`);

  const get = async (url: string) => {
    const r = await app.inject({ method: 'GET', url, headers });
    if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body.slice(0, 300)}`);
    return r;
  };
  // A cursor 20 pages deep for the "deep page" series.
  let cursor = '';
  for (let i = 0; i < 20; i++)
    cursor = (await get(`/api/v1/assets?projectId=${projectId}&limit=50${cursor ? `&cursor=${cursor}` : ''}`)).json()
      .nextCursor;
  const anAsset = (await get(`/api/v1/assets?projectId=${projectId}&limit=1`)).json().items[0].id;
  const series: [string, string][] = [
    ['ledger, first page (50)', `/api/v1/assets?projectId=${projectId}&limit=50`],
    ['ledger, page 21', `/api/v1/assets?projectId=${projectId}&limit=50&cursor=${cursor}`],
    ['by warranty end, first page', `/api/v1/assets?projectId=${projectId}&sort=warranty_end&limit=50`],
    ['warranty ending within 90 days', `/api/v1/assets?endingWithinDays=90&limit=50`],
    ['search "SN-0099" (serial, name, model, tag)', `/api/v1/assets?projectId=${projectId}&q=SN-0099&limit=50`],
    ['annual inspections overdue', `/api/v1/inspections/annual?projectId=${projectId}&status=overdue&limit=50`],
    ['asset detail (parts, history, inspections)', `/api/v1/assets/${anAsset}`],
    ['asset archive', `/api/v1/assets/${anAsset}/archive`],
  ];
  const pages: { name: string; p50: number; p95: number }[] = [];
  for (const [name, url] of series) {
    for (let i = 0; i < 10; i++) await get(url);
    const ms: number[] = [];
    for (let i = 0; i < LATENCY_N; i++) {
      const a = performance.now();
      await get(url);
      ms.push(performance.now() - a);
    }
    pages.push({ name, p50: pct(ms, 50), p95: pct(ms, 95) });
    log(`${dialect}: ${name} p95 ${pct(ms, 95).toFixed(2)} ms`);
  }
  global.gc?.();
  t0 = performance.now();
  const { value: exp, mb: exportRssMb } = await peakRss(() => get(`/api/v1/projects/${projectId}/assets.xlsx`));
  const exportS = (performance.now() - t0) / 1000;
  const exportMb = exp.rawPayload.length / 1e6;
  await app.close();
  await database.destroy();
  return { dialect, importS, importRssMb, pages, exportS, exportMb, exportRssMb };
}

function report(results: Awaited<ReturnType<typeof run>>[]): string {
  const ok = (v: boolean) => (v ? 'met' : '**missed**');
  const lines = [
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${N.toLocaleString('en')} assets, ${os.cpus().length} cores, Node ${process.version}.`,
    '',
  ];
  for (const r of results) {
    lines.push(`**${r.dialect}**`, '', '| measure | value | target |', '| --- | --- | --- |');
    lines.push(
      `| import ${N.toLocaleString('en')} rows from one .xlsx (parse, validate, insert, one transaction) | ${r.importS.toFixed(1)} s (peak heap + buffers +${r.importRssMb} MB) | ≤ ${TARGET.importS} s, ${ok(r.importS <= TARGET.importS)} |`,
    );
    for (const p of r.pages)
      lines.push(
        `| ${p.name}: p50 / p95 | ${p.p50.toFixed(2)} / ${p.p95.toFixed(2)} ms | p95 ≤ ${TARGET.pageP95Ms} ms, ${ok(p.p95 <= TARGET.pageP95Ms)} |`,
      );
    lines.push(
      `| export the ledger to .xlsx (streamed) | ${r.exportS.toFixed(1)} s, ${r.exportMb.toFixed(1)} MB (peak heap + buffers +${r.exportRssMb} MB) | ≤ ${TARGET.exportS} s, ${ok(r.exportS <= TARGET.exportS)} |`,
      '',
    );
  }
  return lines.join('\n');
}

log(`generating ${N} ledger rows`);
const file = await ledgerXlsx();
log(`xlsx ${(file.length / 1e6).toFixed(1)} MB`);
await benchMain({
  name: 'assets',
  heading: 'Asset ledger at 100,000 items',
  dataDir,
  run: (d) => run(d, file),
  report,
});
