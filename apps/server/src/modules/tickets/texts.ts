import { label } from '@weibao/schema';
import type { Locale } from '../../http/messages.js';
import { beijingTime } from '../../lib/time.js';

/** The ticket workflow's notifications (站内信 and their e-mails) in the reader's language. */
type Text = { title: string; body: string };
type Ticket = { number: string; title: string };

/** A new ticket dispatched as it is entered. */
export const dispatchedText = (
  locale: Locale,
  f: { title: string; level: number; reporterName: string; reporterPhone: string },
): Text =>
  locale === 'en'
    ? {
        title: `New ticket assigned to you: ${f.title}`,
        body: `${label('level', f.level, 'en')} fault, reported by ${f.reporterName} ${f.reporterPhone}`,
      }
    : {
        title: `新派单：${f.title}`,
        body: `${label('level', f.level)}故障，报修人 ${f.reporterName} ${f.reporterPhone}`,
      };

/** Dispatch or transfer of an existing ticket to its new assignee. */
export const assignedText = (
  locale: Locale,
  transfer: boolean,
  t: Ticket & { level: number },
  reason: string | undefined,
): Text =>
  locale === 'en'
    ? {
        title: `${transfer ? 'Transferred to you' : 'Assigned to you'}: ${t.number} ${t.title}`,
        body: `${label('level', t.level, 'en')} fault${reason ? `; reason: ${reason}` : ''}`,
      }
    : {
        title: `${transfer ? '转派' : '派单'}：${t.number} ${t.title}`,
        body: `${label('level', t.level)}故障${reason ? `，原因：${reason}` : ''}`,
      };

export const reopenedText = (locale: Locale, t: Ticket, reason: string): Text =>
  locale === 'en' ? { title: `Reopened: ${t.number}`, body: reason } : { title: `重开：${t.number}`, body: reason };

/** 催办: the reason if one was given, else who urged. */
export const urgedText = (locale: Locale, t: Ticket, reason: string | undefined, by: string): Text =>
  locale === 'en'
    ? { title: `Follow-up requested: ${t.number} ${t.title}`, body: reason ?? `${by} asked for a follow-up` }
    : { title: `催办：${t.number} ${t.title}`, body: reason ?? `${by} 催办` };

export const resolvedText = (locale: Locale, t: Ticket, solution: string): Text =>
  locale === 'en'
    ? { title: `Resolved: ${t.number}`, body: solution.slice(0, 200) }
    : { title: `已解决：${t.number}`, body: solution.slice(0, 200) };

export const customerCommentText = (locale: Locale, t: Ticket, body: string): Text =>
  locale === 'en'
    ? { title: `${t.number}: comment from the customer`, body: body.slice(0, 200) }
    : { title: `${t.number} 客户留言`, body: body.slice(0, 200) };

/** The notice of a new level-1/2 fault in the reader's language; the report time in Beijing time. */
export function urgentTicketText(
  locale: string,
  f: {
    level: number;
    number: string;
    title: string;
    customer: string;
    project: string;
    reporter: string;
    reportedAt: number;
  },
) {
  return locale === 'en'
    ? {
        title: `${label('level', f.level, 'en')} fault reported: ${f.number} ${f.title}`,
        body: `${f.customer} · ${f.project}; reported by ${f.reporter} at ${beijingTime(f.reportedAt, locale)}.`,
      }
    : {
        title: `${label('level', f.level)}故障报修：${f.number} ${f.title}`,
        body: `${f.customer} · ${f.project}；报修人 ${f.reporter}，报修时间 ${beijingTime(f.reportedAt, locale)}。`,
      };
}
