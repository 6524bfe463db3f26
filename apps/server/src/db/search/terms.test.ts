import { describe, expect, it } from 'vitest';
import { indexTerms, queryParts } from './terms.js';

describe('search terms (Chinese bigrams, English words)', () => {
  it('indexes CJK runs as overlapping bigrams and other text as lower-case words', () => {
    expect(indexTerms('打印机无法连接 Printer-01 offline')).toBe('打印 印机 机无 无法 法连 连接 printer 01 offline');
    expect(indexTerms('网', 'ＶＰＮ 故障')).toBe('网 vpn 故障');
  });
  it('splits a query the same way; the last English word is a prefix', () => {
    expect(queryParts('打印机 offl')).toEqual([
      { tokens: ['打印', '印机'], prefix: false },
      { tokens: ['offl'], prefix: true },
    ]);
    expect(queryParts('备份')).toEqual([{ tokens: ['备份'], prefix: false }]);
    expect(queryParts('  ,, ')).toEqual([]);
  });
});
