import type { EngineerProfileUpdate, StaffingGap, StaffingPlanUpdate, StaffingProblem } from '@weibao/schema';
import type { z } from 'zod';
import type { Database } from '../../db/database.js';
import type { Tx } from '../../db/dialect.js';
import type { Actor, RequestMeta } from '../../lib/actor.js';
import { invalid, notFound } from '../../lib/errors.js';
import { reason, renderReason } from '../../lib/messages/text.js';
import { addDays } from '../../lib/dates.js';
import { beijingDay } from '../../lib/time.js';
import type { AuditService } from '../audit/service.js';
import type { ProjectService } from '../projects/service.js';
import type { UserDirectory } from '../users/directory.js';
import { StaffingRepository } from './repository.js';

type Discipline = 'software' | 'data_gis' | 'hardware' | 'network_security';
type Requirement = { discipline: Discipline; count: number; resident: boolean; builtProject: boolean };
type Assignment = { userId: string; discipline: Discipline; resident: boolean; builtProject: boolean };
type Cert = { name: string; number?: string; expiresOn: string | null };

/** R28's default: 3 resident software engineers who built the project, 1 data/GIS, 1 hardware, 1 network & security. */
export const DEFAULT_REQUIREMENTS: Requirement[] = [
  { discipline: 'software', count: 3, resident: true, builtProject: true },
  { discipline: 'data_gis', count: 1, resident: false, builtProject: false },
  { discipline: 'hardware', count: 1, resident: false, builtProject: false },
  { discipline: 'network_security', count: 1, resident: false, builtProject: false },
];
const SOON_DAYS = 60;
/** Audit summaries are kept in Chinese (the audit log's language). */
const auditText = (key: Parameters<typeof reason>[0], params: Parameters<typeof reason>[1]) =>
  renderReason('zh-CN', reason(key, params));

/** Engineers' disciplines and certificates, and each project's staffing plan with its gaps (R28). */
export class StaffingService {
  readonly repo = new StaffingRepository();
  constructor(
    private readonly d: {
      database: Database;
      audit: AuditService;
      projects: ProjectService;
      users: UserDirectory;
      now: () => number;
    },
  ) {}
  private get db() {
    return this.d.database.db;
  }

  private certFlags(c: Cert) {
    const today = beijingDay(this.d.now());
    return {
      ...c,
      expired: c.expiresOn !== null && c.expiresOn < today,
      expiresSoon: c.expiresOn !== null && c.expiresOn >= today && c.expiresOn <= addDays(today, SOON_DAYS),
    };
  }

  /** Provider engineers and service managers, with their profiles (defaults when none is saved). */
  async engineers(db: Tx = this.db) {
    const staff = (await this.d.users.list(db, {})).filter(
      (u) =>
        u.org_kind === 'provider' && !u.disabled && u.roles.some((r) => r === 'engineer' || r === 'service_manager'),
    );
    const profiles = await this.repo.profiles(
      db,
      staff.map((u) => u.id),
    );
    return staff.map((u) => {
      const p = profiles.get(u.id);
      const certs: Cert[] = p ? JSON.parse(p.certifications_json) : [];
      return {
        userId: u.id,
        name: u.display_name,
        disciplines: p ? (JSON.parse(p.disciplines_json) as Discipline[]) : [],
        skillLevel: p?.skill_level ?? u.level,
        certifications: certs.map((c) => this.certFlags(c)),
      };
    });
  }

  async saveProfile(meta: RequestMeta, userId: string, input: z.infer<typeof EngineerProfileUpdate>) {
    return this.db.transaction().execute(async (tx) => {
      const before = (await this.engineers(tx)).find((e) => e.userId === userId);
      if (!before) throw notFound('用户');
      await this.repo.saveProfile(tx, {
        user_id: userId,
        disciplines_json: JSON.stringify([...new Set(input.disciplines)]),
        skill_level: input.skillLevel,
        certifications_json: JSON.stringify(input.certifications),
        updated_at: this.d.now(),
        updated_by: meta.actor.userId,
      });
      const after = (await this.engineers(tx)).find((e) => e.userId === userId)!;
      await this.d.audit.record(tx, meta, {
        action: 'staffing.profile',
        targetType: 'user',
        targetId: userId,
        summary: auditText('admin.auditEngineerProfile', {
          name: after.name,
          disciplines: after.disciplines.length
            ? after.disciplines.map((x) => renderReason('zh-CN', reason(`admin.discipline.${x}`))).join('、')
            : reason('admin.noDiscipline'),
          certs: after.certifications.length,
        }),
        detail: {
          before: {
            disciplines: before.disciplines,
            skillLevel: before.skillLevel,
            certifications: before.certifications.map((c) => c.name),
          },
          after: {
            disciplines: after.disciplines,
            skillLevel: after.skillLevel,
            certifications: after.certifications.map((c) => c.name),
          },
        },
      });
      return after;
    });
  }

