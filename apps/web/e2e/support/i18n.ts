// UI texts for assertions come from the web's own translation files, never typed into the tests:
// a renamed key fails loudly here instead of a selector silently matching nothing.
import fs from 'node:fs';
import path from 'node:path';
import { FAULT_LEVEL_TEXT } from '../../../../packages/schema/src/levels';

export type Lang = 'zh-CN' | 'en';
type Tree = { [k: string]: string | Tree };

const dir = path.resolve(import.meta.dirname, '../../src/i18n');
const files: Record<Lang, Tree> = {
  'zh-CN': JSON.parse(fs.readFileSync(path.join(dir, 'zh-CN.json'), 'utf8')) as Tree,
  en: JSON.parse(fs.readFileSync(path.join(dir, 'en.json'), 'utf8')) as Tree,
};

/** The text of `key` in `lang` with {{var}} placeholders filled, as i18next renders it. */
export function t(key: string, vars: Record<string, string | number> = {}, lang: Lang = 'zh-CN'): string {
  let node: string | Tree | undefined = files[lang];
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`i18n key ${key} missing in ${lang}.json`);
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    if (!(name in vars)) throw new Error(`i18n key ${key} needs {{${name}}}`);
    return String(vars[name]);
  });
}

export const en = (key: string, vars: Record<string, string | number> = {}) => t(key, vars, 'en');

/** The R10 level definition shown next to each level radio. */
export const levelText = (level: 1 | 2 | 3 | 4, lang: Lang = 'zh-CN') => FAULT_LEVEL_TEXT[lang][level];
