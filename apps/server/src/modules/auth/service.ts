import { createHash, randomBytes } from 'node:crypto';
import type { OrgKind, Role } from '@weibao/schema';
import type { Database } from '../../db/database.js';
import type { Actor, RequestMeta } from '../../lib/actor.js';
import { AppError, invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { beijingDateTime } from '../../lib/time.js';
import type { AuditService } from '../audit/service.js';
import type { SecurityPolicyService } from '../security/service.js';
import type { UserCredentials, UserRow } from '../users/directory.js';
import { hashPassword, passwordMeetsPolicy, verifyPassword } from './passwords.js';
import { AuthRepository } from './repository.js';
import type { ResolvedSession, SessionCache } from './session-cache.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** 256-bit random secrets; only their SHA-256 is stored, so a fast hash per request is enough. */
const secret = () => randomBytes(32).toString('base64url');
// A hash to compare against when the username is unknown, so timing doesn't reveal which names exist.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
// Writing last_seen_at on every request would make every read a write; once a minute is enough for a 30-min idle limit.
const TOUCH_EVERY_MS = 60_000;

export class AuthService {
  private readonly repo = new AuthRepository();
  constructor(
    private readonly database: Database,
    private readonly users: UserCredentials,
    private readonly audit: AuditService,
    private readonly policy: SecurityPolicyService,
    private readonly now: () => number,
    private readonly sessions: SessionCache,
  ) {}

  private get db() {
    return this.database.db;
  }

  /** First login with an issued password, or a password older than the policy's maximum age (等保 8.1.4.1 a). */
  private async mustChange(u: UserRow): Promise<boolean> {
    if (u.must_change_password === 1) return true;
    const { passwordMaxAgeDays } = await this.policy.current();
    return passwordMaxAgeDays > 0 && this.now() - u.password_changed_at > passwordMaxAgeDays * 86_400_000;
  }

  toActor(
    u: UserRow,
    via: Actor['via'],
    session?: { id: string; csrf_token: string },
    mustChangePassword = u.must_change_password === 1,
  ): Actor {
    return {
      userId: u.id,
      username: u.username,
      displayName: u.display_name,
      orgId: u.org_id,
      orgKind: u.org_kind as OrgKind,
      roles: u.roles,
      level: u.level,
      via,
      sessionId: session?.id ?? null,
      csrfToken: session?.csrf_token ?? null,
      mustChangePassword,
    };
  }

  async login(username: string, password: string, ip: string | null, userAgent: string | null) {
    const now = this.now();
    const user = await this.users.byUsername(this.db, username);
    const who = {
      actor: user ? { userId: user.id, displayName: user.display_name, roles: user.roles } : null,
      ip,
      actorLabel: username,
    };
    // One answer for every failed login (unknown user, wrong password, locked or disabled account):
    // the same 401 BAD_CREDENTIALS, after the same password check, so a caller cannot learn which
    // usernames exist or whether a guessed password was right while an account is locked. The real
    // reason is in the audit log, and the lockout still counts and applies to the known account.
    if (!user) {
      await verifyPassword(password, DUMMY_HASH).catch(() => false);
      await this.audit.recordAlone(who, {
        action: 'auth.login',
        summary: `登录失败：用户 ${username} 不存在`,
        result: 'failure',
      });
      throw new AppError('BAD_CREDENTIALS');
    }
    const passwordOk = await verifyPassword(password, user.password_hash);
    if (user.locked_until && user.locked_until > now) {
      await this.audit.recordAlone(who, {
        action: 'auth.login',
        targetType: 'user',
        targetId: user.id,
        summary: `登录失败：账号已锁定至 ${beijingDateTime(user.locked_until)}（北京时间）`,
        result: 'failure',
      });
      throw new AppError('BAD_CREDENTIALS');
    }
    if (user.disabled) {
      await this.audit.recordAlone(who, {
        action: 'auth.login',
        targetType: 'user',
        targetId: user.id,
        summary: '登录失败：账号已停用',
        result: 'failure',
      });
      throw new AppError('BAD_CREDENTIALS');
    }
    if (!passwordOk) {
      const { lockoutThreshold, lockoutMinutes } = await this.policy.current();
      const failures = user.failed_logins + 1;
      const lock = failures >= lockoutThreshold;
      await this.db.transaction().execute(async (tx) => {
        await this.users.updateSignIn(tx, user.id, {
          failed_logins: lock ? 0 : failures,
          locked_until: lock ? now + lockoutMinutes * 60_000 : user.locked_until,
        });
        await this.audit.record(tx, who, {
          action: lock ? 'auth.lockout' : 'auth.login',
          targetType: 'user',
          targetId: user.id,
          result: 'failure',
          summary: lock
            ? `连续 ${failures} 次密码错误，账号锁定 ${lockoutMinutes} 分钟`
            : `登录失败：密码错误（第 ${failures} 次）`,
        });
      });
      throw new AppError('BAD_CREDENTIALS');
    }
    const token = secret();
    const session = {
      id: sha256(token),
      user_id: user.id,
      csrf_token: secret(),
      created_at: now,
      last_seen_at: now,
      ip,
      user_agent: userAgent?.slice(0, 300) ?? null,
    };
    await this.db.transaction().execute(async (tx) => {
      await this.repo.insertSession(tx, session);
      await this.users.updateSignIn(tx, user.id, {
        failed_logins: 0,
        locked_until: null,
        last_login_at: now,
        last_login_ip: ip,
      });
      await this.audit.record(tx, who, {
        action: 'auth.login',
        targetType: 'user',
        targetId: user.id,
        summary: '登录成功',
      });
    });
    return {
      token,
      actor: this.toActor(user, 'session', session, await this.mustChange(user)),
      previousLogin: { at: user.last_login_at, ip: user.last_login_ip },
      locale: user.locale,
    };
  }

  /** Resolves a session cookie; enforces the idle timeout server-side (等保 8.1.4.1 b). */
  async fromSession(token: string, ip: string | null): Promise<Actor> {
    const now = this.now();
    const id = sha256(token);
    const { user, session: s } = this.sessions.get(id) ?? (await this.readSession(id));
    const { sessionIdleMinutes } = await this.policy.current();
    if (now - s.last_seen_at > sessionIdleMinutes * 60_000) {
      await this.db.transaction().execute(async (tx) => {
        await this.repo.deleteSession(tx, s.id);
        await this.audit.record(
          tx,
          { actor: { userId: user.id, displayName: user.display_name, roles: user.roles }, ip },
          {
            action: 'auth.session_timeout',
            targetType: 'user',
            targetId: s.user_id,
            summary: '会话空闲超时，自动退出',
          },
        );
      });
      this.sessions.forgetSession(s.id);
      throw new AppError('SESSION_EXPIRED');
    }
    if (user.disabled) throw new AppError('UNAUTHENTICATED');
    if (now - s.last_seen_at > TOUCH_EVERY_MS) {
      await this.repo.touchSession(this.db, s.id, now);
      s.last_seen_at = now; // the cached entry is this object: the next request sees the touch
    }
    return this.toActor(user, 'session', s, await this.mustChange(user));
  }

  /** Session, user, organisation and roles in one query; remembered briefly (see SessionCache). */
  private async readSession(id: string): Promise<ResolvedSession> {
    const stamp = this.sessions.stamp();
    const rows = await this.repo.sessionWithUser(this.db, id);
    const first = rows[0];
    if (!first) throw new AppError('UNAUTHENTICATED');
    const { session_csrf_token, session_last_seen_at, role: _role, ...userRow } = first;
    const user: UserRow = { ...userRow, roles: rows.flatMap((r) => (r.role ? [r.role as Role] : [])).sort() };
    const resolved = {
      user,
      session: { id, user_id: user.id, csrf_token: session_csrf_token, last_seen_at: session_last_seen_at },
    };
    this.sessions.put(id, resolved, stamp);
    return resolved;
  }

  async fromBearer(token: string): Promise<Actor> {
    const now = this.now();
    const t = await this.repo.tokenByHash(this.db, sha256(token));
    if (!t || t.revoked_at || (t.expires_at && t.expires_at < now)) throw new AppError('UNAUTHENTICATED');
    const user = await this.users.byId(this.db, t.user_id);
    if (!user || user.disabled) throw new AppError('UNAUTHENTICATED');
    if (!t.last_used_at || now - t.last_used_at > TOUCH_EVERY_MS) await this.repo.touchToken(this.db, t.id, now);
    // Integrations keep working when a password ages out; an issued password not yet changed still blocks.
    return this.toActor(user, 'token');
  }

  async logout(meta: RequestMeta) {
    await this.db.transaction().execute(async (tx) => {
      if (meta.actor.sessionId) await this.repo.deleteSession(tx, meta.actor.sessionId);
      await this.audit.record(tx, meta, {
        action: 'auth.logout',
        targetType: 'user',
        targetId: meta.actor.userId,
        summary: '退出登录',
      });
    });
    if (meta.actor.sessionId) this.sessions.forgetSession(meta.actor.sessionId);
  }

  async me(actor: Actor) {
    const u = await this.users.byId(this.db, actor.userId);
    if (!u) throw notFound('用户');
    return {
      id: u.id,
      username: u.username,
      displayName: u.display_name,
      orgId: u.org_id,
      orgKind: u.org_kind as OrgKind,
      orgName: u.org_name,
      roles: u.roles,
      level: u.level,
      locale: (u.locale === 'en' ? 'en' : 'zh-CN') as 'en' | 'zh-CN',
      mustChangePassword: await this.mustChange(u),
      csrfToken: actor.csrfToken ?? '',
      lastLoginAt: u.last_login_at,
      lastLoginIp: u.last_login_ip,
    };
  }

  async changePassword(meta: RequestMeta, current: string, next: string) {
    const u = await this.users.byId(this.db, meta.actor.userId);
    if (!u) throw notFound('用户');
    if (!(await verifyPassword(current, u.password_hash))) {
      await this.audit.recordAlone(meta, {
        action: 'auth.password_change',
        targetType: 'user',
        targetId: u.id,
        summary: '修改密码失败：原密码错误',
        result: 'failure',
      });
      throw invalid('currentPassword', current ? 'admin.wrongCurrentPassword' : 'admin.required');
    }
    if (!passwordMeetsPolicy(next, u.username, await this.policy.current()))
      throw new AppError('PASSWORD_POLICY', {}, 'newPassword');
    const hash = await hashPassword(next);
    await this.db.transaction().execute(async (tx) => {
      await this.users.updateSignIn(tx, u.id, {
        password_hash: hash,
        password_changed_at: this.now(),
        must_change_password: 0,
      });
      await this.audit.record(tx, meta, {
        action: 'auth.password_change',
        targetType: 'user',
        targetId: u.id,
        summary: '修改密码',
      });
    });
  }

  async listTokens(actor: Actor) {
    const rows = await this.repo.tokensOf(this.db, actor.userId);
    return rows.map((t) => ({
      id: t.id,
      name: t.name,
      createdAt: t.created_at,
      expiresAt: t.expires_at,
      lastUsedAt: t.last_used_at,
    }));
  }

  async createToken(meta: RequestMeta, name: string, expiresInDays?: number) {
    const now = this.now();
    const token = `wbt_${secret()}`;
    const row = {
      id: newId(now),
      user_id: meta.actor.userId,
      name,
      token_hash: sha256(token),
      created_at: now,
      expires_at: expiresInDays ? now + expiresInDays * 86_400_000 : null,
      last_used_at: null,
      revoked_at: null,
    };
    await this.db.transaction().execute(async (tx) => {
      await this.repo.insertToken(tx, row);
      await this.audit.record(tx, meta, {
        action: 'auth.token_create',
        targetType: 'api_token',
        targetId: row.id,
        summary: `创建 API 令牌 ${name}`,
      });
    });
    return { id: row.id, name, createdAt: now, expiresAt: row.expires_at, lastUsedAt: null, token };
  }

  async revokeToken(meta: RequestMeta, id: string) {
    await this.db.transaction().execute(async (tx) => {
      if (!(await this.repo.revokeToken(tx, id, meta.actor.userId, this.now()))) throw notFound('令牌');
      await this.audit.record(tx, meta, {
        action: 'auth.token_revoke',
        targetType: 'api_token',
        targetId: id,
        summary: '吊销 API 令牌',
      });
    });
  }

  /** Ends every session of a user inside the caller's transaction (disabling a user). */
  async endSessionsOf(tx: Parameters<AuthRepository['deleteUserSessions']>[0], userId: string) {
    this.sessions.forgetUser(userId);
    await this.repo.deleteUserSessions(tx, userId);
  }
}
