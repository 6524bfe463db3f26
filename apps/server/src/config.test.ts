import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';
import { ensureSchemaBuilt, run } from './test/cli.js';

const refusal = (env: NodeJS.ProcessEnv): ConfigError => {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
};

describe('loadConfig', () => {
  // The start-up cases run main.ts and cli.ts under tsx, which loads @weibao/schema from its build.
  beforeAll(() => ensureSchemaBuilt(), 120_000);

  it('keeps every default when nothing is set, and treats empty values as unset', () => {
    for (const env of [{}, { PORT: '', DATABASE_URL: '', LOG_LEVEL: '', WEIBAO_WORKERS: '' }]) {
      const c = loadConfig(env);
      expect(c).toMatchObject({
        host: '127.0.0.1',
        port: 3000,
        dataDir: path.resolve('data'),
        databaseUrl: null,
        sessionIdleMinutes: 30,
        lockoutThreshold: 5,
        lockoutMinutes: 30,
        smtpUrl: null,
        mailFrom: 'Weibao <noreply@weibao.local>',
        alertPollMs: 200,
        workers: true,
        webDist: null,
        logLevel: 'info',
        backdateReasonMinutes: 1440,
        backdateActionReasonMinutes: 15,
        checkResponses: false,
        publicUrl: 'http://127.0.0.1:3000',
      });
      expect(c.nodeId).toBe(`node-${process.pid}`);
    }
  });

  it('reads good values', () => {
    const c = loadConfig({
      HOST: '0.0.0.0',
      PORT: '8080',
      WEIBAO_DATA_DIR: '/var/lib/weibao',
      DATABASE_URL: 'postgresql://weibao:secret@db:5432/weibao',
      WEIBAO_SESSION_IDLE_MIN: '15',
      WEIBAO_LOCKOUT_THRESHOLD: '3',
      WEIBAO_LOCKOUT_MIN: '60',
      SMTP_URL: 'smtps://u:p@mail.example.com:465',
      MAIL_FROM: 'Ops <ops@example.com>',
      WEIBAO_ALERT_POLL_MS: '100',
      WEIBAO_WORKERS: '0',
      WEIBAO_NODE_ID: 'node-a',
      WEIBAO_WEB_DIST: '/srv/web',
      LOG_LEVEL: 'warn',
      WEIBAO_BACKDATE_REASON_MIN: '0',
      WEIBAO_BACKDATE_ACTION_REASON_MIN: '30',
      WEIBAO_CHECK_RESPONSES: '1',
    });
    expect(c).toMatchObject({
      host: '0.0.0.0',
      port: 8080,
      dataDir: '/var/lib/weibao',
      databaseUrl: 'postgresql://weibao:secret@db:5432/weibao',
      sessionIdleMinutes: 15,
      lockoutThreshold: 3,
      lockoutMinutes: 60,
      smtpUrl: 'smtps://u:p@mail.example.com:465',
      mailFrom: 'Ops <ops@example.com>',
      alertPollMs: 100,
      workers: false,
      nodeId: 'node-a',
      webDist: '/srv/web',
      logLevel: 'warn',
      backdateReasonMinutes: 0,
      backdateActionReasonMinutes: 30,
      checkResponses: true,
      publicUrl: 'http://0.0.0.0:8080',
    });
    expect(loadConfig({ WEIBAO_PUBLIC_URL: 'https://weibao.example.com' }).publicUrl).toBe(
      'https://weibao.example.com',
    );
    expect(loadConfig({ WEIBAO_WORKERS: '1' }).workers).toBe(true);
  });

  it('lets the overrides win over the environment', () => {
    expect(loadConfig({ PORT: '8080' }, { port: 1234 }).port).toBe(1234);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['LOG_LEVEL', 'verbose'],
    ['DATABASE_URL', 'mysql://root@localhost/weibao'],
    ['DATABASE_URL', 'postgres//missing-colon'],
    ['WEIBAO_LOCKOUT_THRESHOLD', '-3'],
    ['WEIBAO_LOCKOUT_THRESHOLD', '0'],
    ['WEIBAO_LOCKOUT_MIN', '1.5'],
    ['WEIBAO_SESSION_IDLE_MIN', '0'],
    ['WEIBAO_ALERT_POLL_MS', '0'],
    ['WEIBAO_WORKERS', 'yes'],
    ['SMTP_URL', 'mail.example.com'],
    ['WEIBAO_PUBLIC_URL', 'weibao.example.com'],
    ['WEIBAO_BACKDATE_ACTION_REASON_MIN', 'soon'],
  ])('refuses %s=%s with a one-line message naming the variable and what it expects', (name, value) => {
    const e = refusal({ [name]: value });
    expect(e.variable).toBe(name);
    expect(e.message).toContain(`${name}=${JSON.stringify(value)}`);
    expect(e.message).toMatch(/expected \S/);
    expect(e.message).not.toContain('\n');
  });

  it('stops the server at start-up with that line and no stack trace', async () => {
    const r = await run('npx', ['tsx', 'apps/server/src/main.ts'], { PORT: 'abc', WEIBAO_WORKERS: '0' }, 120_000);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('configuration error: PORT="abc" is invalid; expected a port number 0–65535');
    expect(r.stdout).toBe('');
  }, 120_000);

  it('stops the command line the same way', async () => {
    const r = await run('npx', ['tsx', 'apps/server/src/cli.ts', 'migrate'], { LOG_LEVEL: 'loud' }, 120_000);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^configuration error: LOG_LEVEL="loud" is invalid; expected one of fatal, /);
    expect(r.stderr).not.toContain('    at ');
  }, 120_000);
});
