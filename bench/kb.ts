/**
 * `npm run bench:kb` (also run by `npm run bench`): knowledge-base search at 100,000 articles
 * (issue 6: p95 <= 50 ms), on SQLite and (when reachable) PostgreSQL. Articles are generated from
 * an O&M vocabulary with Zipf-distributed word frequencies (a few words in most articles, most
 * words in few), loaded in bulk with their index rows, then searches are timed through the whole
 * app in-process (`app.inject`: session, zod, service, SQL, serialisation). Results replace the kb
 * block of docs/benchmarks.md.
 *
 * Environment: BENCH_KB=100000, BENCH_DIALECTS=sqlite,postgres, BENCH_PG_URL, BENCH_LATENCY_N=200, BENCH_DOCS=0
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config.js';
import type { Dialect } from '../apps/server/src/db/database.js';
import { refreshStats } from '../apps/server/src/db/dialect.js';
import { migrateToLatest } from '../apps/server/src/db/migrate.js';
import { benchLog, benchMain, freshBenchDatabase, pct } from './common.js';
import { KbSearch } from '../apps/server/src/db/search/kb.js';
import { DEMO_PASSWORD, seedDemo } from '../apps/server/src/modules/seed/demo.js';

const env = process.env;
const N = Number(env.BENCH_KB ?? 100_000);
const LATENCY_N = Number(env.BENCH_LATENCY_N ?? 200);
const TARGET_P95_MS = 50;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weibao-bench-kb-'));
const log = benchLog;

const TERMS = (
  '服务器 交换机 路由器 防火墙 打印机 数据库 中间件 操作系统 网络 存储 备份 恢复 磁盘 内存 电源 风扇 光模块 端口 地址 域名 证书 ' +
  '账号 密码 权限 日志 告警 监控 性能 延迟 丢包 宕机 重启 升级 补丁 漏洞 病毒 配置 参数 负载 集群 主备 切换 同步 复制 归档 表空间 索引 ' +
  '死锁 连接池 线程 超时 无法 连接 登录 访问 打开 上传 下载 导出 导入 报表 查询 统计 审批 流程 门户 首页 接口 服务 进程 任务 计划 ' +
  '机房 空调 温度 湿度 巡检 更换 维修 保修 硬盘 阵列 控制器 固件 驱动 浏览器 客户端 插件 终端 扫描仪 摄像头 视频 会议 大屏 投影 ' +
  '政务 审批系统 不动产 国土 测绘 地图 图层 坐标 影像 数据交换 共享平台 电子证照 统一认证 单点登录 短信 邮件 文件 附件 乱码 卡顿 缓慢'
).split(' ');
const EN =
  'oracle mysql postgresql nginx tomcat weblogic redis kafka linux windows vmware docker kubernetes vpn dns dhcp ssl tls https ldap ntp snmp raid iscsi nfs smb backup restore timeout deadlock spooler printer offline ping traceroute firewall switch router certificate license patch kernel memory cpu disk'.split(
    ' ',
  );
// A long tail of generated two-character words, as real text has.
const CHARS =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质'.split(
    '',
  );
let seed = 42;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const LONG_TAIL = Array.from(
  { length: 20_000 },
  () => CHARS[Math.floor(rnd() * CHARS.length)]! + CHARS[Math.floor(rnd() * CHARS.length)]!,
);
const VOCAB = [...TERMS, ...LONG_TAIL];
/** Zipf: the k-th word is drawn with probability ~ 1/k. */
const zipf = () => VOCAB[Math.min(VOCAB.length - 1, Math.floor(Math.exp(rnd() * Math.log(VOCAB.length + 1)) - 1))]!;
const sentence = (n: number) =>
  Array.from({ length: n }, () => (rnd() < 0.12 ? EN[Math.floor(rnd() * EN.length)]! : zipf())).join(
    rnd() < 0.5 ? '' : ' ',
  );

function article(i: number) {
  const title = `${sentence(3)}${rnd() < 0.3 ? ' ' + EN[i % EN.length] : ''}的处理方法 ${i}`;
  const body = `## 现象\n\n${sentence(25)}。\n\n## 原因\n\n${sentence(20)}。\n\n## 解决方法\n\n1. ${sentence(15)}\n2. ${sentence(15)}\n`;
  return { title, body, tags: [zipf(), zipf()] };
}

