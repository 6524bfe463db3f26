// UI texts for assertions come from the web's own translation files, never typed into the tests:
// a renamed key fails loudly here instead of a selector silently matching nothing.
import fs from 'node:fs';
import path from 'node:path';
import { labelCatalogue } from '../../../../packages/schema/src/labels';
import { FAULT_LEVEL_TEXT } from '../../../../packages/schema/src/levels';

export type Lang = 'zh-CN' | 'en';
type Tree = { [k: string]: string | Tree };

const dir = path.resolve(import.meta.dirname, '../../src/i18n');
const merge = (base: Tree, extra: Tree): Tree => {
  const out: Tree = { ...base };
  for (const [k, v] of Object.entries(extra))
    out[k] = typeof v === 'object' && typeof out[k] === 'object' ? merge(out[k] as Tree, v) : v;
  return out;
};
// As the app does: the JSON catalogues, the feature parts (`parts/<area>.<lang>.json`) merged over them,
// plus the enum labels of the shared label table.
function catalogue(lang: Lang): Tree {
  let tree = JSON.parse(fs.readFileSync(path.join(dir, `${lang}.json`), 'utf8')) as Tree;
  const partsDir = path.join(dir, 'parts');
  const parts = fs.existsSync(partsDir)
    ? fs
        .readdirSync(partsDir)
        .filter((f) => f.endsWith(`.${lang}.json`))
        .sort()
    : [];
  for (const f of parts) tree = merge(tree, JSON.parse(fs.readFileSync(path.join(partsDir, f), 'utf8')) as Tree);
  return merge(tree, labelCatalogue(lang));
}
const files: Record<Lang, Tree> = { 'zh-CN': catalogue('zh-CN'), en: catalogue('en') };

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
