// The browser bundle must not carry the zod schemas: the web takes only types from `@weibao/schema` and
// runtime values from its zod-free subpaths (levels, labels, audit-actions, limits, enum-values). The sign-in page
// must not carry antd: it is every visitor's first paint (Lighthouse budget in bench/lighthouse.ts).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const src = path.resolve(import.meta.dirname, '..');
const files = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
const importsOf = (file: string) =>
  [...fs.readFileSync(file, 'utf8').matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms)].map((m) => ({
    typeOnly: !!m[2],
    from: m[3]!,
  }));

/** Every module `file` loads at runtime (type-only imports erased), following relative imports. */
function runtimeGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const i of importsOf(file)) {
    if (i.typeOnly) continue;
    if (!i.from.startsWith('.')) {
      seen.add(i.from);
      continue;
    }
    const base = path.resolve(path.dirname(file), i.from);
    const target = ['.tsx', '.ts', '/index.ts', '/index.tsx', '']
      .map((ext) => base + ext)
      .find((p) => fs.existsSync(p) && fs.statSync(p).isFile());
    if (target && /\.tsx?$/.test(target)) runtimeGraph(target, seen);
  }
  return seen;
}

describe('what the browser bundle loads', () => {
  it('takes only types from the zod package root @weibao/schema', () => {
    const offenders = files(src).filter((f) => importsOf(f).some((i) => i.from === '@weibao/schema' && !i.typeOnly));
    expect(offenders.map((f) => path.relative(src, f))).toEqual([]);
  });

  it('loads no antd and no icon package before sign-in (main.tsx and what it imports statically)', () => {
    const graph = [...runtimeGraph(path.join(src, 'app/main.tsx'))];
    expect(graph.filter((m) => /^(antd|@ant-design\/)/.test(m))).toEqual([]);
    // the signed-in app is there only as a lazy import()
    expect(graph.some((m) => m.endsWith('SignedInApp.tsx'))).toBe(false);
  });

  // antd's components are one chunk (vite.config.ts); @ant-design/icons is another, small one.
  const antdProper = (graph: string[]) => graph.filter((m) => /^(antd|@ant-design\/(?!icons))/.test(m));

  it("starts a page's chunks without waiting for antd: the route table, its guards and the layout load no antd", () => {
    // Root preloads the page of the URL from App.tsx while antd's chunk downloads (bench/lighthouse.ts);
    // App.tsx builds the router, and menu.tsx the layout's menus, from the table in routes.tsx.
    for (const file of [
      'app/App.tsx',
      'app/routes.tsx',
      'app/menu.tsx',
      'app/menuSections.ts',
      'app/AppLayout.tsx',
      'app/guards.tsx',
    ])
      expect(antdProper([...runtimeGraph(path.join(src, file))]), file).toEqual([]);
  });

  it('reaches the enum value lists without zod (@weibao/schema/enum-values and /roles import nothing else)', () => {
    const schemaSrc = path.resolve(src, '../../../packages/schema/src');
    expect(importsOf(path.join(schemaSrc, 'enum-values.ts')).map((i) => i.from)).toEqual(['./roles.js']);
    expect(importsOf(path.join(schemaSrc, 'roles.ts'))).toEqual([]);
  });

  it('paints the queue without antd (its table, tabs, pager; the filters come in an AntScope)', () => {
    expect(antdProper([...runtimeGraph(path.join(src, 'features/tickets/TicketQueuePage.tsx'))])).toEqual([]);
  });
});
