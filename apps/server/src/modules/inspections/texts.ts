import type { Locale } from '../../http/messages.js';

/** An overdue inspection task (站内信 and its e-mail) in the reader's language. */
export const inspectionOverdueText = (
  locale: Locale,
  t: {
    project_name: string;
    plan_name: string;
    due_on: string;
    asset_name: string | null;
    assignee_name: string | null;
  },
) =>
  locale === 'en'
    ? {
        title: `Inspection overdue: ${t.project_name} ${t.plan_name} (due by ${t.due_on})`,
        body: `${t.asset_name ? `${t.asset_name}; ` : ''}assignee: ${t.assignee_name ?? 'not assigned'}`,
      }
    : {
        title: `巡检逾期：${t.project_name} ${t.plan_name}（应于 ${t.due_on} 前完成）`,
        body: `${t.asset_name ? `${t.asset_name}，` : ''}负责人 ${t.assignee_name ?? '未指派'}`,
      };
