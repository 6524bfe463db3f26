#!/usr/bin/env node
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '@weibao/schema';
import pino from 'pino';
import { loadConfigOrExit } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { AppError } from './lib/errors.js';
import { message } from './http/messages.js';
import { seedDemo } from './modules/seed/demo.js';
import { buildServices } from './services.js';

const USAGE = `weibao <command>

  migrate                     apply pending database migrations
  seed-demo                   seed the demo data into an empty database
  user create --username U --name N --org ORG_NAME --role R [--role R2] [--password P] [--email E]
  audit verify                check the audit log hash chain (exit 1 if broken)
  records verify              check signed O&M records and their signatures (exit 1 on any finding)
  docs routes [--write|--check]  print the route table of docs/API.md from the route registry;
                              --write rewrites it between its markers, --check exits 1 when it differs

Database: DATABASE_URL=postgres://... or SQLite at $WEIBAO_DATA_DIR/weibao.sqlite (default ./data).`;

async function main(argv: string[]): Promise<number> {
  const [cmd, sub, ...rest] = argv;
  if (cmd === 'docs' && sub === 'routes') return docsRoutes(rest);
  const config = loadConfigOrExit();
  const database = openDatabase({
    databaseUrl: config.databaseUrl,
    sqlitePath: path.join(config.dataDir, 'weibao.sqlite'),
  });
  const log = pino({ level: 'warn' });
  // `seed-demo` moves this clock into the past to play the demo history through the services.
  let frozenAt: number | null = null;
  const s = buildServices(config, database, log, () => frozenAt ?? Date.now());
  const say = (m: string) => process.stdout.write(`${m}\n`);
  try {
    if (cmd === 'migrate') {
      const done = await migrateToLatest(database.db);
      say(done.length ? `applied: ${done.join(', ')}` : 'database is up to date');
      return 0;
    }
    if (cmd === 'seed-demo') {
      await migrateToLatest(database.db);
      const started = performance.now();
      const history = {
        travel: (ms: number) => {
          frozenAt = ms;
        },
        back: () => {
          frozenAt = null;
        },
      };
      const r = await seedDemo(s, say, { assets: true, history });
      say(
        r.created
          ? `demo data seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`
          : 'database already has users; nothing seeded',
      );
      return 0;
    }
    if (cmd === 'user' && sub === 'create') {
      const { values } = parseArgs({
        args: rest,
        options: {
          username: { type: 'string' },
          name: { type: 'string' },
          org: { type: 'string' },
          role: { type: 'string', multiple: true },
          password: { type: 'string' },
          email: { type: 'string' },
        },
      });
      const roles = (values.role ?? []) as Role[];
      if (!values.username || !values.org || !roles.length) {
        say(USAGE);
        return 2;
      }
      const bad = roles.find((r) => !ROLES.includes(r));
      if (bad) {
        say(`unknown role ${bad}; roles: ${ROLES.join(', ')}`);
        return 2;
      }
      const org = await s.projects.repo.orgByName(database.db, values.org);
      if (!org) {
        say(`no organisation named ${values.org}`);
        return 2;
      }
      const password =
        values.password ?? `Wb-${Math.random().toString(36).slice(2, 8)}${Math.floor(Math.random() * 90 + 10)}A`;
      const u = await s.users.create(null, {
        username: values.username,
        displayName: values.name ?? values.username,
        orgId: org.id,
        roles,
        level: 1,
        email: values.email ?? null,
        phone: null,
        password,
      });
      say(
        `created ${u.username} (${u.roles.join(', ')})${values.password ? '' : ` with temporary password ${password}`}; it must be changed at first login`,
      );
      return 0;
    }
    if (cmd === 'audit' && sub === 'verify') {
      const r = await s.audit.verify((n) => process.stderr.write(`\rchecked ${n} rows…`));
      process.stderr.write('\n');
      say(r.ok ? `audit log intact: ${r.checked} rows verified` : `AUDIT LOG BROKEN at row ${r.seq}: ${r.problem}`);
      return r.ok ? 0 : 1;
    }
    if (cmd === 'records' && sub === 'verify') {
      const r = await s.records.verify((n) => process.stderr.write(`\rchecked ${n} signed records…`));
      process.stderr.write('\n');
      for (const p of r.problems) say(`FINDING ${p.number} (${p.recordId}): ${p.problem}`);
      say(
        r.problems.length
          ? `O&M RECORDS CHANGED: ${r.problems.length} finding(s) in ${r.checked} signed records`
          : `O&M records intact: ${r.checked} signed records verified`,
      );
      return r.problems.length ? 1 : 0;
    }
    say(USAGE);
    return cmd ? 2 : 0;
  } catch (e) {
    if (e instanceof AppError) {
      say(`error: ${message('en', e.code, { ...e.params, field: e.field ?? '' })}`);
      return 2;
    }
    throw e;
  } finally {
    await database.destroy();
  }
}

/** Needs no configured database: the app is built on a throw-away in-memory one. */
async function docsRoutes(args: string[]): Promise<number> {
  const d = await import('./http/route-docs.js');
  const routes = await d.registeredRoutes();
  const table = d.routeTableMarkdown(routes);
  if (!args.length) {
    process.stdout.write(`${table}\n`);
    return 0;
  }
  const doc = fs.readFileSync(d.API_DOC, 'utf8');
  if (args[0] === '--check') {
    const same = d.documentedRouteTable(doc) === table;
    process.stdout.write(
      same ? 'docs/API.md route table is up to date\n' : `docs/API.md is stale: run ${d.ROUTES_COMMAND}\n`,
    );
    return same ? 0 : 1;
  }
  if (args[0] !== '--write') {
    process.stdout.write(`${USAGE}\n`);
    return 2;
  }
  fs.writeFileSync(d.API_DOC, d.spliceRouteTable(doc, table));
  process.stdout.write(`wrote ${routes.length} routes to ${d.API_DOC}\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
