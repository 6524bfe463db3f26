import SQLite from 'better-sqlite3';
import { listQuery } from '../queries.js';
const db = new SQLite('/work/main/.bench-data/bench.sqlite');
const q = await listQuery('sqlite', { customer: false, after: false, limit: 20 });
const st = db.prepare(q.sql);
for (let k = 0; k < 5; k++) {
  const t = performance.now();
  for (let i = 0; i < 1000; i++) st.all(21);
  console.log('per query ms', (performance.now() - t) / 1000);
}
const t = performance.now();
const rows = st.all(21);
for (let i = 0; i < 1000; i++) JSON.stringify(rows);
console.log('json ms', (performance.now() - t) / 1000);
