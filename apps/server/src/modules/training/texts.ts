import type { Locale } from '../../http/messages.js';

/** Training's notification (站内信 and its e-mail) in the reader's language. */
export const trainingCompleteText = (locale: Locale, plan: { name: string; project_name: string }, trainees: number) =>
  locale === 'en'
    ? {
        title: `Training complete: ${plan.name}`,
        body: `Training plan "${plan.name}" of ${plan.project_name}: all ${trainees} trainees can now work independently.`,
      }
    : {
        title: `培训完成：${plan.name}`,
        body: `${plan.project_name} 的培训计划「${plan.name}」${trainees} 名学员均已可独立操作。`,
      };
