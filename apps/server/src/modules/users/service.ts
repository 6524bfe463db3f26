import { ADMIN_TRIAD, type Role, type UserCreate, type UserUpdate } from '@weibao/schema';
import type { z } from 'zod';
import type { Database } from '../../db/database.js';
import type { Tx } from '../../db/dialect.js';
import { type Actor, type RequestMeta } from '../../lib/actor.js';
import { AppError, invalid, notFound } from '../../lib/errors.js';
import { reason } from '../../lib/messages/text.js';
import type { ReasonKey } from '../../lib/messages/reasons/index.js';
import { newId } from '../../lib/ids.js';
import type { AuditService } from '../audit/service.js';
import type { SecurityPolicyService } from '../security/service.js';
import { hashPassword, passwordMeetsPolicy } from '../auth/passwords.js';
import type { UserRepository, UserRow } from './repository.js';

export const presentUser = (u: UserRow) => ({
  id: u.id,
  username: u.username,
  displayName: u.display_name,
  orgId: u.org_id,
  orgName: u.org_name,
  roles: u.roles,
  level: u.level,
  email: u.email,
  phone: u.phone,
  disabled: u.disabled === 1,
  lockedUntil: u.locked_until,
  lastLoginAt: u.last_login_at,
  createdAt: u.created_at,
});

const CUSTOMER_ONLY: Role[] = ['customer_user', 'customer_lead'];
/** The two 三员 who check the system admin: always at least one of each, and out of its reach. */
const WATCHERS: Role[] = ['security_admin', 'auditor'];
const duty = (rule: ReasonKey, field?: string) => new AppError('SEPARATION_OF_DUTIES', { rule: reason(rule) }, field);

/**
 * Roles must fit the organisation, and an admin role (三员) is an account's only role: the three never
 * share an account, nor does one come with a business role (an auditor who also dispatches audits themself).
 */
export function checkRoles(roles: Role[], orgKind: string): void {
  if (roles.some((r) => ADMIN_TRIAD.includes(r)) && new Set(roles).size > 1)
    throw new AppError('ROLE_CONFLICT', {}, 'roles');
  const customerRoles = roles.filter((r) => CUSTOMER_ONLY.includes(r));
  if (orgKind === 'customer' && customerRoles.length !== roles.length)
    throw invalid('roles', 'admin.customerRolesOnly');
  if (orgKind === 'provider' && customerRoles.length) throw invalid('roles', 'admin.noCustomerRolesForProvider');
}

/** User management (R19): sys_admin creates and edits users; only security_admin grants roles and unlocks. */
export class UserService {
  constructor(
    private readonly database: Database,
    private readonly repo: UserRepository,
    private readonly audit: AuditService,
    private readonly policy: SecurityPolicyService,
    private readonly now: () => number,
    /** Sessions belong to the auth module: disabling a user ends theirs through it. */
    private readonly sessions: { endSessionsOf(tx: Tx, userId: string): Promise<void> },
  ) {}
  private get db() {
    return this.database.db;
  }

  async list(_actor: Actor, orgId?: string) {
    return (await this.repo.list(this.db, { orgId })).map(presentUser);
  }

  /** Active provider staff who can handle tickets, without contact details. */
  async staff() {
    const rows = await this.repo.list(this.db, {});
    return rows
      .filter(
        (u) =>
          u.org_kind === 'provider' &&
          !u.disabled &&
          u.roles.some((r) => r === 'engineer' || r === 'dispatcher' || r === 'service_manager'),
      )
      .map((u) => ({ id: u.id, displayName: u.display_name, roles: u.roles, level: u.level }));
  }

