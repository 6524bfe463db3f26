import type { Database } from '../../db/database.js';
import type { Tx } from '../../db/dialect.js';
import type { Actor } from '../../lib/actor.js';
import { AuditRepository } from './repository.js';

export interface AuditEvent {
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  summary: string;
  detail?: Record<string, unknown>;
  result?: 'success' | 'failure';
}

/** Everything a user does lands here (等保 8.1.4.3): who, role, IP, action, target, before/after, result, time. */
export class AuditService {
  readonly repo: AuditRepository;
  constructor(
    readonly database: Database,
    private readonly now: () => number,
  ) {
    this.repo = new AuditRepository(database.dialect);
  }

  /** Inside the command's own transaction, so the audit row and the change commit together. */
  async record(
    tx: Tx,
    who: { actor: Pick<Actor, 'userId' | 'displayName' | 'roles'> | null; ip: string | null; actorLabel?: string },
    e: AuditEvent,
  ): Promise<void> {
    await this.repo.append(tx, {
      at: this.now(),
      actorId: who.actor?.userId ?? null,
      actorName: who.actor?.displayName ?? who.actorLabel ?? null,
      actorRoles: who.actor?.roles ?? [],
      ip: who.ip,
      action: e.action,
      targetType: e.targetType ?? null,
      targetId: e.targetId ?? null,
      summary: e.summary,
      detail: e.detail ?? {},
      result: e.result ?? 'success',
    });
  }

  /** For events with no surrounding command (failed logins, denied requests). */
  async recordAlone(who: Parameters<AuditService['record']>[1], e: AuditEvent): Promise<void> {
    await this.database.db.transaction().execute((tx) => this.record(tx, who, e));
  }

  verify(onProgress?: (n: number) => void) {
    return this.repo.verify(this.database.db, onProgress);
  }
}
