import type { HolidayHorizon, SlaPolicy } from '@weibao/schema';
import { z } from 'zod';
import type { ContractCreate, ContractUpdate, OrgCreate, ProjectCreate, ProjectUpdate } from '@weibao/schema';
import type { Database } from '../../db/database.js';
import type { Tx } from '../../db/dialect.js';
import { type Actor, type RequestMeta, isCustomer } from '../../lib/actor.js';
import { AppError, invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { type DocLang, type DocumentParties, contractReference } from '../../lib/pdf-frame.js';
import { beijingDay, beijingDayStart } from '../../lib/time.js';
import type { AuditService } from '../audit/service.js';
import { buildCalendar, idleStretch, validateCalendarSpec } from '../sla/calendar.js';
import type { UserDirectory } from '../users/directory.js';
import { calendarReason, defaultPolicy, mergePolicy } from './policy.js';
import { ProjectRepository } from './repository.js';
import type { AppEventBus } from '../../events.js';

/** A business calendar needs some working time in every stretch this long within its contract. */
const IDLE_DAYS = 60;

type ProjectRow = NonNullable<Awaited<ReturnType<ProjectRepository['project']>>>;
type ContractRow = NonNullable<Awaited<ReturnType<ProjectRepository['contract']>>>;

export const presentOrg = (o: { id: string; name: string; kind: string; created_at: number }) => ({
  id: o.id,
  name: o.name,
  kind: o.kind as 'provider' | 'customer',
  createdAt: o.created_at,
});
export const presentProject = (p: ProjectRow) => ({
  id: p.id,
  customerId: p.customer_id,
  customerName: p.customer_name,
  code: p.code,
  name: p.name,
  serviceManagerId: p.service_manager_id,
  serviceManagerName: p.service_manager_name ?? null,
  teamIds: p.team_ids,
  createdAt: p.created_at,
});
export const presentContract = (c: ContractRow) => ({
  id: c.id,
  projectId: c.project_id,
  code: c.code,
  name: c.name,
  startsOn: c.starts_on,
  endsOn: c.ends_on,
  warrantyMonths: c.warranty_months,
  policy: JSON.parse(c.policy_json) as SlaPolicy,
  createdAt: c.created_at,
  partExtension: c.part_extension as 'downtime' | 'restart',
  labourRateCents: Number(c.labour_rate_cents),
  satisfactionTargetPct: c.satisfaction_target_pct,
});

/**
 * What contracts need from modules built on top of projects, declared here and supplied by services.ts:
 * `contract.created` is announced on the event bus (the commitments module seeds the bid's commitments).
 */
export interface ProjectPorts {
  events: Pick<AppEventBus, 'emit'>;
  /** The holidays module's warning for years without holiday data (issue 13, item 2). */
  holidayHorizon(c: { policy: SlaPolicy; startsOn: string; endsOn: string }): HolidayHorizon;
  /** A saved policy or calendar re-plans the open tickets' clocks (tickets/replan.ts). */
  replanContractClocks(
    tx: Tx,
    contractIds: string[],
    change: { actorId: string | null; actorName: string; reason: string },
  ): Promise<{ tickets: number; clocks: number }>;
}

/** Customers, projects and contracts (R13). Customers only ever see their own organisation's. */
export class ProjectService {
  readonly repo = new ProjectRepository();
  constructor(
    private readonly database: Database,
    private readonly users: UserDirectory,
    private readonly audit: AuditService,
    private readonly now: () => number,
    private readonly ports: ProjectPorts,
  ) {}
  private get db() {
    return this.database.db;
  }
  private present(c: ContractRow) {
    const out = presentContract(c);
    return {
      ...out,
      holidayHorizon: this.ports.holidayHorizon(out),
    };
  }

  // Reads other modules need, without a caller or a check: the callers have checked visibility already
  // (or run as the system). They go through the service so that no module reaches into this repository.
  org(db: Tx, id: string) {
    return this.repo.org(db, id);
  }
  providerOrg(db: Tx) {
    return this.repo.providerOrg(db);
  }
  projects(db: Tx, customerId?: string) {
    return this.repo.projects(db, customerId);
  }
  project(db: Tx, id: string) {
    return this.repo.project(db, id);
  }
  contracts(db: Tx, projectId: string) {
    return this.repo.contracts(db, projectId);
  }
  contract(db: Tx, id: string) {
    return this.repo.contract(db, id);
  }
  serviceManagersOf(db: Tx, projectIds: string[]) {
    return this.repo.serviceManagersOf(db, projectIds);
  }

  /** The project's service manager, who hears of urged tickets (催办). */
  async serviceManagerOf(db: Tx, projectId: string) {
    return this.repo.serviceManagerOf(db, projectId);
  }

  async listOrgs(actor: Actor) {
    return (await this.repo.orgs(this.db, isCustomer(actor) ? actor.orgId : undefined)).map(presentOrg);
  }

  async createOrg(meta: RequestMeta, input: z.infer<typeof OrgCreate>) {
    const row = { id: newId(), name: input.name, kind: input.kind, created_at: this.now() };
    return this.db.transaction().execute(async (tx) => {
      if (await this.repo.orgByName(tx, input.name)) throw new AppError('DUPLICATE', { field: 'name' }, 'name');
      await this.repo.insertOrg(tx, row);
      await this.audit.record(tx, meta, {
        action: 'org.create',
        targetType: 'org',
        targetId: row.id,
        summary: `新建客户单位 ${row.name}`,
        detail: { after: row },
      });
      return presentOrg(row);
    });
  }

  async listProjects(actor: Actor) {
    return (await this.repo.projects(this.db, isCustomer(actor) ? actor.orgId : undefined)).map(presentProject);
  }

  /** A project the actor may see, or 404 (never 403: a customer must not learn another's ids exist). */
  async visibleProject(db: Tx, actor: Actor, id: string) {
    const p = await this.repo.project(db, id);
    if (!p || (isCustomer(actor) && p.customer_id !== actor.orgId)) throw notFound('项目');
    return p;
  }

  /** The project (if the actor may see it) and the contract in force on `day`, for ticket intake. */
  /** Who hears of a project's urgent tickets and SLA alerts: its service manager and its dispatchers. */
  async alertRecipients(db: Tx, projectIds: string[]): Promise<Map<string, string[]>> {
    const [managers, dispatchers] = [
      await this.repo.serviceManagersOf(db, projectIds),
      await this.repo.dispatchersOf(db, projectIds),
    ];
    return new Map(
      projectIds.map((id) => [
        id,
        [...new Set([managers.get(id), ...(dispatchers.get(id) ?? [])].filter((u): u is string => !!u))],
      ]),
    );
  }

  async intakeTarget(db: Tx, actor: Actor, id: string, day: string) {
    const p = await this.repo.intakeTarget(db, id, day);
    if (!p || (isCustomer(actor) && p.customer_id !== actor.orgId)) throw notFound('项目');
    return p;
  }

  async getProject(actor: Actor, id: string) {
    return presentProject(await this.visibleProject(this.db, actor, id));
  }

  private async checkPeople(tx: Tx, serviceManagerId: string | null | undefined, teamIds: string[] | undefined) {
    if (serviceManagerId) {
      const sm = await this.users.byId(tx, serviceManagerId);
      if (!sm || !sm.roles.includes('service_manager')) throw invalid('serviceManagerId', 'admin.notServiceManager');
    }
    if (teamIds?.length) {
      const team = await this.users.list(tx, { ids: teamIds });
      if (team.length !== new Set(teamIds).size || team.some((u) => u.org_kind !== 'provider'))
        throw invalid('teamIds', 'admin.notProviderStaff');
    }
  }

  async createProject(meta: RequestMeta, input: z.infer<typeof ProjectCreate>) {
    return this.db.transaction().execute(async (tx) => {
      const customer = await this.repo.org(tx, input.customerId);
      if (!customer || customer.kind !== 'customer') throw invalid('customerId', 'admin.unknownCustomer');
      if (await this.repo.projectByCode(tx, input.code)) throw new AppError('DUPLICATE', { field: 'code' }, 'code');
      await this.checkPeople(tx, input.serviceManagerId, input.teamIds);
      const row = {
        id: newId(),
        customer_id: input.customerId,
        code: input.code,
        name: input.name,
        service_manager_id: input.serviceManagerId ?? null,
        created_at: this.now(),
      };
      await this.repo.insertProject(tx, row);
      await this.repo.setTeam(tx, row.id, input.teamIds ?? []);
      await this.audit.record(tx, meta, {
        action: 'project.create',
        targetType: 'project',
        targetId: row.id,
        summary: `新建项目 ${row.code} ${row.name}`,
        detail: { after: { ...row, teamIds: input.teamIds ?? [] } },
      });
      return presentProject((await this.repo.project(tx, row.id))!);
    });
  }

  async updateProject(meta: RequestMeta, id: string, input: z.infer<typeof ProjectUpdate>) {
    return this.db.transaction().execute(async (tx) => {
      const before = await this.visibleProject(tx, meta.actor, id);
      if (input.code && input.code !== before.code && (await this.repo.projectByCode(tx, input.code)))
        throw new AppError('DUPLICATE', { field: 'code' }, 'code');
      await this.checkPeople(tx, input.serviceManagerId, input.teamIds);
      await this.repo.updateProject(tx, id, {
        ...(input.code ? { code: input.code } : {}),
        ...(input.name ? { name: input.name } : {}),
        ...(input.serviceManagerId !== undefined ? { service_manager_id: input.serviceManagerId } : {}),
      });
      if (input.teamIds) await this.repo.setTeam(tx, id, input.teamIds);
      const after = (await this.repo.project(tx, id))!;
      await this.audit.record(tx, meta, {
        action: 'project.update',
        targetType: 'project',
        targetId: id,
        summary: `修改项目 ${after.code}`,
        detail: { before: presentProject(before), after: presentProject(after) },
      });
      return presentProject(after);
    });
  }

  async listContracts(actor: Actor, projectId: string) {
    await this.visibleProject(this.db, actor, projectId);
    return (await this.repo.contracts(this.db, projectId)).map((c) => this.present(c));
  }

  async getContract(actor: Actor, id: string) {
    const c = await this.repo.contract(this.db, id);
    if (!c) throw notFound('合同');
    await this.visibleProject(this.db, actor, c.project_id);
    return this.present(c);
  }

  private checkPolicy(policy: SlaPolicy, dates: { startsOn: string; endsOn: string }) {
    if (dates.endsOn < dates.startsOn) throw invalid('endsOn', 'common.endDateBeforeStart');
    const levels = policy.targets
      .map((t) => t.level)
      .sort()
      .join();
    if (levels !== '1,2,3,4') throw invalid('policy.targets', 'admin.onePerLevel');
    const cal = validateCalendarSpec(policy.calendar);
    if (!cal.ok)
      throw new AppError('VALIDATION', { reason: calendarReason(cal.message) }, `policy.calendar.${cal.field}`);
    // No working time for two months of the contract (e.g. thousands of custom holidays) would make every
    // new ticket's due time unplannable: refused here, while the contract is being saved.
    const day = 86_400_000;
    const from = beijingDayStart(dates.startsOn);
    const idle = idleStretch(
      buildCalendar(policy.calendar),
      from,
      beijingDayStart(dates.endsOn) + IDLE_DAYS * day,
      IDLE_DAYS,
    );
    if (idle !== null) {
      const d = beijingDay(idle);
      throw invalid('policy.calendar', 'admin.noWorkingTime', { day: d, days: IDLE_DAYS });
    }
  }

  async createContract(meta: RequestMeta, projectId: string, input: z.infer<typeof ContractCreate>) {
    return this.db.transaction().execute(async (tx) => {
      await this.visibleProject(tx, meta.actor, projectId);
      if (await this.repo.contractByCode(tx, input.code)) throw new AppError('DUPLICATE', { field: 'code' }, 'code');
      const policy = mergePolicy(defaultPolicy(), input.policy);
      this.checkPolicy(policy, input);
      const now = this.now();
      const row = {
        id: newId(),
        project_id: projectId,
        code: input.code,
        name: input.name,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        warranty_months: input.warrantyMonths,
        policy_json: JSON.stringify(policy),
        created_at: now,
        updated_at: now,
        part_extension: input.partExtension,
        labour_rate_cents: input.labourRateCents,
        satisfaction_target_pct: input.satisfactionTargetPct,
      };
      await this.repo.insertContract(tx, row);
      await this.ports.events.emit('contract.created', tx, row, now, meta.actor.userId);
      await this.audit.record(tx, meta, {
        action: 'contract.create',
        targetType: 'contract',
        targetId: row.id,
        summary: `新建合同 ${row.code}`,
        detail: { after: presentContract(row) },
      });
      return this.present(row);
    });
  }

  async updateContract(meta: RequestMeta, id: string, input: z.infer<typeof ContractUpdate>) {
    return this.db.transaction().execute(async (tx) => {
      const before = await this.repo.contract(tx, id);
      if (!before) throw notFound('合同');
      await this.visibleProject(tx, meta.actor, before.project_id);
      if (input.code && input.code !== before.code && (await this.repo.contractByCode(tx, input.code)))
        throw new AppError('DUPLICATE', { field: 'code' }, 'code');
      const policy = mergePolicy(JSON.parse(before.policy_json) as SlaPolicy, input.policy);
      const startsOn = input.startsOn ?? before.starts_on;
      const endsOn = input.endsOn ?? before.ends_on;
      this.checkPolicy(policy, { startsOn, endsOn });
      const patch = {
        code: input.code ?? before.code,
        name: input.name ?? before.name,
        starts_on: startsOn,
        ends_on: endsOn,
        warranty_months: input.warrantyMonths ?? before.warranty_months,
        policy_json: JSON.stringify(policy),
        updated_at: this.now(),
        part_extension: input.partExtension ?? before.part_extension,
        labour_rate_cents: input.labourRateCents ?? Number(before.labour_rate_cents),
        satisfaction_target_pct: input.satisfactionTargetPct ?? before.satisfaction_target_pct,
      };
      await this.repo.updateContract(tx, id, patch);
      const after = { ...before, ...patch };
      // Same transaction: no alert can fire on the old plan once the new policy is visible.
      const replanned =
        patch.policy_json !== before.policy_json
          ? await this.ports.replanContractClocks(tx, [id], {
              actorId: meta.actor.userId,
              actorName: meta.actor.displayName,
              reason: 'contract_policy',
            })
          : null;
      const moved = replanned?.tickets ? `，重排 ${replanned.tickets} 张工单的 ${replanned.clocks} 个时钟` : '';
      await this.audit.record(tx, meta, {
        action: 'contract.update',
        targetType: 'contract',
        targetId: id,
        summary: `修改合同 ${after.code}${moved}`,
        detail: { before: presentContract(before), after: presentContract(after), ...(replanned ? { replanned } : {}) },
      });
      return this.present(after);
    });
  }

  /** Contracts running on or after `day` with their project's code and service manager (for the holiday horizon). */
  async contractsInForceFrom(db: Tx, day: string) {
    return this.repo.contractsEndingFrom(db, day);
  }

  /**
   * The parties and contract a generated document names: the provider's organisation, the purchaser
   * (the project's customer, or the customer itself) and the contracts in force in [from, to]
   * (YYYY-MM-DD; one day for a single record). Callers have already checked the actor may see the record.
   */
  async documentParties(
    db: Tx,
    scope: { projectId: string } | { customerId: string },
    from: string,
    to: string = from,
    lang: DocLang = 'zh-CN',
  ): Promise<DocumentParties> {
    const provider = await this.repo.providerOrg(db);
    const customerId =
      'customerId' in scope ? scope.customerId : (await this.repo.project(db, scope.projectId))?.customer_id;
    const purchaser = customerId ? await this.repo.org(db, customerId) : undefined;
    const contracts = await this.repo.contractsCovering(db, scope, from, to);
    return {
      providerName: provider?.name ?? '',
      purchaserName: purchaser?.name ?? '',
      contractRef: contractReference(contracts, lang),
    };
  }

  /** Engineers of the project's team (falls back to all provider engineers when no team is set); tickets go to engineers, not managers or dispatchers. */
  async assignees(actor: Actor, projectId: string) {
    const p = await this.visibleProject(this.db, actor, projectId);
    const people = p.team_ids.length
      ? await this.users.list(this.db, { ids: p.team_ids })
      : (await this.users.list(this.db, {})).filter((u) => u.org_kind === 'provider');
    return people.filter((u) => !u.disabled && u.org_kind === 'provider' && u.roles.includes('engineer'));
  }
}
