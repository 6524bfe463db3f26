// Every UI text renders in both languages through the installed i18next, with the app's own init options
// (the app's i18n module): an empty value renders as its key ("超时 2小时duration.sep46分"), a key missing in one
// language falls back to Chinese on the English screen, and an unfilled {{param}} shows as typed.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import i18n, { LANGS } from './index';
import { CATALOGUES, type Tree } from './catalogues';

/** Every leaf of a catalogue as dotted key → text. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g;
const paramsOf = (text: string) => [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
const byLang = { 'zh-CN': leaves(CATALOGUES['zh-CN']), en: leaves(CATALOGUES.en) };
const allKeys = [...new Set([...byLang['zh-CN'].keys(), ...byLang.en.keys()])].sort();

describe('i18n catalogues on the installed i18next', () => {
  it('has texts to check', () => {
    expect(allKeys.length).toBeGreaterThan(500);
    expect(i18n.isInitialized).toBe(true);
  });

  for (const lang of LANGS) {
    it(`renders every key in ${lang}: not empty, not the key, every {{param}} filled`, () => {
      const t = i18n.getFixedT(lang);
      const problems: string[] = [];
      for (const key of allKeys) {
        const raw = byLang[lang].get(key);
        if (raw === undefined) {
          problems.push(`${key}: missing in ${lang}`);
          continue;
        }
        // Each parameter gets a distinct marker, so a text that drops one of them is caught too.
        const params = Object.fromEntries(paramsOf(raw).map((p) => [p, `‹${p}›`]));
        const out = t(key, params);
        if (out.trim() === '') problems.push(`${key}: empty`);
        else if (out === key) problems.push(`${key}: renders as its key`);
        if (/\{\{|\}\}/.test(out)) problems.push(`${key}: unfilled placeholder in "${out}"`);
        for (const value of Object.values(params)) if (!out.includes(value)) problems.push(`${key}: lost ${value}`);
      }
      expect(problems).toEqual([]);
    });
  }

  it('uses the same {{params}} in both languages', () => {
    const differing = allKeys.filter((key) => {
      const zh = paramsOf(byLang['zh-CN'].get(key) ?? '')
        .sort()
        .join();
      const en = paramsOf(byLang.en.get(key) ?? '')
        .sort()
        .join();
      return zh !== en;
    });
    expect(differing).toEqual([]);
  });
});

// ---- static scan: every literal key the code asks for exists in both catalogues ----

const SRC = path.resolve(import.meta.dirname, '..');
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/**
 * `t('a.b')`, `i18n.t("a.b")`, `t(\`a.b\`)` with a literal key (no `${…}`), plus `i18nKey="a.b"` of <Trans>.
 * Dynamic keys (`t(\`status.${s}\`)`) cannot be checked statically and are left to the render test.
 */
const LITERAL_KEY = /(?<![\w$.])(?:i18n\.)?t\(\s*(['"`])([A-Za-z][\w-]*(?:\.[\w-]+)+)\1/g;
const TRANS_KEY = /i18nKey=(['"])([A-Za-z][\w-]*(?:\.[\w-]+)+)\1/g;

describe('i18n keys used in apps/web/src', () => {
  const used = new Map<string, string>();
  for (const file of sourceFiles(SRC)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const re of [LITERAL_KEY, TRANS_KEY]) {
      for (const m of text.matchAll(re)) used.set(m[2]!, path.relative(SRC, file));
    }
  }

  it('finds the keys the code uses', () => {
    expect(used.size).toBeGreaterThan(500);
  });

  it('exist in both catalogues as texts', () => {
    const missing = [...used].flatMap(([key, file]) =>
      LANGS.filter((lang) => !byLang[lang].has(key)).map((lang) => `${key} (${file}) missing in ${lang}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('texts in apps/web/src', () => {
  it('are not hard-coded in Chinese outside the catalogues (comments excepted)', () => {
    const han = /[\u4e00-\u9fff]/;
    const found = sourceFiles(SRC).flatMap((file) =>
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => {
          const code = line.replace(/\/\/.*$/, '').replace(/\/\*.*?\*\//g, '');
          return han.test(code) && !/^\s*\*/.test(line) ? [`${path.relative(SRC, file)}:${i + 1}`] : [];
        }),
    );
    expect(found).toEqual([]);
  });
});
