import type { Tx } from '../../db/dialect.js';
import type { ContractsTable, OrgsTable, ProjectsTable } from '../../db/types.js';

export class ProjectRepository {
  async orgs(db: Tx, onlyId?: string) {
    let q = db.selectFrom('orgs').selectAll().orderBy('kind', 'desc').orderBy('name');
    if (onlyId) q = q.where('id', '=', onlyId);
    return q.execute();
  }
  async org(db: Tx, id: string) {
    return db.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async insertOrg(db: Tx, row: OrgsTable) {
    await db.insertInto('orgs').values(row).execute();
  }
  /** The service provider's own organisation (there is one). */
  async providerOrg(db: Tx) {
    return db
      .selectFrom('orgs')
      .selectAll()
      .where('kind', '=', 'provider')
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirst();
  }
  async orgByName(db: Tx, name: string) {
    return db.selectFrom('orgs').select('id').where('name', '=', name).executeTakeFirst();
  }

  private projectBase(db: Tx) {
    return db
      .selectFrom('projects')
      .innerJoin('orgs', 'orgs.id', 'projects.customer_id')
      .leftJoin('users as sm', 'sm.id', 'projects.service_manager_id')
      .selectAll('projects')
      .select(['orgs.name as customer_name', 'sm.display_name as service_manager_name']);
  }
  async projects(db: Tx, customerId?: string) {
    let q = this.projectBase(db).orderBy('projects.code').limit(1000);
    if (customerId) q = q.where('projects.customer_id', '=', customerId);
    const rows = await q.execute();
    const members = rows.length
      ? await db
          .selectFrom('project_members')
          .selectAll()
          .where(
            'project_id',
            'in',
            rows.map((r) => r.id),
          )
          .execute()
      : [];
    return rows.map((r) => ({ ...r, team_ids: members.filter((m) => m.project_id === r.id).map((m) => m.user_id) }));
  }
  async project(db: Tx, id: string) {
    const r = await this.projectBase(db).where('projects.id', '=', id).executeTakeFirst();
    if (!r) return undefined;
    const members = await db.selectFrom('project_members').select('user_id').where('project_id', '=', id).execute();
    return { ...r, team_ids: members.map((m) => m.user_id) };
  }
  async serviceManagersOf(db: Tx, projectIds: string[]): Promise<Map<string, string | null>> {
    const rows = projectIds.length
      ? await db.selectFrom('projects').select(['id', 'service_manager_id']).where('id', 'in', projectIds).execute()
      : [];
    return new Map(rows.map((r) => [r.id, r.service_manager_id]));
  }
  /**
   * Enabled dispatchers per project: those on the project's team, or every dispatcher when the
   * project has no team (the same rule as the assignee list).
   */
  async dispatchersOf(db: Tx, projectIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>(projectIds.map((id) => [id, []]));
    if (!projectIds.length) return out;
    const rows = await db
      .selectFrom('projects')
      .innerJoin('user_roles', (j) => j.on('user_roles.role', '=', 'dispatcher'))
      .innerJoin('users', 'users.id', 'user_roles.user_id')
      .select(['projects.id as project_id', 'users.id as user_id'])
      .where('projects.id', 'in', projectIds)
      .where('users.disabled', '=', 0)
      .where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom('project_members as m')
              .select('m.user_id')
              .whereRef('m.project_id', '=', 'projects.id')
              .whereRef('m.user_id', '=', 'users.id'),
          ),
          eb.not(
            eb.exists(
              eb.selectFrom('project_members as m').select('m.user_id').whereRef('m.project_id', '=', 'projects.id'),
            ),
          ),
        ]),
      )
      .execute();
    for (const r of rows) out.get(r.project_id)!.push(r.user_id);
    return out;
  }
  async serviceManagerOf(db: Tx, projectId: string): Promise<string | null> {
    const r = await db
      .selectFrom('projects')
      .select('service_manager_id')
      .where('id', '=', projectId)
      .executeTakeFirst();
    return r?.service_manager_id ?? null;
  }
  /**
   * What ticket intake needs in one statement: the project, its customer's name and the contract in
   * force on `day` (the latest one starting on or before it), or null contract columns if none is.
   */
  async intakeTarget(db: Tx, projectId: string, day: string) {
    return db
      .selectFrom('projects')
      .innerJoin('orgs', 'orgs.id', 'projects.customer_id')
      .leftJoin('contracts', (j) =>
        j.on('contracts.id', '=', (eb) =>
          eb
            .selectFrom('contracts as c')
            .select('c.id')
            .whereRef('c.project_id', '=', 'projects.id')
            .where('c.starts_on', '<=', day)
            .where('c.ends_on', '>=', day)
            .orderBy('c.starts_on', 'desc')
            .limit(1),
        ),
      )
      .select([
        'projects.id',
        'projects.customer_id',
        'projects.name',
        'orgs.name as customer_name',
        'contracts.id as contract_id',
        'contracts.policy_json',
      ])
      .where('projects.id', '=', projectId)
      .executeTakeFirst();
  }
  async projectByCode(db: Tx, code: string) {
    return db.selectFrom('projects').select('id').where('code', '=', code).executeTakeFirst();
  }
  async insertProject(db: Tx, row: ProjectsTable) {
    await db.insertInto('projects').values(row).execute();
  }
  async updateProject(db: Tx, id: string, patch: Partial<ProjectsTable>) {
    if (Object.keys(patch).length) await db.updateTable('projects').set(patch).where('id', '=', id).execute();
  }
  async setTeam(db: Tx, projectId: string, userIds: string[]) {
    await db.deleteFrom('project_members').where('project_id', '=', projectId).execute();
    if (userIds.length)
      await db
        .insertInto('project_members')
        .values([...new Set(userIds)].map((user_id) => ({ project_id: projectId, user_id })))
        .execute();
  }

  async contracts(db: Tx, projectId: string) {
    return db
      .selectFrom('contracts')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('starts_on', 'desc')
      .execute();
  }
  async contractsEndingFrom(db: Tx, day: string) {
    return db
      .selectFrom('contracts')
      .innerJoin('projects', 'projects.id', 'contracts.project_id')
      .selectAll('contracts')
      .select(['projects.code as project_code', 'projects.service_manager_id'])
      .where('contracts.ends_on', '>=', day)
      .orderBy('contracts.ends_on')
      .orderBy('contracts.id')
      .execute();
  }
  /**
   * Contracts running at some point in [from, to] (YYYY-MM-DD) of one project, or of every project of
   * one customer, for the contract reference on generated documents.
   */
  async contractsCovering(db: Tx, scope: { projectId: string } | { customerId: string }, from: string, to: string) {
    let q = db
      .selectFrom('contracts')
      .innerJoin('projects', 'projects.id', 'contracts.project_id')
      .select(['contracts.code', 'contracts.name', 'contracts.starts_on'])
      .where('contracts.starts_on', '<=', to)
      .where('contracts.ends_on', '>=', from);
    q =
      'projectId' in scope
        ? q.where('projects.id', '=', scope.projectId)
        : q.where('projects.customer_id', '=', scope.customerId);
    return q.orderBy('contracts.starts_on').orderBy('contracts.code').execute();
  }
  async contract(db: Tx, id: string) {
    return db.selectFrom('contracts').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async contractByCode(db: Tx, code: string) {
    return db.selectFrom('contracts').select('id').where('code', '=', code).executeTakeFirst();
  }
  async insertContract(db: Tx, row: ContractsTable) {
    await db.insertInto('contracts').values(row).execute();
  }
  async updateContract(db: Tx, id: string, patch: Partial<ContractsTable>) {
    await db.updateTable('contracts').set(patch).where('id', '=', id).execute();
  }
}
