import type { SecurityPolicy } from '@weibao/schema';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import type { RequestMeta } from '../../lib/actor.js';
import type { AuditService } from '../audit/service.js';
import { SettingsRepository } from './repository.js';

const KEY = 'security_policy';
// Other app nodes see a change within this long; a policy read per request would cost a query each.
const CACHE_MS = 5_000;

/** The security policy (password rules, lockout, idle timeout), set by the security admin. */
export class SecurityPolicyService {
  private readonly repo = new SettingsRepository();
  private cached: { at: number; value: SecurityPolicy } | null = null;
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly config: Config,
    private readonly now: () => number,
  ) {}

  defaults(): SecurityPolicy {
    return {
      passwordMinLength: 8,
      passwordMinClasses: 3,
      passwordMaxAgeDays: 90,
      lockoutThreshold: this.config.lockoutThreshold,
      lockoutMinutes: this.config.lockoutMinutes,
      sessionIdleMinutes: this.config.sessionIdleMinutes,
    };
  }

  async current(): Promise<SecurityPolicy> {
    const now = this.now();
    if (this.cached && now - this.cached.at < CACHE_MS && now >= this.cached.at) return this.cached.value;
    const row = await this.repo.get(this.database.db, KEY);
    const value = { ...this.defaults(), ...(row ? (JSON.parse(row.value_json) as Partial<SecurityPolicy>) : {}) };
    this.cached = { at: now, value };
    return value;
  }

  async update(meta: RequestMeta, next: SecurityPolicy): Promise<SecurityPolicy> {
    const before = await this.current();
    await this.database.db.transaction().execute(async (tx) => {
      await this.repo.put(tx, KEY, next, this.now(), meta.actor.userId);
      await this.audit.record(tx, meta, {
        action: 'security.policy',
        targetType: 'settings',
        targetId: KEY,
        summary: '修改安全策略',
        detail: { before, after: next },
      });
    });
    this.cached = null;
    return this.current();
  }
}
