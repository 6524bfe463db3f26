import type { HolidayHorizon, SlaPolicy } from '@weibao/schema';
import type { z } from 'zod';
import type { HolidayYearInput } from '@weibao/schema';
import type { Database } from '../../db/database.js';
import type { Tx } from '../../db/dialect.js';
import type { HolidayYearsTable } from '../../db/types.js';
import { type Actor, type RequestMeta } from '../../lib/actor.js';
import { invalid } from '../../lib/errors.js';
import { addDays } from '../../lib/dates.js';
import { beijingDay } from '../../lib/time.js';
import type { AuditService } from '../audit/service.js';
import type { NotificationService } from '../notifications/service.js';
import type { ProjectService } from '../projects/service.js';
import { type HolidayYearData, nationalHolidays, packageHolidayYears, packageYear } from '../sla/china-days.js';
import type { SlaService } from '../sla/service.js';
import type { UserDirectory } from '../users/directory.js';
import { HolidayRepository } from './repository.js';
import { holidayHorizonText } from './texts.js';

/** Re-plans the open clocks of contracts after their calendar changed (provided by the SLA side). */
export type ReplanContractClocks = (
  tx: Tx,
  contractIds: string[],
  change: { actorId: string | null; actorName: string; reason: string },
) => Promise<{ tickets: number; clocks: number }>;

export interface HolidayDeps {
  database: Database;
  audit: AuditService;
  sla: SlaService;
  projects: ProjectService;
  users: UserDirectory;
  notifications: NotificationService;
  now: () => number;
  replanContractClocks?: ReplanContractClocks;
}

/** Warnings start this many days before an uncovered year begins (issue 13, item 2). */
export const HORIZON_WARN_DAYS = 60;

/** 'YYYY-MM-DD' of Jan 1 of `year` minus the warning lead. */
export const warnFromOf = (year: number) => addDays(`${year}-01-01`, -HORIZON_WARN_DAYS);
const rowData = (r: HolidayYearsTable): HolidayYearData => ({
  year: r.year,
  holidays: JSON.parse(r.holidays_json),
  workdays: JSON.parse(r.workdays_json),
});
const usesChinaHolidays = (policy: SlaPolicy) =>
  policy.calendar.kind === 'business' && policy.calendar.chinaHolidays !== false;

/**
 * The national holiday years the system admin enters once for all contracts, and the warning when a
 * business-hours contract runs into a year nobody has data for. Calendars are built synchronously and
 * cached, so the admin years are held in memory (SlaService.setNational): loaded at startup, replaced
 * after a save, and on other nodes refreshed by the date job when the stored version differs.
 */
export class HolidayService {
  readonly repo = new HolidayRepository();
  private loadedVersion: string | null = null;
  /** contract:year pairs this node has already notified; the source key makes repeats no-ops across nodes anyway. */
  private readonly notified = new Set<string>();
  constructor(private readonly d: HolidayDeps) {}
  private get db() {
    return this.d.database.db;
  }

  /** Reads every admin year and installs them for the calendars. */
  async load(db: Tx = this.db) {
    const [rows, version] = await Promise.all([this.repo.all(db), this.repo.version(db)]);
    this.d.sla.setNational(nationalHolidays(rows.map(rowData), `admin:${version}`));
    this.loadedVersion = version;
  }

  /** The cheap multi-node check: one aggregate query; reloads only when another node saved a year. */
  async refreshIfChanged() {
    if ((await this.repo.version(this.db)) !== this.loadedVersion) await this.load();
  }

  /** Years of the contract's remaining period (from this Beijing year on) without any holiday data. */
  horizon(c: { policy: SlaPolicy; startsOn: string; endsOn: string }, now = this.d.now()): HolidayHorizon {
    const today = beijingDay(now);
    const from = c.startsOn > `${today.slice(0, 4)}-01-01` ? c.startsOn : `${today.slice(0, 4)}-01-01`;
    if (!usesChinaHolidays(c.policy) || from > c.endsOn) return { missingYears: [], warnFrom: null, active: false };
    // Noon UTC lies on the same date in every zone a contract uses (UTC-11..+11), so the years are the dates' years.
    const missingYears = this.d.sla.missingHolidayYears(
      c.policy,
      Date.parse(`${from}T12:00:00Z`),
      Date.parse(`${c.endsOn}T12:00:00Z`),
    );
    if (!missingYears.length) return { missingYears, warnFrom: null, active: false };
    const warnFrom = warnFromOf(missingYears[0]!);
    return { missingYears, warnFrom, active: today >= warnFrom };
  }

  /** Contracts whose warning is due (dashboard and admin page). */
  async warnings(actor: Actor | null, now = this.d.now()) {
    if (actor && !actor.roles.some((r) => r === 'sys_admin' || r === 'service_manager')) return [];
    const out = [];
    for (const c of await this.d.projects.contractsInForceFrom(this.db, beijingDay(now))) {
      const h = this.horizon(
        { policy: JSON.parse(c.policy_json) as SlaPolicy, startsOn: c.starts_on, endsOn: c.ends_on },
        now,
      );
      if (h.active)
        out.push({
          contractId: c.id,
          contractCode: c.code,
          contractName: c.name,
          projectId: c.project_id,
          projectCode: c.project_code,
          missingYears: h.missingYears,
          warnFrom: h.warnFrom!,
        });
    }
    return out;
  }

