// Checks that zh-CN.json and en.json have the same keys and that every literal t('key') in src exists.
// Run: node apps/web/scripts/check-i18n.mjs
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';

const root = fileURLToPath(new URL('../src', import.meta.url));
const load = (f) => JSON.parse(readFileSync(join(root, 'i18n', f), 'utf8'));
const flat = (o, p = '') =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? flat(v, `${p}${k}.`) : [`${p}${k}`]));
// The enum labels come from packages/schema/src/labels.ts (merged in by src/i18n/index.ts).
const labelsTs = readFileSync(
  fileURLToPath(new URL('../../../packages/schema/src/labels.ts', import.meta.url)),
  'utf8',
);
const { labelCatalogue } = await import(
  `data:text/javascript,${encodeURIComponent(transformSync(labelsTs, { loader: 'ts', format: 'esm' }).code)}`
);
const zh = new Set([...flat(load('zh-CN.json')), ...flat(labelCatalogue('zh-CN'))]);
const en = new Set([...flat(load('en.json')), ...flat(labelCatalogue('en'))]);
let bad = 0;
for (const k of zh) if (!en.has(k)) (bad++, console.log(`missing in en: ${k}`));
for (const k of en) if (!zh.has(k)) (bad++, console.log(`missing in zh-CN: ${k}`));

const files = [];
const walk = (d) =>
  readdirSync(d).forEach((f) =>
    statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : /\.tsx?$/.test(f) && files.push(join(d, f)),
  );
walk(root);
const han = /[\u4e00-\u9fff]/;
for (const f of files) {
  const src = readFileSync(f, 'utf8');
  for (const m of src.matchAll(/\bt\(\s*'([^']+)'/g))
    if (!zh.has(m[1])) (bad++, console.log(`${f}: unknown key ${m[1]}`));
  // No hard-coded Chinese in components (comments excepted).
  src.split('\n').forEach((line, i) => {
    const code = line.replace(/\/\/.*$/, '').replace(/\/\*.*?\*\//g, '');
    if (han.test(code) && !/^\s*\*/.test(line)) (bad++, console.log(`${f}:${i + 1}: Chinese text in code`));
  });
}
console.log(bad ? `${bad} problem(s)` : `i18n ok: ${zh.size} keys`);
process.exit(bad ? 1 : 0);
