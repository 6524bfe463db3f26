#!/usr/bin/env node
// `npm start`: install what is missing, build, migrate, seed a demo into an empty embedded database, serve.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureBuilt, ensureInstalled, root, run } from './lib.mjs';
import { ensureSupportedNode } from './toolchain.mjs';

ensureSupportedNode();
ensureInstalled();
ensureBuilt();

const env = { ...process.env };
const host = env.HOST ?? '127.0.0.1';
const port = env.PORT ?? '3000';
const cli = path.join(root, 'apps/server/dist/cli.js');
run(process.execPath, [cli, 'migrate']);
const embedded = !env.DATABASE_URL?.startsWith('postgres');
if (embedded || env.WEIBAO_SEED_DEMO === '1') run(process.execPath, [cli, 'seed-demo']);

const server = spawn(process.execPath, [path.join(root, 'apps/server/dist/main.js')], {
  cwd: root,
  env: { ...env, HOST: host, PORT: port },
  stdio: 'inherit',
});
const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
for (let i = 0; i < 100; i++) {
  try {
    const r = await fetch(`${url}/api/v1/health`);
    if (r.ok) break;
  } catch {
    /* not listening yet */
  }
  await new Promise((r) => setTimeout(r, 200));
}
console.log(`
维保 Weibao is running at ${url}
  API docs:  ${url}/api/docs
  Database:  ${embedded ? path.resolve(env.WEIBAO_DATA_DIR ?? 'data', 'weibao.sqlite') : 'PostgreSQL (DATABASE_URL)'}
  Demo logins (password Weibao@2026):
    dispatcher  调度 (phone intake, dispatch)     engineer    工程师
    manager     服务经理                          cust_a      客户用户 (省信息中心)
    lead_a      采购人项目负责人                    cust_b      客户用户 (市自然资源局)
    admin       系统管理员   secadmin  安全管理员   auditor   审计管理员
Press Ctrl+C to stop.`);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
