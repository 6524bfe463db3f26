import { buildApp } from '../../apps/server/src/app.js';
import { loadConfig } from '../../apps/server/src/config.js';
import { openDatabase } from '../../apps/server/src/db/database.js';
const database = openDatabase({ databaseUrl: process.env.PGURL ?? null, sqlitePath: '/work/main/.bench-data/bench.sqlite' });
const app = await buildApp({ config: loadConfig({}, { workers: false, logLevel: 'warn', dataDir: '/work/main/.bench-data' }), database });
let queries = 0;
const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'dispatcher', password: 'Weibao@2026' } });
const cookie = String(r.headers['set-cookie']).split(';')[0]!;
const headers = { cookie, 'x-csrf-token': r.json().csrfToken };
const p = (await app.inject({ method: 'GET', url: '/api/v1/projects', headers })).json();
const body = { projectId: p[0].id, title: 'x', level: 3, channel: 'phone', reporterName: 'a', reporterPhone: '1380000' };
const mode = process.argv[2] ?? 'create';
for (let round = 0; round < 3; round++) {
  const t = performance.now();
  const N = 1000;
  for (let i = 0; i < N; i++) {
    const res = mode === 'create' ? await app.inject({ method: 'POST', url: '/api/v1/tickets', headers, payload: body }) : await app.inject({ method: 'GET', url: '/api/v1/tickets?tab=all&limit=20', headers });
    if (res.statusCode !== 200) throw new Error(res.body);
  }
  console.log(mode, 'ms per request', (performance.now() - t) / N);
}
await app.close();
await database.destroy();
