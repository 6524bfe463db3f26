/**
 * Search terms for Chinese and English alike, the same on SQLite and PostgreSQL.
 *
 * Why not FTS5 `trigram` / pg_trgm: a trigram index cannot answer a two-character query, and most
 * Chinese words are two characters (打印, 网络, 备份); pg_trgm also drops CJK characters under a
 * C locale. Instead, runs of CJK characters become overlapping bigrams (打印机 → 打印 印机) and
 * other text becomes lower-cased words; both engines then index plain space-separated tokens
 * (FTS5 unicode61, PostgreSQL's 'simple' text search configuration). A query is split the same
 * way and its bigrams must be adjacent, so 打印机 does not match 打印 … 机器.
 */
const CJK = /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{2fa1f}]/u;
const WORD = /[\p{L}\p{N}]/u;

export interface QueryPart {
  tokens: string[];
  prefix: boolean;
}

function runs(text: string): { cjk: boolean; chars: string[] }[] {
  const out: { cjk: boolean; chars: string[] }[] = [];
  let cur: { cjk: boolean; chars: string[] } | null = null;
  for (const ch of text.normalize('NFKC').toLowerCase()) {
    const cjk = CJK.test(ch);
    if (!cjk && !WORD.test(ch)) {
      cur = null;
      continue;
    }
    if (!cur || cur.cjk !== cjk) {
      cur = { cjk, chars: [] };
      out.push(cur);
    }
    cur.chars.push(ch);
  }
  return out;
}
const bigrams = (chars: string[]) =>
  chars.length === 1 ? [chars[0]!] : chars.slice(0, -1).map((c, i) => c + chars[i + 1]);

/** The indexed form of a text: space-separated tokens. */
export function indexTerms(...texts: string[]): string {
  const tokens: string[] = [];
  for (const text of texts) for (const r of runs(text)) tokens.push(...(r.cjk ? bigrams(r.chars) : [r.chars.join('')]));
  return tokens.join(' ');
}

/**
 * A query as phrases that must all match: each CJK run is one phrase of adjacent bigrams, each
 * word one token (the last word of the query also matches as a prefix, for search-as-you-type).
 * A lone CJK character matches no bigram; callers fall back to a title scan for those.
 */
export function queryParts(q: string): QueryPart[] {
  const rs = runs(q).slice(0, 12);
  return rs.map((r, i) =>
    r.cjk ? { tokens: bigrams(r.chars), prefix: false } : { tokens: [r.chars.join('')], prefix: i === rs.length - 1 },
  );
}