  async list() {
    const rows = await this.repo.all(this.db);
    return {
      officialYears: packageHolidayYears(),
      adminYears: rows.map((r) => {
        const d = rowData(r);
        return {
          year: r.year,
          holidays: d.holidays.length,
          workdays: d.workdays.length,
          updatedAt: Number(r.updated_at),
        };
      }),
      warnings: await this.warnings(null),
    };
  }

  async get(year: number, db: Tx = this.db) {
    const row = await this.repo.get(db, year);
    if (row)
      return {
        year,
        source: 'admin' as const,
        ...pick(rowData(row)),
        updatedAt: Number(row.updated_at),
        updatedByName: row.updated_by_name ?? null,
      };
    const pkg = packageYear(year);
    return {
      year,
      source: pkg.holidays.length ? ('official' as const) : ('none' as const),
      ...pick(pkg),
      updatedAt: null,
      updatedByName: null,
    };
  }

  /**
   * Enters (or corrects) one year for every contract with Chinese holidays on, and re-plans the open
   * clocks of the business-hours contracts whose period touches that year, in the same transaction.
   */
  async save(meta: RequestMeta, year: number, input: z.infer<typeof HolidayYearInput>) {
    const data = checkYear(year, input);
    const previous = this.d.sla.national;
    try {
      return await this.db.transaction().execute(async (tx) => {
        const before = await this.get(year, tx);
        const old = await this.repo.get(tx, year);
        const now = this.d.now();
        await this.repo.upsert(tx, {
          year,
          holidays_json: JSON.stringify(data.holidays),
          workdays_json: JSON.stringify(data.workdays),
          revision: (old?.revision ?? 0) + 1,
          updated_at: now,
          updated_by: meta.actor.userId,
        });
        // The re-plan below computes with the new year, so the calendars must see it before commit;
        // on failure the previous data is put back (catch below).
        await this.load(tx);
        const affected = (await this.d.projects.contractsInForceFrom(tx, `${year}-01-01`))
          .filter((c) => c.starts_on <= `${year}-12-31` && usesChinaHolidays(JSON.parse(c.policy_json) as SlaPolicy))
          .map((c) => c.id);
        const replanned =
          affected.length && this.d.replanContractClocks
            ? await this.d.replanContractClocks(tx, affected, {
                actorId: meta.actor.userId,
                actorName: meta.actor.displayName,
                reason: 'holidays',
              })
            : null;
        await this.audit(tx, meta, year, { before, after: { year, ...data }, contracts: affected, replanned });
        return this.get(year, tx);
      });
    } catch (e) {
      this.d.sla.setNational(previous);
      this.loadedVersion = null; // next refresh reloads whatever is stored
      throw e;
    }
  }

  private async audit(tx: Tx, meta: RequestMeta, year: number, detail: Record<string, unknown>) {
    await this.d.audit.record(tx, meta, {
      action: 'holiday_year.save',
      targetType: 'holiday_year',
      targetId: String(year),
      summary: `录入 ${year} 年法定节假日与调休安排`,
      detail,
    });
  }

  /**
   * Date job: refreshes this node's copy of the admin years, then notifies the system admins and the
   * project's service manager once per contract and uncovered year, from 60 days before it starts.
   */
  async dateJob() {
    await this.refreshIfChanged();
    const now = this.d.now();
    const today = beijingDay(now);
    let admins: string[] | null = null;
    for (const c of await this.d.projects.contractsInForceFrom(this.db, today)) {
      const h = this.horizon(
        { policy: JSON.parse(c.policy_json) as SlaPolicy, startsOn: c.starts_on, endsOn: c.ends_on },
        now,
      );
      for (const year of h.missingYears) {
        const key = `${c.id}:${year}`;
        if (today < warnFromOf(year) || this.notified.has(key)) continue;
        admins ??= await this.d.users.usersWithRole(this.db, 'sys_admin');
        await this.db.transaction().execute((tx) =>
          this.d.notifications.notify(tx, [...admins!, c.service_manager_id], {
            kind: 'holiday.horizon',
            text: (locale) => holidayHorizonText(locale, c, year),
            ticketId: null,
            sourceKey: `holiday-horizon:${key}`,
          }),
        );
        this.notified.add(key);
      }
    }
  }
}

const pick = (d: HolidayYearData) => ({ holidays: d.holidays, workdays: d.workdays });

/** Admin input: real dates inside the year, no date twice, none both a holiday and a make-up day. */
function checkYear(year: number, input: z.infer<typeof HolidayYearInput>): Omit<HolidayYearData, 'year'> {
  const seen = new Set<string>();
  const check = (list: { date: string; name: string }[], field: string) =>
    list
      .map((d, i) => {
        const parsed = new Date(`${d.date}T00:00:00Z`);
        if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== d.date)
          throw invalid(`${field}[${i}].date`, 'holidays.invalidDate');
        if (parsed.getUTCFullYear() !== year) throw invalid(`${field}[${i}].date`, 'holidays.notInYear', { year });
        if (seen.has(d.date)) throw invalid(`${field}[${i}].date`, 'holidays.listedTwice');
        seen.add(d.date);
        return { date: d.date, name: d.name.trim() };
      })
      .sort((a, b) => a.date.localeCompare(b.date));
  return { holidays: check(input.holidays, 'holidays'), workdays: check(input.workdays, 'workdays') };
}
