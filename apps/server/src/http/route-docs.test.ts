import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../test/harness.js';
import { API_DOC, ROUTES_COMMAND, documentedRouteTable, routeTableMarkdown, spliceRouteTable } from './route-docs.js';

// The table does not depend on the dialect: SQLite only.
describe('docs/API.md route table', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp('sqlite', { seed: false });
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('lists every registered route with its access rule, exactly as the generator prints it', () => {
    const table = routeTableMarkdown(t.app.routeTable);
    const documented = documentedRouteTable(fs.readFileSync(API_DOC, 'utf8'));
    expect(documented, 'docs/API.md lost its <!-- routes:begin --> / <!-- routes:end --> markers').not.toBeNull();
    if (documented !== table)
      expect.fail(`docs/API.md's route table is stale or was edited by hand: run \`${ROUTES_COMMAND}\``);
    for (const r of t.app.routeTable) expect(table).toContain(`| ${r.method} | ${r.url.slice('/api/v1'.length)} |`);
  });

  it('names shared schemas and who may call', () => {
    const table = routeTableMarkdown(t.app.routeTable);
    expect(table).toContain('| POST | /auth/login |');
    expect(table).toMatch(/\| POST \| \/auth\/login \| [^|]+ \| LoginRequest \| Me \| anyone \|/);
    expect(table).toMatch(/\| GET \| \/audit \| [^|]+ \| AuditQuery \| [^|]+ \| auditor \|/);
    expect(table).toMatch(/\| GET \| \/projects\/:id\/presence\/daily \| .+ \| DailyPresence \|/);
  });

  it('rewrites only the text between the markers', () => {
    const doc = 'prose\n<!-- routes:begin -->\nold\n<!-- routes:end -->\nafter\n';
    expect(spliceRouteTable(doc, 'new')).toBe('prose\n<!-- routes:begin -->\nnew\n<!-- routes:end -->\nafter\n');
    expect(() => spliceRouteTable('no markers', 'x')).toThrow(/markers/);
  });
});
