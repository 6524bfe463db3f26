import { type SqlBool, sql } from 'kysely';
import type { Dialect } from '../database.js';
import type { Tx } from '../dialect.js';
import { indexTerms, queryParts } from './terms.js';

/**
 * Ranking reads every matching row's terms, so a word in half of 100,000 articles would cost
 * seconds. Ranking is therefore done among the newest RANK_WINDOW matches (index rows are
 * numbered in creation order): a query that common is not selective anyway, and recent
 * articles are the likelier answer. Rarer queries rank all their matches.
 */
const RANK_WINDOW = 500;

export interface KbMatchFilter {
  /** Only these statuses (published for readers; drafts too for authors). */
  statuses: string[];
  /** Customers: customer-facing articles for all customers or for one of these projects. */
  customerProjects?: string[];
  categoryId?: string;
}

/**
 * The knowledge base's full-text index behind one interface: FTS5 (bm25) on SQLite, a GIN-indexed
 * tsvector (ts_rank) on PostgreSQL, both over the same bigram/word terms, joined to kb_articles by
 * `seq` so visibility and status filter in the same query.
 */
export class KbSearch {
  constructor(private readonly dialect: Dialect) {}

  async index(db: Tx, seq: number, fields: { title: string; body: string; tags: string[] }) {
    // The title counts twice: a hit in the title ranks above the same hit deep in the body.
    const terms = indexTerms(fields.title, fields.title, fields.tags.join(' '), fields.body);
    if (this.dialect === 'postgres') {
      await sql`insert into kb_fts (rowid, terms) values (${seq}, to_tsvector('simple', ${terms})) on conflict (rowid) do update set terms = excluded.terms`.execute(
        db,
      );
    } else {
      await sql`delete from kb_fts where rowid = ${seq}`.execute(db);
      await sql`insert into kb_fts (rowid, terms) values (${seq}, ${terms})`.execute(db);
    }
  }

  /** Bulk load (bench, imports): many rows per statement. */
  async indexMany(db: Tx, rows: { seq: number; title: string; body: string; tags: string[] }[]) {
    for (let i = 0; i < rows.length; i += 200) {
      const chunk = rows
        .slice(i, i + 200)
        .map((r) => ({ seq: r.seq, terms: indexTerms(r.title, r.title, r.tags.join(' '), r.body) }));
      const values = sql.join(
        chunk.map((c) =>
          this.dialect === 'postgres'
            ? sql`(${c.seq}, to_tsvector('simple', ${c.terms}))`
            : sql`(${c.seq}, ${c.terms})`,
        ),
      );
      await sql`insert into kb_fts (rowid, terms) values ${values}`.execute(db);
    }
  }

  /**
   * Article ids best first; [] when the query has nothing searchable. `all`: every word and every
   * Chinese phrase must occur (the search box); `any`: any bigram or word may, ranked by how many
   * and how rare (suggestions while a ticket title is typed in the reporter's own words).
   */
  async match(db: Tx, q: string, f: KbMatchFilter, limit: number, mode: 'all' | 'any' = 'all'): Promise<string[]> {
    const parts = queryParts(q).filter(
      (p) =>
        p.tokens.length &&
        // eslint-disable-next-line no-control-regex -- any character outside ASCII, NUL included
        !(p.tokens.length === 1 && p.tokens[0]!.length === 1 && !p.prefix && /[^\x00-\x7f]/.test(p.tokens[0]!)),
    );
    if (!parts.length) return [];
    const where: ReturnType<typeof sql<SqlBool>>[] = [sql<SqlBool>`a.status in (${sql.join(f.statuses)})`];
    if (f.customerProjects) {
      where.push(
        f.customerProjects.length
          ? sql<SqlBool>`a.visibility = 'customer' and (a.project_id is null or a.project_id in (${sql.join(f.customerProjects)}))`
          : sql<SqlBool>`a.visibility = 'customer' and a.project_id is null`,
      );
    }
    if (f.categoryId) where.push(sql<SqlBool>`a.category_id = ${f.categoryId}`);
    const filter = sql.join(where, sql` and `);
    if (this.dialect === 'postgres') {
      const tok = (p: (typeof parts)[number], t: string, i: number) =>
        p.prefix && i === p.tokens.length - 1 ? `${t}:*` : t;
      const tsq =
        mode === 'any'
          ? [...new Set(parts.flatMap((p) => p.tokens.map((t, i) => tok(p, t, i))))].join(' | ')
          : parts.map((p) => p.tokens.map((t, i) => tok(p, t, i)).join(' <-> ')).join(' & ');
      // The window is found with the plain AND of the terms: GIN answers that exactly, without
      // reading positions; only the ranked query below checks the phrases' word order.
      const loose = [...new Set(parts.flatMap((p) => p.tokens.map((t, i) => tok(p, t, i))))].join(
        mode === 'any' ? ' | ' : ' & ',
      );
      const floor = await sql<{
        rowid: string;
      }>`select rowid from kb_fts where terms @@ to_tsquery('simple', ${loose}) order by rowid desc limit 1 offset ${RANK_WINDOW - 1}`.execute(
        db,
      );
      // Only a common query gets the window: a `rowid >= 0` would tempt the planner off the GIN index.
      const window = floor.rows.length ? sql<SqlBool>`f.rowid >= ${Number(floor.rows[0]!.rowid)}` : sql<SqlBool>`true`;
      const r = await sql<{
        id: string;
      }>`select a.id from kb_fts f join kb_articles a on a.seq = f.rowid, to_tsquery('simple', ${tsq}) q
        where f.terms @@ q and ${window} and ${filter} order by ts_rank(f.terms, q) desc, a.updated_at desc limit ${limit}`.execute(
        db,
      );
      return r.rows.map((x) => x.id);
    }
    const match =
      mode === 'any'
        ? [
            ...new Set(
              parts.flatMap((p) => p.tokens.map((t, i) => `"${t}"${p.prefix && i === p.tokens.length - 1 ? '*' : ''}`)),
            ),
          ].join(' OR ')
        : parts.map((p) => `"${p.tokens.join(' ')}"${p.prefix ? '*' : ''}`).join(' ');
    const floor = await sql<{
      rowid: number;
    }>`select rowid from kb_fts where kb_fts match ${match} order by rowid desc limit 1 offset ${RANK_WINDOW - 1}`.execute(
      db,
    );
    const window = floor.rows.length ? sql<SqlBool>`f.rowid >= ${Number(floor.rows[0]!.rowid)}` : sql<SqlBool>`true`;
    const r = await sql<{ id: string }>`select a.id from kb_fts f join kb_articles a on a.seq = f.rowid
      where kb_fts match ${match} and ${window} and ${filter} order by f.rank, a.updated_at desc limit ${limit}`.execute(
      db,
    );
    return r.rows.map((x) => x.id);
  }
}
