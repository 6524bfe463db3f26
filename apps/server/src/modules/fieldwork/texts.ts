import { label } from '@weibao/schema';
import type { Locale } from '../../http/messages.js';
import { beijingClock, beijingTime } from '../../lib/time.js';

/** Fieldwork's notifications (站内信 and their e-mails) in the reader's language. */
type Text = { title: string; body: string };

/** An O&M record submitted: the customer's project leads and the service manager are asked to sign or review it. */
export const recordSubmittedText = (
  locale: Locale,
  r: { number: string; project_name: string; kind: string; author_name: string },
): Text =>
  locale === 'en'
    ? {
        title: `To be signed: O&M record ${r.number}`,
        body: `${r.project_name}: ${label('recordKind', r.kind, 'en')}, submitted by ${r.author_name}`,
      }
    : {
        title: `待签字确认：运维记录 ${r.number}`,
        body: `${r.project_name} ${label('recordKind', r.kind)}，${r.author_name} 提交`,
      };

export const recordRejectedText = (
  locale: Locale,
  r: { number: string; rejector_name: string | null },
  reason: string,
): Text =>
  locale === 'en'
    ? { title: `O&M record returned: ${r.number}`, body: `${r.rejector_name ? `${r.rejector_name}: ` : ''}${reason}` }
    : { title: `运维记录被退回：${r.number}`, body: `${r.rejector_name ?? ''}：${reason}` };

export const recordSignedText = (locale: Locale, r: { number: string }, signer: string): Text =>
  locale === 'en'
    ? { title: `Signed: O&M record ${r.number}`, body: `${signer} signed it (on site or online)` }
    : { title: `已签字确认：运维记录 ${r.number}`, body: `${signer} 于现场/线上签字确认` };

/** A visit still open after the day it began; the check-in in Beijing time. */
export const forgottenCheckoutText = (
  locale: Locale,
  v: { engineer_name: string; project_name: string; checked_in_at: number },
): Text =>
  locale === 'en'
    ? {
        title: `Not checked out: ${v.engineer_name} ${v.project_name}`,
        body: `Checked in at ${beijingTime(v.checked_in_at, locale)} and never checked out: please check out and say when you left`,
      }
    : {
        title: `未签退：${v.engineer_name} ${v.project_name}`,
        body: `${beijingClock(v.checked_in_at, true)} 签到后未签退，请补签退并说明离场时间`,
      };