async function run(dialect: Dialect) {
  const database = await freshBenchDatabase(dialect, 'kb', dataDir);
  await migrateToLatest(database.db);
  const app = await buildApp({
    config: loadConfig({}, { dataDir, workers: false, logLevel: 'silent' }),
    database,
    logger: false,
  });
  await seedDemo(app.services);
  const db = database.db;
  const users = Object.fromEntries(
    (await db.selectFrom('users').select(['username', 'id']).execute()).map((u) => [u.username, u.id]),
  );
  const projects = await db.selectFrom('projects').select(['id']).orderBy('code').execute();

  seed = 42;
  const t0 = performance.now();
  const search = new KbSearch(dialect);
  const now = Date.now();
  const BATCH = 2000;
  for (let start = 0; start < N; start += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, N - start) }, (_, j) => {
      const i = start + j;
      const a = article(i);
      // A third customer-facing (half of those for one project), the rest internal; 5 % drafts.
      const visibility = i % 3 === 0 ? 'customer' : 'internal';
      return {
        a,
        row: {
          id: `kb-${String(i).padStart(7, '0')}`,
          seq: i + 1,
          number: `KB-${String(i + 1).padStart(6, '0')}`,
          title: a.title,
          body: a.body,
          category_id: null,
          tags_json: JSON.stringify(a.tags),
          visibility,
          project_id: visibility === 'customer' && i % 2 === 0 ? projects[i % projects.length]!.id : null,
          status: i % 20 === 7 ? 'draft' : 'published',
          version: 1,
          source_ticket_id: null,
          created_at: now - (N - i) * 60_000,
          created_by: users.engineer!,
          updated_at: now - (N - i) * 60_000,
          updated_by: users.engineer!,
        },
      };
    });
    await db.transaction().execute(async (tx) => {
      for (let k = 0; k < rows.length; k += 250)
        await tx
          .insertInto('kb_articles')
          .values(rows.slice(k, k + 250).map((r) => r.row))
          .execute();
      await search.indexMany(
        tx,
        rows.map((r) => ({ seq: r.row.seq, ...r.a })),
      );
    });
    if ((start / BATCH) % 10 === 0) log(`${dialect}: ${start + rows.length} articles`);
  }
  await refreshStats(dialect, db, 'kb_articles');
  if (dialect === 'postgres') await refreshStats(dialect, db, 'kb_fts');
  const loadS = (performance.now() - t0) / 1000;
  log(`${dialect}: loaded ${N} articles with their index in ${loadS.toFixed(1)} s`);

  const session = async (username: string) => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: DEMO_PASSWORD },
    });
    return { cookie: String(r.headers['set-cookie']).split(';')[0]!, 'x-csrf-token': r.json().csrfToken };
  };
  const staff = await session('engineer');
  const customer = await session('cust_a');
  const get = async (headers: Record<string, string>, url: string) => {
    const r = await app.inject({ method: 'GET', url, headers });
    if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body.slice(0, 300)}`);
    return r.json();
  };
  const q = (s: string) => `/api/v1/kb/articles?q=${encodeURIComponent(s)}&limit=20`;
  const series: [string, Record<string, string>, string][] = [
    ['2 characters, common ("网络")', staff, q('网络')],
    ['2 characters, rare ("死锁")', staff, q('死锁')],
    ['3 characters ("连接池")', staff, q('连接池')],
    ['4 characters ("统一认证")', staff, q('统一认证')],
    ['6 characters, no hit ("打印机无法登录")', staff, q('打印机无法登录')],
    ['English word ("oracle")', staff, q('oracle')],
    ['English prefix ("certif")', staff, q('certif')],
    ['mixed ("nginx 超时")', staff, q('nginx 超时')],
    ['customer, 2 characters ("网络")', customer, q('网络')],
    [
      'suggest while typing a ticket title ("三楼打印机无法连接网络")',
      customer,
      `/api/v1/kb/suggest?q=${encodeURIComponent('三楼打印机无法连接网络')}`,
    ],
    ['list, newest first (30)', staff, '/api/v1/kb/articles?limit=30'],
  ];
  const out: { name: string; hits: number; p50: number; p95: number }[] = [];
  for (const [name, headers, url] of series) {
    for (let i = 0; i < 10; i++) await get(headers, url);
    const ms: number[] = [];
    let hits = 0;
    for (let i = 0; i < LATENCY_N; i++) {
      const a = performance.now();
      const body = await get(headers, url);
      ms.push(performance.now() - a);
      hits = Array.isArray(body) ? body.length : body.items.length;
    }
    out.push({ name, hits, p50: pct(ms, 50), p95: pct(ms, 95) });
    log(`${dialect}: ${name}: ${hits} shown, p95 ${pct(ms, 95).toFixed(2)} ms`);
  }
  await app.close();
  await database.destroy();
  return { dialect, loadS, series: out };
}

function report(results: Awaited<ReturnType<typeof run>>[]): string {
  const ok = (v: boolean) => (v ? 'met' : '**missed**');
  const lines = [
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${N.toLocaleString('en')} articles, ${os.cpus().length} cores, Node ${process.version}.`,
    '',
  ];
  for (const r of results) {
    lines.push(
      `**${r.dialect}** (bulk load with the index: ${r.loadS.toFixed(1)} s)`,
      '',
      '| search | results shown | p50 / p95 | target |',
      '| --- | --- | --- | --- |',
    );
    for (const s of r.series)
      lines.push(
        `| ${s.name} | ${s.hits} | ${s.p50.toFixed(2)} / ${s.p95.toFixed(2)} ms | p95 ≤ ${TARGET_P95_MS} ms, ${ok(s.p95 <= TARGET_P95_MS)} |`,
      );
    lines.push('');
  }
  return lines.join('\n');
}

await benchMain({ name: 'kb', heading: 'Knowledge-base search at 100,000 articles', dataDir, run: run, report });
