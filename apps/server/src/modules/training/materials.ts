import { createHash } from 'node:crypto';
import path from 'node:path';
import type { RequestMeta } from '../../lib/actor.js';
import { invalid } from '../../lib/errors.js';
import { FileStore } from '../../lib/files.js';
import { newId } from '../../lib/ids.js';
import type { TrainingAccess } from './access.js';

/** File names as users gave them, minus anything that could be read as a path. */
const safeName = (name: string) =>
  path
    .basename(name.replace(/\\/g, '/'))
    // eslint-disable-next-line no-control-regex -- control characters are what this strips
    .replace(/[\u0000-\u001f]/g, '')
    .slice(0, 200) || 'file';

/**
 * Course materials (培训资料), versioned like checklists: a new upload of the same material keeps
 * its family, so the course shows the current version and every earlier one stays downloadable.
 */
export class TrainingMaterials {
  constructor(private readonly svc: TrainingAccess) {}

  /** A new material of a course (`courseId`) or the next version of one (`reviseId`). */
  async upload(
    meta: RequestMeta,
    target: { courseId: string } | { reviseId: string },
    file: { fileName: string; mime: string; data: Buffer },
    note: string,
  ) {
    if (!file.data.length) throw invalid('file', 'training.emptyFile');
    const now = this.svc.d.now();
    const id = newId(now);
    return new FileStore(this.svc.d.dataDir).writing((put) =>
      this.svc.db.transaction().execute(async (tx) => {
        let courseId: string;
        let familyId = id;
        let version = 1;
        if ('reviseId' in target) {
          const { row } = await this.svc.material(tx, meta.actor, target.reviseId);
          const latest = (await this.svc.repo.latestVersion(tx, row.family_id))!;
          courseId = row.course_id;
          familyId = row.family_id;
          version = latest.version + 1;
        } else {
          courseId = (await this.svc.course(tx, meta.actor, target.courseId)).row.id;
        }
        const { row: course, plan } = await this.svc.course(tx, meta.actor, courseId);
        const rel = put('training', file.data, now);
        const sha256 = createHash('sha256').update(file.data).digest('hex');
        const row = {
          id,
          course_id: courseId,
          family_id: familyId,
          version,
          current: 1,
          file_name: safeName(file.fileName),
          mime: file.mime || 'application/octet-stream',
          size: file.data.length,
          sha256,
          path: rel,
          note,
          uploaded_at: now,
          uploaded_by: meta.actor.userId,
        };
        await this.svc.repo.insertMaterial(tx, row);
        await this.svc.d.audit.record(tx, meta, {
          action: version > 1 ? 'training.material.revise' : 'training.material.upload',
          targetType: 'training_plan',
          targetId: plan.id,
          summary: `课程 ${course.title} ${version > 1 ? `更新资料 ${row.file_name}（第 ${version} 版）` : `上传资料 ${row.file_name}`}`,
          detail: { after: { ...row, path: undefined } },
        });
        return this.svc.detail(meta.actor, plan.id, tx);
      }),
    );
  }

  async file(meta: RequestMeta, id: string) {
    const { row } = await this.svc.material(this.svc.db, meta.actor, id);
    await this.svc.d.audit.recordAlone(meta, {
      action: 'training.material.download',
      targetType: 'training_material',
      targetId: id,
      summary: `下载培训资料 ${row.file_name}（第 ${row.version} 版）`,
    });
    return { file: new FileStore(this.svc.d.dataDir).resolve(row.path), mime: row.mime, fileName: row.file_name };
  }
}
