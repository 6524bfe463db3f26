import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { DIALECTS, type TestApp, testApp } from '../../test/harness.js';
import { beijingDay, beijingDayStart } from '../../lib/time.js';
import type { MonthlyReportModel } from '../reports/model.js';
import { seedDemo } from './demo.js';
import { HISTORY_MONTHS, historyMonths } from './history-plan.js';

// Monday 7 December 2026, 10:00 Beijing: the finished months are August to November (国庆 and 中秋 among them).
const TODAY = Date.UTC(2026, 11, 7, 2, 0, 0);

/** Seeds the demo as `npm start` does (`cli.js seed-demo`), driving the test app's clock for the history. */
async function seeded(dialect: (typeof DIALECTS)[number], now = TODAY) {
  const t = await testApp(dialect, { seed: false });
  t.clock.set(now);
  const lines: string[] = [];
  const started = performance.now();
  const history = {
    travel: (ms: number) => {
      t.clock.set(ms);
    },
    back: () => {
      t.clock.set(now);
    },
  };
  await seedDemo(t.app.services, (m) => lines.push(m), { assets: true, history });
  console.log(
    `[${dialect}] demo seed with history: ${((performance.now() - started) / 1000).toFixed(2)} s\n  ${lines.join('\n  ')}`,
  );
  return { t, lines };
}

/** The history (everything before this month) as facts that do not depend on generated ids: tickets, clocks, visits, records, ratings. */
async function fingerprint(database: Database) {
  const db = database.db;
  const end = beijingDayStart('2026-12-01');
  const tickets = await db
    .selectFrom('tickets')
    .select([
      'number',
      'title',
      'level',
      'channel',
      'status',
      'reported_at',
      'resolved_at',
      'closed_at',
      'rating',
      'reporter_name',
    ])
    .where('reported_at', '<', end)
    .orderBy('number')
    .execute();
  const clocks = await db
    .selectFrom('sla_clocks')
    .innerJoin('tickets', 'tickets.id', 'sla_clocks.ticket_id')
    .select([
      'tickets.number',
      'sla_clocks.kind',
      'sla_clocks.cycle',
      'sla_clocks.started_at',
      'sla_clocks.stopped_at',
      'sla_clocks.outcome',
      'sla_clocks.elapsed_ms',
      'sla_clocks.late_ms',
      'sla_clocks.pauses_json',
    ])
    .where('tickets.reported_at', '<', end)
    .orderBy('tickets.number')
    .orderBy('sla_clocks.kind')
    .orderBy('sla_clocks.cycle')
    .execute();
  const visits = await db
    .selectFrom('site_visits')
    .leftJoin('tickets', 'tickets.id', 'site_visits.ticket_id')
    .select([
      'tickets.number',
      'site_visits.checked_in_at',
      'site_visits.checked_out_at',
      'site_visits.check_in_location',
    ])
    .where('site_visits.checked_in_at', '<', end)
    .orderBy('site_visits.checked_in_at')
    .execute();
  const records = await db
    .selectFrom('om_records')
    .select(['number', 'version', 'status', 'service_start', 'service_end', 'content', 'headcount', 'signed_at'])
    .where('service_start', '<', end)
    .orderBy('number')
    .execute();
  const ratings = await db
    .selectFrom('rating_requests')
    .select(['score', 'channel', 'rated_at', 'state'])
    .where('rated_at', '<', end)
    .orderBy('rated_at')
    .orderBy('score')
    .execute();
  const normal = (rows: object[]) => rows.map((r) => Object.values(r).map((v) => (v === null ? null : String(v))));
  // One digest per table, so a difference names the table. (Record hashes are left out: they cover the random ids.)
  const digest = (rows: object[]) =>
    createHash('sha256')
      .update(JSON.stringify(normal(rows)))
      .digest('hex');
  return {
    tickets: digest(tickets),
    clocks: digest(clocks),
    visits: digest(visits),
    records: digest(records),
    ratings: digest(ratings),
    n: tickets.length,
  };
}

