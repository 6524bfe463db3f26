import type { RepairPointInput } from '@weibao/schema';
import type { z } from 'zod';
import type { Database } from '../../db/database.js';
import type { Tx } from '../../db/dialect.js';
import { type Actor, type RequestMeta, isCustomer } from '../../lib/actor.js';
import { invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { AuditService } from '../audit/service.js';
import type { ProjectService } from '../projects/service.js';
import { RepairRepository } from './repository.js';

type Staff = { discipline: 'software' | 'data_gis' | 'hardware' | 'network_security'; count: number };

/** The published repair points (维修点, R12): where, who, what they can repair, and which projects they serve. */
export class RepairPointService {
  private readonly repo = new RepairRepository();
  constructor(
    private readonly d: {
      database: Database;
      audit: AuditService;
      projects: Pick<ProjectService, 'project' | 'projects'>;
      now: () => number;
    },
  ) {}
  private get db() {
    return this.d.database.db;
  }

  private async present(db: Tx, rows: Awaited<ReturnType<RepairRepository['points']>>, customerId?: string) {
    const links = await this.repo.pointProjects(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      address: r.address,
      personInCharge: r.person_in_charge,
      contact: r.contact,
      phone: r.phone,
      capabilities: JSON.parse(r.capabilities_json) as string[],
      staff: JSON.parse(r.staff_json) as Staff[],
      // A customer sees only its own projects among those a point serves.
      projects: links
        .filter((l) => l.point_id === r.id && (!customerId || l.customer_id === customerId))
        .map((l) => ({ id: l.id, name: l.name })),
      updatedAt: r.updated_at,
    }));
  }

  /** Provider staff see every point; a customer sees the points serving its projects. */
  async list(actor: Actor) {
    if (!isCustomer(actor)) return this.present(this.db, await this.repo.points(this.db));
    const mine = (await this.d.projects.projects(this.db, actor.orgId)).map((p) => p.id);
    return this.present(this.db, await this.repo.points(this.db, mine), actor.orgId);
  }

  async forProject(db: Tx, projectId: string) {
    return this.present(db, await this.repo.points(db, [projectId]));
  }

  async save(meta: RequestMeta, id: string | null, input: z.infer<typeof RepairPointInput>) {
    return this.db.transaction().execute(async (tx) => {
      const before = id ? await this.repo.point(tx, id) : null;
      if (id && !before) throw notFound('维修点');
      const projectIds = [...new Set(input.projectIds)];
      for (const [i, p] of projectIds.entries()) {
        if (!(await this.d.projects.project(tx, p))) throw invalid(`projectIds[${i}]`, 'repairs.unknownProject');
      }
      if (new Set(input.staff.map((s) => s.discipline)).size !== input.staff.length)
        throw invalid('staff', 'repairs.oneEntryPerDiscipline');
      const now = this.d.now();
      const row = {
        id: id ?? newId(now),
        name: input.name,
        address: input.address,
        person_in_charge: input.personInCharge,
        contact: input.contact ?? null,
        phone: input.phone,
        capabilities_json: JSON.stringify(input.capabilities),
        staff_json: JSON.stringify(input.staff),
        created_at: before?.created_at ?? now,
        updated_at: now,
        updated_by: meta.actor.userId,
      };
      await this.repo.savePoint(tx, row, projectIds);
      await this.d.audit.record(tx, meta, {
        action: id ? 'repair_point.update' : 'repair_point.create',
        targetType: 'repair_point',
        targetId: row.id,
        summary: `${id ? '修改' : '新建'}维修点 ${row.name}（${row.address}，负责人 ${row.person_in_charge} ${row.phone}），服务 ${projectIds.length} 个项目`,
        detail: { before: before ?? null, after: { ...row, projectIds } },
      });
      return (await this.present(tx, [(await this.repo.point(tx, row.id))!]))[0]!;
    });
  }
}
