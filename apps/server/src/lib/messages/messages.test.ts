import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REASON_AREAS, REASONS, type ReasonKey } from './reasons/index.js';
import { placeholders, reason, renderReason } from './text.js';
import { message } from '../../http/messages.js';
import { AppError, invalid } from '../errors.js';

const entries = Object.entries(REASONS) as [ReasonKey, { 'zh-CN': string; en: string }][];

describe('reason catalogue', () => {
  it('has every entry in both languages, with the same placeholders, one language per text', () => {
    const problems: string[] = [];
    for (const [key, text] of entries) {
      if (!text['zh-CN'].trim()) problems.push(`${key}: zh-CN missing`);
      if (!text.en.trim()) problems.push(`${key}: en missing`);
      if (placeholders(text['zh-CN']).join() !== placeholders(text.en).join())
        problems.push(`${key}: placeholders differ (${placeholders(text['zh-CN'])} vs ${placeholders(text.en)})`);
      if (/\p{Script=Han}/u.test(text.en)) problems.push(`${key}: Chinese in the English text`);
    }
    expect(problems).toEqual([]);
  });

  it('names each key after its area and never repeats a key across areas', () => {
    const seen = new Map<string, string>();
    for (const [area, table] of Object.entries(REASON_AREAS)) {
      for (const key of Object.keys(table)) {
        expect(key.startsWith(`${area.toLowerCase()}.`), `${key} in ${area}`).toBe(true);
        expect(seen.get(key), `${key} repeated`).toBeUndefined();
        seen.set(key, area);
      }
    }
    expect(seen.size).toBe(entries.length);
    expect(entries.filter(([k]) => k.endsWith('.example')).map(([k]) => k)).toEqual([]);
  });

  it('renders a reason with its parameters, a phrase in both languages and a nested reason per language', () => {
    const r = reason('common.badCursor');
    expect(renderReason('zh-CN', r)).toBe('翻页游标无效');
    expect(renderReason('en', r)).toBe('bad cursor');
    const e = invalid('cursor', 'common.badCursor');
    expect(message('en', e.code, { ...e.params, field: 'cursor' })).toBe('Field cursor is invalid: bad cursor');
    expect(message('zh-CN', e.code, { ...e.params, field: 'cursor' })).toBe('字段 cursor 无效：翻页游标无效');
    const action = new AppError('ACTION_NOT_ALLOWED', { action: { 'zh-CN': '派单', en: 'Dispatch' } });
    expect(message('en', action.code, action.params)).toBe('"Dispatch" is not allowed in the current state');
    expect(message('zh-CN', action.code, action.params)).toBe('当前状态下不能执行“派单”');
  });
});

describe('no bilingual literals left in code', () => {
  // A "中文 / English" literal split at run time was how messages were written before the catalogue.
  const roots = ['apps/server/src', 'packages/schema/src'].map((r) =>
    path.resolve(import.meta.dirname, '../../../../..', r),
  );
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
      const p = path.join(dir, d.name);
      if (d.isDirectory()) return files(p);
      return /\.ts$/.test(d.name) && !/\.test\.ts$/.test(d.name) ? [p] : [];
    });

  it('finds none in the server or the schemas', () => {
    const bilingual =
      /(['"`])(?:(?!\1)[^\n])*\p{Script=Han}(?:(?!\1)[^\n])* \/ (?:(?!\1)[^\n])*[A-Za-z](?:(?!\1)[^\n])*\1/u;
    const found = roots.flatMap(files).flatMap((f) =>
      fs
        .readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => [line, i] as const)
        .filter(([line]) => bilingual.test(line) && !line.trim().startsWith('//') && !line.trim().startsWith('*'))
        .map(([line, i]) => `${path.relative(roots[0]!, f)}:${i + 1}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });
});
