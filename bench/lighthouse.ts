/**
 * Lighthouse 12 (pinned: 13 wants Node 22) against the built app, in Debian's /usr/bin/chromium:
 * /login signed out and the ticket queue signed in (the session cookie passed as an extra header),
 * each with the desktop and the mobile preset. Prints the four category scores per run and the
 * JavaScript the login page transfers; exits 1 when a target is missed:
 * performance ≥ 90 desktop / ≥ 75 mobile, accessibility 100, best practices 100.
 *
 *   npm run build && npm run bench:lighthouse
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';

const root = path.resolve(import.meta.dirname, '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TARGET = { desktop: 90, mobile: 75 } as const;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function startServer(): Promise<{ baseUrl: string; child: ChildProcess; dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weibao-lh-'));
  const env: NodeJS.ProcessEnv = { ...process.env, WEIBAO_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const seed = spawnSync(process.execPath, ['apps/server/dist/cli.js', 'seed-demo'], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  if (seed.status !== 0) throw new Error(`seed-demo failed: ${seed.stderr}`);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['apps/server/dist/main.js'], {
    cwd: root,
    env: { ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: 'ignore',
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${baseUrl}/api/v1/health`)).ok) return { baseUrl, child, dataDir };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not start');
}

async function sessionCookie(baseUrl: string, username: string): Promise<string> {
  const r = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'Weibao@2026' }),
  });
  if (!r.ok) throw new Error(`login ${username}: ${r.status}`);
  return r.headers.get('set-cookie')!.split(';')[0]!;
}

interface Run {
  page: string;
  form: 'desktop' | 'mobile';
  scores: Record<string, number>;
  scriptBytes: number;
  metrics: string;
}

/** The five metrics the performance score is made of, as Lighthouse prints them (e.g. "FCP 0.8 s"). */
const METRICS = {
  'first-contentful-paint': 'FCP',
  'largest-contentful-paint': 'LCP',
  'total-blocking-time': 'TBT',
  'speed-index': 'SI',
  'cumulative-layout-shift': 'CLS',
} as const;

async function audit(port: number, url: string, form: 'desktop' | 'mobile', cookie?: string): Promise<Run> {
  const flags = {
    port,
    output: 'json' as const,
    logLevel: 'error' as const,
    onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
  };
  const result = await lighthouse(url, flags, form === 'desktop' ? desktopConfig : undefined);
  if (!result) throw new Error(`no result for ${url}`);
  const lhr = result.lhr;
  // LH_SAVE=<dir> keeps each report (LCP element, long tasks, bootup time…) for a closer look.
  if (process.env.LH_SAVE) {
    fs.mkdirSync(process.env.LH_SAVE, { recursive: true });
    fs.writeFileSync(
      path.join(process.env.LH_SAVE, `${new URL(url).pathname.replace(/\W+/g, '_')}-${form}.json`),
      JSON.stringify(lhr),
    );
  }
  const scores = Object.fromEntries(Object.values(lhr.categories).map((c) => [c.id, Math.round((c.score ?? 0) * 100)]));
  const items =
    (
      lhr.audits['network-requests']?.details as
        { items?: { resourceType?: string; transferSize?: number }[] } | undefined
    )?.items ?? [];
  const scriptBytes = items.filter((i) => i.resourceType === 'Script').reduce((s, i) => s + (i.transferSize ?? 0), 0);
  for (const [id, a] of Object.entries(lhr.audits)) {
    if (
      a.score !== null &&
      a.score < 1 &&
      a.scoreDisplayMode === 'binary' &&
      ['accessibility', 'best-practices'].some((c) => lhr.categories[c]?.auditRefs.some((r) => r.id === id))
    ) {
      console.log(`    ✗ ${id}: ${a.title}`);
    }
  }
  const metrics = Object.entries(METRICS)
    .map(([id, name]) => `${name} ${lhr.audits[id]?.displayValue ?? '?'}`)
    .join(' · ');
  return { page: new URL(url).pathname, form, scores, scriptBytes, metrics };
}

async function main() {
  const { baseUrl, child, dataDir } = await startServer();
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  const runs: Run[] = [];
  let failed = false;
  try {
    const cookie = await sessionCookie(baseUrl, 'dispatcher');
    // LH_FORMS=desktop runs one preset only.
    const forms = (['desktop', 'mobile'] as const).filter(
      (f) => !process.env.LH_FORMS || process.env.LH_FORMS.split(',').includes(f),
    );
    for (const form of forms) {
      // LH_PAGES=/tickets measures only the pages listed (comma-separated).
      const only = process.env.LH_PAGES?.split(',');
      for (const [page, c] of (
        [
          ['/login', undefined],
          ['/tickets', cookie],
        ] as const
      ).filter(([p]) => !only || only.includes(p))) {
        const r = await audit(chrome.port, `${baseUrl}${page}`, form, c);
        runs.push(r);
        const perf = r.scores.performance ?? 0;
        const ok = perf >= TARGET[form] && r.scores.accessibility === 100 && r.scores['best-practices'] === 100;
        failed ||= !ok;
        console.log(
          `${ok ? '✓' : '✗'} ${page.padEnd(9)} ${form.padEnd(7)} performance ${perf} · accessibility ${r.scores.accessibility} · best practices ${r.scores['best-practices']} · seo ${r.scores.seo} · JS ${(r.scriptBytes / 1024).toFixed(1)} KB`,
        );
        console.log(`    ${r.metrics}`);
      }
    }
    const login = runs.find((r) => r.page === '/login' && r.form === 'desktop') ?? { scriptBytes: 0 };
    console.log(`login page JavaScript transferred: ${(login.scriptBytes / 1024).toFixed(1)} KB (budget 350 KB)`);
    failed ||= login.scriptBytes > 350 * 1024;
  } finally {
    chrome.kill();
    child.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

void main();
