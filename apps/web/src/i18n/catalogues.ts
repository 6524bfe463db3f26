import { labelCatalogue } from '@weibao/schema/labels';
import zhCN from './zh-CN.json';
import en from './en.json';

export type Tree = { [k: string]: string | Tree };

/** `base` with `extra` merged in, nested objects key by key. */
export function mergeTree(base: Tree, extra: Tree): Tree {
  const out: Tree = { ...base };
  for (const [k, v] of Object.entries(extra)) {
    const b = out[k];
    out[k] = typeof v === 'object' && typeof b === 'object' ? mergeTree(b, v) : v;
  }
  return out;
}

/**
 * The UI texts per language. Enum names (channel, status, level, reasons, clocks, commitment verdicts) come
 * from the one label table the server's documents and e-mails use too; the JSON files hold everything else.
 */
/**
 * Feature texts may live beside the two main files as `parts/<area>.<lang>.json` (e.g. `queue.zh-CN.json`),
 * so features added side by side do not edit the same lines; each part is merged over the main file.
 */
const PARTS = import.meta.glob<Tree>('./parts/*.json', { eager: true, import: 'default' });
function withParts(lang: 'zh-CN' | 'en', base: Tree): Tree {
  let out = base;
  for (const [file, tree] of Object.entries(PARTS).sort(([a], [b]) => a.localeCompare(b))) {
    if (file.endsWith(`.${lang}.json`)) out = mergeTree(out, tree);
  }
  return out;
}

export const CATALOGUES = {
  'zh-CN': mergeTree(withParts('zh-CN', zhCN as Tree), labelCatalogue('zh-CN')),
  en: mergeTree(withParts('en', en as Tree), labelCatalogue('en')),
};
