import { createHash } from 'node:crypto';
import path from 'node:path';
import type { AcceptanceCreate } from '@weibao/schema';
import type { z } from 'zod';
import type { Actor, RequestMeta } from '../../lib/actor.js';
import { AppError, invalid, notFound } from '../../lib/errors.js';
import { FileStore } from '../../lib/files.js';
import { newId } from '../../lib/ids.js';
import type { AssetLedger } from './ledger.js';

/** Acceptances (验收): the batches that start the warranty, and each one's signed report as a file (R1). */
export class AssetAcceptances {
  constructor(private readonly ledger: AssetLedger) {}
  private get d() {
    return this.ledger.d;
  }
  private get db() {
    return this.ledger.db;
  }
  private get repo() {
    return this.ledger.repo;
  }

  async list(actor: Actor, projectId: string) {
    await this.d.projects.visibleProject(this.db, actor, projectId);
    return (await this.repo.acceptances(this.db, projectId)).map((a) => ({
      id: a.id,
      projectId: a.project_id,
      batch: a.batch,
      acceptedOn: a.accepted_on,
      note: a.note,
      documentName: a.doc_name,
      documentSize: a.doc_size === null ? null : Number(a.doc_size),
      assetCount: Number(a.asset_count ?? 0),
      createdAt: a.created_at,
      createdByName: a.created_by_name ?? '',
    }));
  }

  async create(meta: RequestMeta, projectId: string, input: z.infer<typeof AcceptanceCreate>) {
    const id = await this.db.transaction().execute(async (tx) => {
      const p = await this.d.projects.visibleProject(tx, meta.actor, projectId);
      if (input.acceptedOn > this.ledger.today()) throw invalid('acceptedOn', 'assets.acceptanceInFuture');
      if (await this.repo.acceptanceByBatch(tx, projectId, input.batch))
        throw new AppError('DUPLICATE', { field: 'batch' }, 'batch');
      const row = {
        id: newId(this.d.now()),
        project_id: projectId,
        batch: input.batch,
        accepted_on: input.acceptedOn,
        note: input.note ?? null,
        doc_name: null,
        doc_size: null,
        doc_mime: null,
        doc_path: null,
        doc_sha256: null,
        created_at: this.d.now(),
        created_by: meta.actor.userId,
      };
      await this.repo.insertAcceptance(tx, row);
      await this.d.audit.record(tx, meta, {
        action: 'acceptance.create',
        targetType: 'project',
        targetId: projectId,
        summary: `${p.name} 验收批次 ${row.batch}，验收日期 ${row.accepted_on}`,
        detail: { after: row },
      });
      return row.id;
    });
    return (await this.list(meta.actor, projectId)).find((a) => a.id === id)!;
  }

  /** The signed acceptance report (验收报告) as a file: stored under <dataDir>/acceptances, hashed, audited. */
  async attachDocument(meta: RequestMeta, id: string, file: { fileName: string; mime: string; data: Buffer }) {
    const acc = await this.repo.acceptance(this.db, id);
    if (!acc) throw notFound('验收记录');
    await this.d.projects.visibleProject(this.db, meta.actor, acc.project_id);
    if (!file.data.length) throw invalid('file', 'assets.emptyFile');
    const files = new FileStore(this.d.dataDir);
    const rel = files.put('acceptances', file.data, this.d.now());
    try {
      await this.db.transaction().execute(async (tx) => {
        const sha = createHash('sha256').update(file.data).digest('hex');
        const name = path.basename(file.fileName).slice(0, 200) || 'document';
        await this.repo.updateAcceptance(tx, id, {
          doc_name: name,
          doc_size: file.data.length,
          doc_mime: file.mime.slice(0, 100),
          doc_path: rel,
          doc_sha256: sha,
        });
        await this.d.audit.record(tx, meta, {
          action: 'acceptance.document',
          targetType: 'project',
          targetId: acc.project_id,
          summary: `验收批次 ${acc.batch} 上传验收文件 ${name}（${file.data.length} 字节）`,
          detail: { acceptanceId: id, sha256: sha, replaced: acc.doc_sha256 },
        });
      });
    } catch (e) {
      files.remove(rel);
      throw e;
    }
    return (await this.list(meta.actor, acc.project_id)).find((a) => a.id === id)!;
  }

  async documentFile(actor: Actor, id: string) {
    const acc = await this.repo.acceptance(this.db, id);
    if (!acc) throw notFound('验收记录');
    await this.d.projects.visibleProject(this.db, actor, acc.project_id);
    if (!acc.doc_path) throw notFound('验收文件');
    return {
      path: new FileStore(this.d.dataDir).resolve(acc.doc_path),
      fileName: acc.doc_name ?? 'document',
      mime: acc.doc_mime ?? 'application/octet-stream',
    };
  }
}
