import type { ChecklistItem, ChecklistTemplateInput } from '@weibao/schema';
import type { z } from 'zod';
import type { RequestMeta } from '../../lib/actor.js';
import { invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { InspectionRepository } from './repository.js';
import type { InspectionService } from './service.js';

type TemplateRow = NonNullable<Awaited<ReturnType<InspectionRepository['template']>>>;

/** A checklist template version as the API shows it. */
export function presentTemplate(t: TemplateRow) {
  return {
    id: t.id,
    familyId: t.family_id,
    version: t.version,
    current: t.current === 1,
    name: t.name,
    scope: t.scope as 'system',
    assetType: t.asset_type,
    items: JSON.parse(t.items_json) as ChecklistItem[],
    createdAt: t.created_at,
    createdByName: t.created_by_name ?? '',
  };
}

/** Checklist templates (R16): versioned; a revision is a new version and tasks keep the version they were made with. */
export class ChecklistTemplates {
  constructor(private readonly svc: InspectionService) {}
  private get db() {
    return this.svc.db;
  }

  async templates() {
    return (await this.svc.repo.currentTemplates(this.db)).map(presentTemplate);
  }

  /** A new template (version 1), or, with `reviseId`, the next version of that template's family. */
  async saveTemplate(meta: RequestMeta, reviseId: string | null, input: z.infer<typeof ChecklistTemplateInput>) {
    const keys = input.items.map((i) => i.key);
    const dup = keys.findIndex((k, i) => keys.indexOf(k) !== i);
    if (dup >= 0) throw invalid(`items[${dup}].key`, 'inspections.duplicateItemKey');
    const badRange = input.items.findIndex((i) => i.min !== null && i.max !== null && i.min > i.max);
    if (badRange >= 0) throw invalid(`items[${badRange}].max`, 'inspections.maxBelowMin');
    if (input.scope === 'asset_type' && !input.assetType) throw invalid('assetType', 'inspections.assetTypeRequired');
    return this.db.transaction().execute(async (tx) => {
      const prev = reviseId ? await this.svc.repo.template(tx, reviseId) : null;
      if (reviseId && !prev) throw notFound('巡检模板');
      const current = prev ? await this.svc.repo.currentTemplate(tx, prev.family_id) : null;
      const now = this.svc.d.now();
      const id = newId(now);
      const row = {
        id,
        family_id: current?.family_id ?? id,
        version: (current?.version ?? 0) + 1,
        current: 1,
        name: input.name,
        scope: input.scope,
        asset_type: input.scope === 'asset_type' ? input.assetType : null,
        items_json: JSON.stringify(input.items),
        created_at: now,
        created_by: meta.actor.userId,
      };
      await this.svc.repo.insertTemplate(tx, row);
      await this.svc.d.audit.record(tx, meta, {
        action: reviseId ? 'checklist.revise' : 'checklist.create',
        targetType: 'checklist',
        targetId: row.family_id,
        summary: `${reviseId ? '修订' : '新建'}巡检模板 ${row.name} 第 ${row.version} 版（${input.items.length} 项）`,
        detail: { after: { ...row, items: input.items }, previousVersion: current?.id ?? null },
      });
      return presentTemplate({ ...row, created_by_name: meta.actor.displayName });
    });
  }
}
