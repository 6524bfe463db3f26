import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import type { RequestMeta } from '../../lib/actor.js';
import { buildServices } from '../../services.js';
import { ensureSchemaBuilt } from '../../test/cli.js';
import { startWorkerNode, until, type WorkerNode } from '../../test/worker-nodes.js';
import { DIALECTS, freshDatabase } from '../../test/harness.js';
import { seedDemo } from '../seed/demo.js';

const TICKETS = 200;
const LEAD_MS = 1500;
const TARGET_MS = 30 * 60_000;

/**
 * Two app processes poll one PostgreSQL database with real time. 200 tickets are created while
 * they run, each with its response and arrival breach due 1.5 s after creation (and its 50%/80%
 * warnings already due). Every alert must be raised exactly once, by one node, within a second.
 */
describe.runIf(DIALECTS.includes('postgres'))('exactly-once SLA alerts across two app nodes on PostgreSQL', () => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  let services: ReturnType<typeof buildServices>;
  let nodes: WorkerNode[] = [];
  let dataDir: string;

  beforeAll(async () => {
    await ensureSchemaBuilt();
    fresh = await freshDatabase('postgres');
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weibao-multinode-'));
    services = buildServices(
      loadConfig({}, { dataDir, workers: false, nodeId: 'test-runner' }),
      fresh.database,
      pino({ level: 'silent' }),
    );
    await seedDemo(services);
    // The seed's overdue alerts are raised here, so the nodes start from a quiet queue.
    while ((await services.worker.raiseDueAlerts()) > 0) {
      /* drain */
    }
  }, 120_000);
  afterAll(async () => {
    for (const n of nodes) if (n.proc.exitCode === null) n.proc.kill('SIGKILL');
    await fresh?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('raises every alert exactly once, shared by both nodes, each breach within 1 s of its due time', async () => {
    nodes = [
      startWorkerNode('node-a', { ...process.env, DATABASE_URL: fresh.url!, WEIBAO_ALERT_POLL_MS: '100' }),
      startWorkerNode('node-b', { ...process.env, DATABASE_URL: fresh.url!, WEIBAO_ALERT_POLL_MS: '100' }),
    ];
    await until('both nodes ready', () => nodes.every((n) => n.out.includes(`ready ${n.id}`)), 60_000);

    const db = fresh.database.db;
    const user = async (username: string): Promise<RequestMeta> => ({
      actor: services.auth.toActor((await services.userRepo.byUsername(db, username))!, 'token'),
      ip: '127.0.0.1',
    });
    const dispatcher = await user('dispatcher');
    const engineerId = (await services.userRepo.byUsername(db, 'engineer'))!.id;
    const managerId = (await services.userRepo.byUsername(db, 'manager'))!.id;
    const dispatcherId = (await services.userRepo.byUsername(db, 'dispatcher'))!.id;
    const projectId = (
      await db.selectFrom('projects').select('id').where('code', '=', 'PRJ-SXXZX').executeTakeFirstOrThrow()
    ).id;
    const ticketIds: string[] = [];
    for (let i = 0; i < TICKETS; i++) {
      const t = await services.tickets.create(dispatcher, {
        projectId,
        title: `并发告警 ${i}`,
        description: '',
        level: 1,
        channel: 'monitoring',
        reporterName: '监控',
        reporterPhone: '000',
        reportedAt: Date.now() - TARGET_MS + LEAD_MS,
        assigneeId: engineerId,
      });
      ticketIds.push(t.id);
    }
    const breaches = () =>
      db
        .selectFrom('sla_alerts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('ticket_id', 'in', ticketIds)
        .where('kind', '=', 'breach')
        .where('state', '=', 'fired')
        .executeTakeFirstOrThrow();
    await until('all breaches raised', async () => Number((await breaches()).n) === 2 * TICKETS, 30_000);
    await new Promise((r) => setTimeout(r, 1000)); // give a double-raise the chance to happen
    for (const n of nodes) n.proc.stdin!.end('stop\n');
    expect(await Promise.all(nodes.map((n) => n.exit))).toEqual([0, 0]);
    for (const n of nodes) expect(n.out).toContain(`done ${n.id}`);
    expect(nodes.map((n) => n.out).join('')).not.toMatch(/worker tick failed|deadlock/i);

    const alerts = await db
      .selectFrom('sla_alerts')
      .innerJoin('sla_clocks', 'sla_clocks.id', 'sla_alerts.clock_id')
      .select([
        'sla_alerts.id',
        'sla_alerts.ticket_id',
        'sla_alerts.kind',
        'sla_alerts.state',
        'sla_alerts.fire_at',
        'sla_alerts.fired_at',
        'sla_alerts.fired_by',
        'sla_clocks.kind as clock',
      ])
      .where('sla_alerts.ticket_id', 'in', ticketIds)
      .execute();
    const due = alerts.filter((a) => a.clock !== 'resolution');
    // Response and arrival: warn50, warn80 (already due at creation) and breach; resolution is at 25%.
    expect(due).toHaveLength(TICKETS * 6);
    expect(due.every((a) => a.state === 'fired')).toBe(true);
    expect(alerts.filter((a) => a.clock === 'resolution').every((a) => a.state === 'pending')).toBe(true);
    const byNode = new Map<string, number>();
    for (const a of due) byNode.set(a.fired_by!, (byNode.get(a.fired_by!) ?? 0) + 1);
    expect([...byNode.keys()].sort()).toEqual(['node-a', 'node-b']);
    expect([...byNode.values()].reduce((x, y) => x + y, 0)).toBe(TICKETS * 6);

    // Exactly once: one timeline event per alert, one notification per (user, alert) for assignee, manager and dispatcher.
    const events = await db
      .selectFrom('ticket_events')
      .select(['ticket_id', 'type', 'data_json'])
      .where('ticket_id', 'in', ticketIds)
      .where('type', 'like', 'sla.%')
      .execute();
    const eventKeys = events.map((e) => `${e.ticket_id}:${e.type}:${JSON.parse(e.data_json).clock}`);
    expect(eventKeys).toHaveLength(TICKETS * 6);
    expect(new Set(eventKeys).size).toBe(TICKETS * 6);
    const notes = await db
      .selectFrom('notifications')
      .select(['user_id', 'source_key'])
      .where('ticket_id', 'in', ticketIds)
      .where('kind', 'like', 'sla.%')
      .execute();
    expect(notes).toHaveLength(TICKETS * 6 * 3);
    const perAlert = new Map<string, string[]>();
    for (const n of notes) perAlert.set(n.source_key!, [...(perAlert.get(n.source_key!) ?? []), n.user_id]);
    expect(perAlert.size).toBe(TICKETS * 6);
    for (const a of due)
      expect(perAlert.get(`sla:${a.id}`)!.sort()).toEqual([engineerId, managerId, dispatcherId].sort());
    const tickets = await db.selectFrom('tickets').select('breached').where('id', 'in', ticketIds).execute();
    expect(tickets.every((t) => t.breached === 1)).toBe(true);

    // Noticed within a second of the due instant, never before it.
    const lateness = due.filter((a) => a.kind === 'breach').map((a) => Number(a.fired_at) - Number(a.fire_at));
    expect(Math.min(...lateness)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...lateness), `breach noticed late: max ${Math.max(...lateness)} ms`).toBeLessThanOrEqual(1000);
  }, 120_000);
});
