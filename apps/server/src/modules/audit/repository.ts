import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Dialect } from '../../db/database.js';
import { forUpdate, type Tx } from '../../db/dialect.js';
import { insertRows } from '../../db/insert.js';
import type { AuditLogTable, DB } from '../../db/types.js';
import { newId } from '../../lib/ids.js';

export interface AuditInput {
  at: number;
  actorId: string | null;
  actorName: string | null;
  actorRoles: string[];
  ip: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  summary: string;
  detail: Record<string, unknown>;
  result: 'success' | 'failure';
}

/** The exact bytes a row's hash covers; verify() recomputes it, so keep it stable forever. */
export function rowDigest(prevHash: string, r: Omit<AuditLogTable, 'hash' | 'prev_hash'>): string {
  const canonical = JSON.stringify([
    r.seq,
    r.id,
    r.at,
    r.actor_id,
    r.actor_name,
    r.actor_roles,
    r.ip,
    r.action,
    r.target_type,
    r.target_id,
    r.summary,
    r.detail_json,
    r.result,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

export class AuditRepository {
  constructor(private readonly dialect: Dialect) {}

  /** Appends one row to the hash chain inside the caller's transaction (the head row lock orders appends). */
  async append(tx: Tx, input: AuditInput): Promise<void> {
    const head = await forUpdate(
      this.dialect,
      tx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1),
    ).executeTakeFirstOrThrow();
    const row = {
      seq: Number(head.seq) + 1,
      id: newId(input.at),
      at: input.at,
      actor_id: input.actorId,
      actor_name: input.actorName,
      actor_roles: input.actorRoles.join(','),
      ip: input.ip,
      action: input.action,
      target_type: input.targetType,
      target_id: input.targetId,
      summary: input.summary.slice(0, 1000),
      detail_json: JSON.stringify(input.detail),
      result: input.result,
    };
    const hash = rowDigest(head.hash, row);
    await insertRows(tx, 'audit_log', [{ ...row, prev_hash: head.hash, hash }]);
    await tx.updateTable('audit_head').set({ seq: row.seq, hash }).where('id', '=', 1).execute();
  }

  async list(
    db: Kysely<DB>,
    q: {
      actorId?: string;
      actorName?: string;
      action?: string;
      result?: string;
      targetId?: string;
      from?: number;
      to?: number;
      beforeSeq?: number;
      limit: number;
    },
  ) {
    let query = db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(q.limit + 1);
    if (q.actorId) query = query.where('actor_id', '=', q.actorId);
    if (q.actorName) query = query.where('actor_name', '=', q.actorName);
    if (q.action) query = query.where('action', '=', q.action);
    if (q.result) query = query.where('result', '=', q.result);
    if (q.targetId) query = query.where('target_id', '=', q.targetId);
    if (q.from !== undefined) query = query.where('at', '>=', q.from);
    if (q.to !== undefined) query = query.where('at', '<', q.to);
    if (q.beforeSeq !== undefined) query = query.where('seq', '<', q.beforeSeq);
    return query.execute();
  }

  /** Walks the chain in seq order in batches; reports the first break (edited, deleted or inserted row). */
  async verify(
    db: Kysely<DB>,
    onProgress?: (checked: number) => void,
  ): Promise<{ ok: boolean; checked: number; problem?: string; seq?: number }> {
    let prev = '0'.repeat(64);
    let expectSeq = 1;
    let checked = 0;
    for (;;) {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '>=', expectSeq)
        .orderBy('seq')
        .limit(5000)
        .execute();
      if (rows.length === 0) break;
      for (const r of rows) {
        const seq = Number(r.seq);
        if (seq !== expectSeq)
          return { ok: false, checked, seq: expectSeq, problem: `row ${expectSeq} is missing (next is ${seq})` };
        if (r.prev_hash !== prev)
          return { ok: false, checked, seq, problem: `row ${seq} does not link to row ${seq - 1}` };
        const { hash, prev_hash: _p, ...rest } = r;
        if (rowDigest(prev, { ...rest, seq }) !== hash)
          return { ok: false, checked, seq, problem: `row ${seq} was modified` };
        prev = hash;
        expectSeq++;
        checked++;
      }
      onProgress?.(checked);
    }
    const head = await db
      .selectFrom('audit_head')
      .select(['seq', 'hash'])
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    if (Number(head.seq) !== checked || head.hash !== prev) {
      return {
        ok: false,
        checked,
        seq: checked + 1,
        problem: `the chain ends at row ${checked} but the head says ${head.seq}: rows were deleted from the end`,
      };
    }
    return { ok: true, checked };
  }
}