  async create(
    meta: RequestMeta | null,
    input: z.infer<typeof UserCreate>,
    opts: { mustChangePassword?: boolean } = {},
  ) {
    const org = await this.repo.org(this.db, input.orgId);
    if (!org) throw invalid('orgId', 'admin.unknownOrg');
    checkRoles(input.roles, org.kind);
    // 三员: accounts come from the system admin, but the admin roles are granted only by the security admin.
    if (meta && input.roles.some((r) => ADMIN_TRIAD.includes(r)))
      throw new AppError('ROLE_GRANT_RESERVED', {}, 'roles');
    if (!passwordMeetsPolicy(input.password, input.username, await this.policy.current()))
      throw new AppError('PASSWORD_POLICY', {}, 'password');
    const now = this.now();
    const row = {
      id: newId(now),
      org_id: input.orgId,
      username: input.username,
      display_name: input.displayName,
      email: input.email ?? null,
      phone: input.phone ?? null,
      level: input.level,
      password_hash: await hashPassword(input.password),
      password_changed_at: now,
      must_change_password: opts.mustChangePassword === false ? 0 : 1,
      disabled: 0,
      failed_logins: 0,
      locked_until: null,
      last_login_at: null,
      last_login_ip: null,
      locale: 'zh-CN',
      created_at: now,
    };
    return this.db.transaction().execute(async (tx) => {
      if (await this.repo.byUsername(tx, input.username))
        throw new AppError('DUPLICATE', { field: 'username' }, 'username');
      await this.repo.insert(tx, row, input.roles);
      await this.audit.record(tx, meta ?? { actor: null, ip: null, actorLabel: 'system' }, {
        action: 'user.create',
        targetType: 'user',
        targetId: row.id,
        summary: `新建用户 ${row.username}（${input.roles.join(',')}）`,
        detail: { after: { username: row.username, orgId: row.org_id, roles: input.roles, level: row.level } },
      });
      return presentUser((await this.repo.byId(tx, row.id))!);
    });
  }

  async update(meta: RequestMeta, id: string, input: z.infer<typeof UserUpdate>) {
    return this.db.transaction().execute(async (tx) => {
      const before = await this.repo.byId(tx, id);
      if (!before) throw notFound('用户');
      // 三员: the system admin must not be able to silence the two who watch it (disable, rename, redirect their mail).
      if (before.roles.some((r) => WATCHERS.includes(r))) throw duty('admin.watchersOutOfReach');
      if (input.disabled && id === meta.actor.userId) throw invalid('disabled', 'admin.cannotDisableSelf');
      await this.repo.update(tx, id, {
        ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
        ...(input.level !== undefined ? { level: input.level } : {}),
        ...(input.email !== undefined ? { email: input.email } : {}),
        ...(input.phone !== undefined ? { phone: input.phone } : {}),
        ...(input.disabled !== undefined ? { disabled: input.disabled ? 1 : 0 } : {}),
      });
      if (input.disabled) await this.sessions.endSessionsOf(tx, id);
      const after = (await this.repo.byId(tx, id))!;
      await this.audit.record(tx, meta, {
        action: 'user.update',
        targetType: 'user',
        targetId: id,
        summary: `修改用户 ${after.username}`,
        detail: { before: presentUser(before), after: presentUser(after) },
      });
      return presentUser(after);
    });
  }

  async setRoles(meta: RequestMeta, id: string, roles: Role[]) {
    return this.db.transaction().execute(async (tx) => {
      const before = await this.repo.byId(tx, id);
      if (!before) throw notFound('用户');
      checkRoles(roles, before.org_kind);
      for (const role of WATCHERS) {
        if (!before.roles.includes(role) || roles.includes(role)) continue;
        const others = (await this.repo.list(tx, { ids: await this.repo.usersWithRole(tx, role) })).filter(
          (u) => u.id !== id && !u.disabled,
        );
        if (!others.length) throw duty(role === 'auditor' ? 'admin.lastAuditor' : 'admin.lastSecurityAdmin', 'roles');
      }
      if (id === meta.actor.userId) throw duty('admin.ownRoles', 'roles');
      await this.repo.setRoles(tx, id, roles);
      await this.audit.record(tx, meta, {
        action: 'user.roles',
        targetType: 'user',
        targetId: id,
        summary: `授权 ${before.username}：${before.roles.join(',')} → ${roles.join(',')}`,
        detail: { before: before.roles, after: roles },
      });
      return presentUser((await this.repo.byId(tx, id))!);
    });
  }

  async unlock(meta: RequestMeta, id: string) {
    return this.db.transaction().execute(async (tx) => {
      const u = await this.repo.byId(tx, id);
      if (!u) throw notFound('用户');
      await this.repo.update(tx, id, { locked_until: null, failed_logins: 0 });
      await this.audit.record(tx, meta, {
        action: 'user.unlock',
        targetType: 'user',
        targetId: id,
        summary: `解锁用户 ${u.username}`,
      });
      return presentUser((await this.repo.byId(tx, id))!);
    });
  }
}
