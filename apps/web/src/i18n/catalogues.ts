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
export const CATALOGUES = { 'zh-CN': mergeTree(zhCN as Tree, labelCatalogue('zh-CN')), en: mergeTree(en as Tree, labelCatalogue('en')) };
