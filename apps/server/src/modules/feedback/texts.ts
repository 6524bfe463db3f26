import { label } from '@weibao/schema';
import type { Locale } from '../../http/messages.js';

/** Feedback's notifications (站内信 and their e-mails) in the reader's language; the category from the label table. */
type Text = { title: string; body: string };
const category = (locale: Locale, c: string) =>
  locale === 'en' ? label('feedbackCategory', c, 'en').toLowerCase() : label('feedbackCategory', c);

/** New feedback, to the project's service manager. */
export const feedbackText = (
  locale: Locale,
  f: { category: string; title: string; body: string },
  author: string,
  project: string,
): Text =>
  locale === 'en'
    ? {
        title: `New ${category(locale, f.category)}: ${f.title}`.slice(0, 200),
        body: `${author} (${project}): ${f.body.slice(0, 300)}`,
      }
    : {
        title: `新的${category(locale, f.category)}：${f.title}`.slice(0, 200),
        body: `${author}（${project}）：${f.body.slice(0, 300)}`,
      };

/** The answer, to the author. */
export const feedbackAnswerText = (locale: Locale, f: { category: string; title: string }, answer: string): Text =>
  locale === 'en'
    ? {
        title: `Your ${category(locale, f.category)} has been answered: ${f.title}`.slice(0, 200),
        body: answer.slice(0, 500),
      }
    : { title: `您的${category(locale, f.category)}已答复：${f.title}`.slice(0, 200), body: answer.slice(0, 500) };
