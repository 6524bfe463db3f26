import type { Role } from '@weibao/schema';
import type { Kysely } from 'kysely';
import type { Tx } from '../../db/dialect.js';
import type { DB, UsersTable } from '../../db/types.js';

export type UserRow = UsersTable & { org_name: string; org_kind: string; roles: Role[] };

export class UserRepository {
  /** `changed` hears of every write to a user or their roles (the session cache forgets them). */
  constructor(private readonly changed: (userId: string) => void = () => {}) {}

  async withRoles(db: Tx, rows: (UsersTable & { org_name: string; org_kind: string })[]): Promise<UserRow[]> {
    if (rows.length === 0) return [];
    const roles = await db
      .selectFrom('user_roles')
      .select(['user_id', 'role'])
      .where(
        'user_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    return rows.map((r) => ({
      ...r,
      roles: roles
        .filter((x) => x.user_id === r.id)
        .map((x) => x.role as Role)
        .sort(),
    }));
  }

  private base(db: Tx) {
    return db
      .selectFrom('users')
      .innerJoin('orgs', 'orgs.id', 'users.org_id')
      .selectAll('users')
      .select(['orgs.name as org_name', 'orgs.kind as org_kind']);
  }

  async org(db: Tx, id: string) {
    return db.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async byId(db: Tx, id: string): Promise<UserRow | undefined> {
    const r = await this.base(db).where('users.id', '=', id).executeTakeFirst();
    return r ? (await this.withRoles(db, [r]))[0] : undefined;
  }

  async byUsername(db: Tx, username: string): Promise<UserRow | undefined> {
    const r = await this.base(db).where('users.username', '=', username).executeTakeFirst();
    return r ? (await this.withRoles(db, [r]))[0] : undefined;
  }

  async list(db: Tx, q: { orgId?: string; ids?: string[] }): Promise<UserRow[]> {
    let query = this.base(db).orderBy('users.org_id').orderBy('users.username').limit(1000);
    if (q.orgId) query = query.where('users.org_id', '=', q.orgId);
    if (q.ids) query = q.ids.length ? query.where('users.id', 'in', q.ids) : query.where('users.id', '=', '');
    return this.withRoles(db, await query.execute());
  }

  async insert(db: Tx, row: UsersTable, roles: Role[]): Promise<void> {
    await db.insertInto('users').values(row).execute();
    await this.setRoles(db, row.id, roles);
  }

  async update(db: Tx, id: string, patch: Partial<UsersTable>): Promise<void> {
    if (!Object.keys(patch).length) return;
    this.changed(id);
    await db.updateTable('users').set(patch).where('id', '=', id).execute();
  }

  async setRoles(db: Tx, userId: string, roles: Role[]): Promise<void> {
    this.changed(userId);
    await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
    if (roles.length)
      await db
        .insertInto('user_roles')
        .values([...new Set(roles)].map((role) => ({ user_id: userId, role })))
        .execute();
  }

  async usersWithRole(db: Kysely<DB> | Tx, role: Role): Promise<string[]> {
    const rows = await db.selectFrom('user_roles').select('user_id').where('role', '=', role).execute();
    return rows.map((r) => r.user_id);
  }
}