  async plan(actor: Actor, projectId: string, db: Tx = this.db) {
    const p = await this.d.projects.visibleProject(db, actor, projectId);
    const row = await this.repo.plan(db, projectId);
    const requirements: Requirement[] = row ? JSON.parse(row.requirements_json) : DEFAULT_REQUIREMENTS;
    const assignments: Assignment[] = row ? JSON.parse(row.assignments_json) : [];
    const people = new Map((await this.engineers(db)).map((e) => [e.userId, e]));
    const shown = assignments.map((a) => {
      const e = people.get(a.userId);
      const problems: StaffingProblem[] = [];
      if (!e) problems.push({ code: 'inactive', params: {} });
      else {
        if (!e.disciplines.includes(a.discipline))
          problems.push({ code: 'lacks_discipline', params: { discipline: a.discipline } });
        for (const c of e.certifications)
          if (c.expired) problems.push({ code: 'cert_expired', params: { name: c.name, expiresOn: c.expiresOn! } });
      }
      return { ...a, name: e?.name ?? a.userId, qualified: problems.length === 0, problems };
    });
    const coverage = requirements.map((r) => {
      const filled = shown.filter(
        (a) =>
          a.qualified &&
          a.discipline === r.discipline &&
          (!r.resident || a.resident) &&
          (!r.builtProject || a.builtProject),
      ).length;
      return { ...r, filled, missing: Math.max(0, r.count - filled) };
    });
    const gaps = coverage
      .filter((c) => c.missing > 0)
      .map((c): StaffingGap => ({
        code: 'missing',
        params: { discipline: c.discipline, missing: c.missing, resident: c.resident, builtProject: c.builtProject },
      }));
    return {
      projectId,
      projectName: p.name,
      requirements,
      assignments: shown,
      coverage,
      gaps,
      updatedAt: row?.updated_at ?? null,
    };
  }

  async savePlan(meta: RequestMeta, projectId: string, input: z.infer<typeof StaffingPlanUpdate>) {
    return this.db.transaction().execute(async (tx) => {
      const p = await this.d.projects.visibleProject(tx, meta.actor, projectId);
      const staff = new Set((await this.engineers(tx)).map((e) => e.userId));
      if (input.assignments.some((a) => !staff.has(a.userId)))
        throw invalid('assignments', 'admin.onlyActiveEngineers');
      const before = await this.plan(meta.actor, projectId, tx);
      await this.repo.savePlan(tx, {
        project_id: projectId,
        requirements_json: JSON.stringify(input.requirements),
        assignments_json: JSON.stringify(input.assignments),
        updated_at: this.d.now(),
        updated_by: meta.actor.userId,
      });
      const after = await this.plan(meta.actor, projectId, tx);
      await this.d.audit.record(tx, meta, {
        action: 'staffing.plan',
        targetType: 'project',
        targetId: projectId,
        summary: auditText('admin.auditStaffingPlan', {
          project: p.name,
          people: after.assignments.length,
          gaps: after.gaps.length
            ? reason('admin.auditStaffingGaps', { n: after.gaps.length })
            : reason('admin.auditStaffingNoGaps'),
        }),
        detail: {
          before: {
            requirements: before.requirements,
            assignments: before.assignments.map(({ userId, discipline }) => ({ userId, discipline })),
          },
          after: {
            requirements: after.requirements,
            assignments: after.assignments.map(({ userId, discipline }) => ({ userId, discipline })),
            gaps: after.gaps,
          },
        },
      });
      return after;
    });
  }
}
