import path from 'node:path';

/** Runtime configuration, read once from the environment. */
export interface Config {
  host: string;
  port: number;
  dataDir: string;
  /** postgres://… switches to PostgreSQL; otherwise SQLite at <dataDir>/weibao.sqlite */
  databaseUrl: string | null;
  sessionIdleMinutes: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  /** smtp://user:pass@host:port; null disables e-mail (rows are kept as 'skipped') */
  smtpUrl: string | null;
  mailFrom: string;
  /** How often the SLA alert worker polls for due alerts. */
  alertPollMs: number;
  /** Start background workers (SLA alerts, mail, auto-close) in this process. */
  workers: boolean;
  nodeId: string;
  webDist: string | null;
  logLevel: string;
  /** Require a reason when reported_at is earlier than entry by more than this. */
  backdateReasonMinutes: number;
  /** Require a reason when a respond/arrive/resolve is logged with an occurredAt more than this many minutes ago. */
  backdateActionReasonMinutes: number;
  /** Also check every response against its zod schema (tests; costs CPU on every request). */
  checkResponses: boolean;
  /** Where users reach the web UI, for links in e-mails (rating links); defaults to http://host:port. */
  publicUrl: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const dataDir = path.resolve(env.WEIBAO_DATA_DIR ?? 'data');
  const int = (v: string | undefined, d: number) => (v && /^\d+$/.test(v) ? Number(v) : d);
  return {
    host: env.HOST ?? '127.0.0.1',
    port: int(env.PORT, 3000),
    dataDir,
    databaseUrl: env.DATABASE_URL?.startsWith('postgres') ? env.DATABASE_URL : null,
    sessionIdleMinutes: int(env.WEIBAO_SESSION_IDLE_MIN, 30),
    lockoutThreshold: int(env.WEIBAO_LOCKOUT_THRESHOLD, 5),
    lockoutMinutes: int(env.WEIBAO_LOCKOUT_MIN, 30),
    smtpUrl: env.SMTP_URL ?? null,
    mailFrom: env.MAIL_FROM ?? 'Weibao <noreply@weibao.local>',
    alertPollMs: int(env.WEIBAO_ALERT_POLL_MS, 200),
    workers: env.WEIBAO_WORKERS !== '0',
    nodeId: env.WEIBAO_NODE_ID ?? `node-${process.pid}`,
    webDist: env.WEIBAO_WEB_DIST ?? null,
    logLevel: env.LOG_LEVEL ?? 'info',
    backdateReasonMinutes: int(env.WEIBAO_BACKDATE_REASON_MIN, 24 * 60),
    backdateActionReasonMinutes: int(env.WEIBAO_BACKDATE_ACTION_REASON_MIN, 15),
    checkResponses: env.WEIBAO_CHECK_RESPONSES === '1',
    publicUrl: env.WEIBAO_PUBLIC_URL ?? `http://${env.HOST ?? '127.0.0.1'}:${int(env.PORT, 3000)}`,
    ...overrides,
  };
}
