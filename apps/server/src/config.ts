import path from 'node:path';
import { SecurityPolicy } from '@weibao/schema';
import { z } from 'zod';

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

/** A bad environment value: main.ts and cli.ts print `message` alone (no stack) and exit. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly expected: string,
    value: string,
  ) {
    super(`configuration error: ${variable}=${JSON.stringify(value)} is invalid; expected ${expected}`);
    this.name = 'ConfigError';
  }
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const number = (range: z.ZodNumber) => z.string().regex(/^\d+$/).transform(Number).pipe(range);
const url = (protocols: string[]) =>
  z.string().refine((v) => {
    try {
      return protocols.includes(new URL(v).protocol);
    } catch {
      return false;
    }
  });
const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');
// The security admin's policy (modules/security) overrides these three; the environment may only
// set what the policy form could, so the form never shows a default it would refuse to save.
const policy = SecurityPolicy.shape;

/** Each variable the server reads: how it is checked, and what the one-line error says is expected. */
const VARIABLES = {
  HOST: { schema: z.string(), expected: 'a host name or address to listen on' },
  PORT: { schema: number(z.number().max(65535)), expected: 'a port number 0–65535' },
  WEIBAO_DATA_DIR: { schema: z.string(), expected: 'a directory path' },
  DATABASE_URL: {
    schema: url(['postgres:', 'postgresql:']),
    expected: 'a postgres://user@host:port/database URL (leave it unset for the embedded SQLite database)',
  },
  WEIBAO_SESSION_IDLE_MIN: { schema: number(policy.sessionIdleMinutes), expected: 'whole minutes 1–1440' },
  WEIBAO_LOCKOUT_THRESHOLD: { schema: number(policy.lockoutThreshold), expected: 'a whole number of failures 3–20' },
  WEIBAO_LOCKOUT_MIN: { schema: number(policy.lockoutMinutes), expected: 'whole minutes 1–1440' },
  SMTP_URL: { schema: url(['smtp:', 'smtps:']), expected: 'an smtp://user:pass@host:port or smtps://… URL' },
  MAIL_FROM: { schema: z.string(), expected: 'a sender address such as Weibao <noreply@example.com>' },
  WEIBAO_ALERT_POLL_MS: { schema: number(z.number().min(10).max(3_600_000)), expected: 'milliseconds 10–3600000' },
  WEIBAO_WORKERS: { schema: flag, expected: '1 (run the background workers) or 0 (API only)' },
  WEIBAO_NODE_ID: { schema: z.string(), expected: 'a name for this node' },
  WEIBAO_WEB_DIST: { schema: z.string(), expected: 'the directory of the built web UI' },
  LOG_LEVEL: { schema: z.enum(LOG_LEVELS), expected: `one of ${LOG_LEVELS.join(', ')}` },
  WEIBAO_BACKDATE_REASON_MIN: { schema: number(z.number()), expected: 'whole minutes (0 or more)' },
  WEIBAO_BACKDATE_ACTION_REASON_MIN: { schema: number(z.number()), expected: 'whole minutes (0 or more)' },
  WEIBAO_CHECK_RESPONSES: { schema: flag, expected: '1 or 0' },
  WEIBAO_PUBLIC_URL: { schema: url(['http:', 'https:']), expected: 'an http:// or https:// URL' },
} as const;
type Variable = keyof typeof VARIABLES;
type Parsed = { [K in Variable]?: z.output<(typeof VARIABLES)[K]['schema']> };

/** The set variables, each checked; an empty value counts as unset (as the defaults always did). */
function parseEnv(env: NodeJS.ProcessEnv): Parsed {
  const out: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(VARIABLES)) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const r = v.schema.safeParse(raw);
    if (!r.success) throw new ConfigError(name, v.expected, raw);
    out[name] = r.data;
  }
  return out as Parsed;
}

/** Throws ConfigError, naming the variable, on the first value that is not what it should be. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const e = parseEnv(env);
  const host = e.HOST ?? '127.0.0.1';
  const port = e.PORT ?? 3000;
  return {
    host,
    port,
    dataDir: path.resolve(e.WEIBAO_DATA_DIR ?? 'data'),
    databaseUrl: e.DATABASE_URL ?? null,
    sessionIdleMinutes: e.WEIBAO_SESSION_IDLE_MIN ?? 30,
    lockoutThreshold: e.WEIBAO_LOCKOUT_THRESHOLD ?? 5,
    lockoutMinutes: e.WEIBAO_LOCKOUT_MIN ?? 30,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM ?? 'Weibao <noreply@weibao.local>',
    alertPollMs: e.WEIBAO_ALERT_POLL_MS ?? 200,
    workers: e.WEIBAO_WORKERS ?? true,
    nodeId: e.WEIBAO_NODE_ID ?? `node-${process.pid}`,
    webDist: e.WEIBAO_WEB_DIST ?? null,
    logLevel: e.LOG_LEVEL ?? 'info',
    backdateReasonMinutes: e.WEIBAO_BACKDATE_REASON_MIN ?? 24 * 60,
    backdateActionReasonMinutes: e.WEIBAO_BACKDATE_ACTION_REASON_MIN ?? 15,
    checkResponses: e.WEIBAO_CHECK_RESPONSES ?? false,
    publicUrl: e.WEIBAO_PUBLIC_URL ?? `http://${host}:${port}`,
    ...overrides,
  };
}

/** For main.ts and cli.ts: a bad variable ends the process with its one-line message, no stack trace. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  }
}
