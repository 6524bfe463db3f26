/**
 * Words shown to users, in both languages, as data: a `Text` is one phrase in zh-CN and en; a `Reason` names a
 * catalogue entry (reasons/) and its parameters. Services put these in errors and results; the language is chosen
 * only where the words leave the server (http/messages.ts for the API, documents and e-mails by their reader).
 */
import type { LabelLang } from '@weibao/schema/labels';
import { REASONS, type ReasonKey } from './reasons/index.js';

export type Lang = LabelLang;
export interface Text {
  readonly 'zh-CN': string;
  readonly en: string;
}
/** A catalogue phrase with its parameters, rendered in the reader's language. */
export interface Reason {
  readonly key: ReasonKey;
  readonly params?: Readonly<Record<string, MessageParam>>;
}
/** What a message template may be filled with: plain values, a phrase in both languages, or another reason. */
export type MessageParam = string | number | Text | Reason;

export const reason = (key: ReasonKey, params?: Record<string, MessageParam>): Reason =>
  params ? { key, params } : { key };

export const isText = (v: unknown): v is Text => typeof v === 'object' && v !== null && 'zh-CN' in v && 'en' in v;
export const isReason = (v: unknown): v is Reason =>
  typeof v === 'object' && v !== null && typeof (v as Reason).key === 'string' && (v as Reason).key in REASONS;

/** One parameter in `lang`. */
export function renderParam(lang: Lang, v: MessageParam | undefined): string | number {
  if (v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (isReason(v)) return renderReason(lang, v);
  return v[lang];
}

/** A reason in `lang`: its template with every `{name}` replaced by the parameter of that name. */
export function renderReason(lang: Lang, r: Reason): string {
  return fill(REASONS[r.key][lang], (name) => renderParam(lang, r.params?.[name]));
}

/** A reason in both languages, for an API field the web shows in the reader's (`LocalizedText`). */
export const bothTexts = (r: Reason): Text => ({ 'zh-CN': renderReason('zh-CN', r), en: renderReason('en', r) });

/** `{name}` placeholders of `template` filled by `value(name)`. */
export function fill(template: string, value: (name: string) => string | number): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(value(name)));
}

/** The `{name}` placeholders a template uses, for the catalogue test. */
export const placeholders = (template: string): string[] =>
  [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
