import { label } from '@weibao/schema';
import type { Locale } from '../../http/messages.js';

/** Satisfaction's notifications (站内信 and their e-mails) in the reader's language; score words from the label table. */
type Text = { title: string; body: string };

/** The reporter of a resolved ticket is asked to rate it through a one-time link. */
export const ticketRatingRequestText = (
  locale: Locale,
  t: { number: string; title: string },
  link: string,
  days: number,
): Text =>
  locale === 'en'
    ? {
        title: `Please rate: ${t.number} ${t.title}`.slice(0, 200),
        body: `Your ticket ${t.number} has been resolved: please rate our service (1–5). No sign-in needed, just follow the link (valid for ${days} days, usable once): ${link}`,
      }
    : {
        title: `请评价：${t.number} ${t.title}`.slice(0, 200),
        body: `您报修的工单 ${t.number} 已处理完毕，请对本次服务打分（1–5 分）。无需登录，点击链接即可评价（${days} 天内有效，仅可使用一次）：${link}`,
      };

/** A customer user is asked to answer a survey through their own one-time link. */
export const surveyRequestText = (
  locale: Locale,
  projectName: string,
  title: string,
  closesOn: string,
  link: string | null,
): Text =>
  locale === 'en'
    ? {
        title: `Satisfaction survey: ${title}`.slice(0, 200),
        body: `${projectName} satisfaction survey "${title}": please rate (1–5) by ${closesOn}. No sign-in needed, just follow the link (usable once): ${link}`,
      }
    : {
        title: `满意度调查：${title}`.slice(0, 200),
        body: `${projectName} 满意度调查「${title}」，请在 ${closesOn} 前打分（1–5 分）。无需登录，点击链接即可评价（仅可使用一次）：${link}`,
      };

/** A rating of 3 or below, to the service manager. */
export const lowRatingText = (
  locale: Locale,
  r: { ticket_number: string | null; survey_title: string | null; project_name: string; user_name: string | null },
  score: number,
  comment: string,
): Text => {
  if (locale === 'en') {
    const subject = r.ticket_number ? `ticket ${r.ticket_number}` : `survey "${r.survey_title}"`;
    return {
      title: `Low rating: ${subject}, ${score}/5`,
      body: `${r.project_name}: ${r.user_name ?? 'the reporter'} rated ${score}/5 (${label('satisfactionScore', score, 'en')}). ${comment || 'No comment given.'}`,
    };
  }
  const subject = r.ticket_number ? `工单 ${r.ticket_number}` : `调查「${r.survey_title}」`;
  return {
    title: `低分评价：${subject} ${score} 分`,
    body: `${r.project_name}：${r.user_name ?? '报修人'}评价 ${score} 分（${label('satisfactionScore', score)}）。${comment || '未填写意见'}`,
  };
};