describe.each(DIALECTS)('the demo history (%s)', (dialect) => {
  let first: TestApp & { drop(): Promise<void> };
  afterAll(async () => {
    await first?.drop();
  });

  it('seeds the finished months with tickets, outcomes computed by the SLA code, ratings and signed records', async () => {
    const { t, lines } = await seeded(dialect);
    first = t;
    expect(lines.some((l) => /past months .* in \d+\.\d+ s/.test(l))).toBe(true);
    const db = t.database.db;
    const months = historyMonths(beijingDay(TODAY));
    expect(months).toEqual(['2026-08', '2026-09', '2026-10', '2026-11']);
    expect(months).toHaveLength(HISTORY_MONTHS);
    for (const month of months) {
      const from = beijingDayStart(`${month}-01`);
      const to = beijingDayStart(
        month === '2026-11' ? '2026-12-01' : `2026-${String(Number(month.slice(5)) + 1).padStart(2, '0')}-01`,
      );
      const rows = await db
        .selectFrom('tickets')
        .select(['level', 'channel'])
        .where('reported_at', '>=', from)
        .where('reported_at', '<', to)
        .execute();
      expect(new Set(rows.map((r) => Number(r.level))), `levels in ${month}`).toEqual(new Set([1, 2, 3, 4]));
      expect(new Set(rows.map((r) => r.channel)).size, `channels in ${month}`).toBeGreaterThanOrEqual(4);
      expect(rows.length).toBeGreaterThanOrEqual(30);
    }
    // Each clock kind breached at least once; the breaches are the SLA code's verdicts on the times of the actions.
    const breached = await db
      .selectFrom('sla_clocks')
      .select('kind')
      .where('outcome', '=', 'breached')
      .where('stopped_at', '<', beijingDayStart('2026-12-01'))
      .execute();
    expect(new Set(breached.map((r) => r.kind))).toEqual(new Set(['response', 'arrival', 'resolution']));
    const met = await db
      .selectFrom('sla_clocks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('outcome', '=', 'met')
      .executeTakeFirstOrThrow();
    expect(Number(met.n)).toBeGreaterThan(breached.length * 3);
    // Paused tickets: a suspension that paused the clocks, among them one across a public holiday.
    const paused = await db
      .selectFrom('sla_clocks')
      .innerJoin('tickets', 'tickets.id', 'sla_clocks.ticket_id')
      .select([
        'tickets.number',
        'tickets.description',
        'sla_clocks.pauses_json',
        'tickets.reported_at',
        'tickets.resolved_at',
      ])
      .where('sla_clocks.kind', '=', 'resolution')
      .where('sla_clocks.pauses_json', '!=', '[]')
      .execute();
    expect(paused.length).toBeGreaterThanOrEqual(months.length);
    const holidays = (await t.app.services.holidays.get(2026)).holidays.map((h) => h.date);
    const across = paused.filter((p) =>
      holidays.some((d) => beijingDayStart(d) > Number(p.reported_at) && beijingDayStart(d) < Number(p.resolved_at)),
    );
    expect(across.length, 'a ticket paused across a public holiday').toBeGreaterThanOrEqual(1);
    expect(across.some((p) => p.description.includes('国庆'))).toBe(true);
    // Ratings: mostly good, a few poor; O&M records signed by the purchaser's leads.
    const scores = (await db.selectFrom('rating_requests').select('score').where('state', '=', 'rated').execute()).map(
      (r) => Number(r.score),
    );
    expect(scores.filter((s) => s >= 4).length).toBeGreaterThan(scores.length * 0.75);
    expect(scores.some((s) => s <= 2)).toBe(true);
    const signed = await db
      .selectFrom('om_records')
      .select(['number', 'signed_at'])
      .where('status', '=', 'signed')
      .execute();
    expect(signed.length).toBeGreaterThanOrEqual(months.length * 2);
    const inspections = await db
      .selectFrom('inspection_tasks')
      .select(['period', 'status', 'record_id'])
      .where('period', '<', '2026-12')
      .orderBy('period')
      .execute();
    expect(inspections.map((i) => [i.period, i.status])).toEqual(months.map((m) => [m, 'done']));
    const inspectionRecords = await db
      .selectFrom('om_records')
      .select('status')
      .where('kind', '=', 'inspection')
      .execute();
    expect(inspectionRecords.map((r) => r.status)).toEqual(months.map(() => 'signed'));
    expect(await t.app.services.records.verify()).toMatchObject({ problems: [] });
    expect((await t.app.services.audit.verify()).ok).toBe(true);
    // Nobody is greeted by months of unread notifications.
    const unreadOld = await db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('read_at', 'is', null)
      .where('at', '<', beijingDayStart('2026-12-01'))
      .executeTakeFirstOrThrow();
    expect(Number(unreadOld.n)).toBe(0);
    expect(
      Number(
        (
          await db
            .selectFrom('notifications')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBeGreaterThan(100);
  }, 300_000);

  it("gives last month's report, the dashboard and the commitments register real figures", async () => {
    const s = first.app.services;
    const manager = (await s.userRepo.byUsername(s.database.db, 'manager'))!;
    const actor = s.auth.toActor(manager, 'token');
    const [a] = await s.projects.repo.projects(s.database.db);
    // The report model as the monthly report's three renderings get it (the builder is the service's, as in tickets.replan.test).
    const model: MonthlyReportModel = await (s.reports as any).d.builder.build(actor, a!.id, '2026-11');
    expect(model.overview.received).toBeGreaterThanOrEqual(20);
    expect(model.overview.resolved).toBeGreaterThan(0);
    expect(model.byLevel.every((l) => l.count > 0)).toBe(true);
    expect(model.byChannel.filter((c) => c.count > 0).length).toBeGreaterThanOrEqual(4);
    const response = model.sla.find((r) => r.kind === 'response' && r.level === null)!;
    expect(response.pct).not.toBeNull();
    expect(response.pct!).toBeGreaterThan(50);
    expect(response.pct!).toBeLessThan(100);
    expect(model.breaches.length).toBeGreaterThan(0);
    expect(model.satisfaction.rated).toBeGreaterThan(0);
    expect(model.satisfaction.pct).not.toBeNull();
    const register = await s.commitments.evaluate(actor, a!.id, '2026-11');
    const measured = register.items.filter((i) => i.actual !== null);
    expect(measured.map((i) => i.kind)).toEqual(
      expect.arrayContaining(['response', 'arrival', 'resolution', 'satisfaction', 'monthly_inspection']),
    );
    expect(model.inspections.done + model.inspections.late).toBe(1);
    expect(register.executionPct).not.toBeNull();
    const dashboard = await s.analytics.dashboard(actor, {});
    expect(dashboard.received).toBeGreaterThan(60);
  }, 120_000);

  it('seeds the same history again for the same day, whatever the hour', async () => {
    const again = await seeded(dialect, TODAY + 5 * 3_600_000);
    try {
      expect(await fingerprint(again.t.database)).toEqual(await fingerprint(first.database));
    } finally {
      await again.t.drop();
    }
  }, 300_000);
});
