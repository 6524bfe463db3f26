/** Row types: The knowledge base: categories, articles and versions, attachments, ticket links, the text index. Conventions in ../types.ts. */
export interface KbCategoriesTable {
  id: string;
  name: string;
  position: number;
  created_at: number;
}
export interface KbArticlesTable {
  id: string;
  seq: number;
  number: string;
  title: string;
  body: string;
  category_id: string | null;
  tags_json: string;
  visibility: string;
  project_id: string | null;
  status: string;
  version: number;
  source_ticket_id: string | null;
  created_at: number;
  created_by: string | null;
  updated_at: number;
  updated_by: string | null;
}
export interface KbArticleVersionsTable {
  article_id: string;
  version: number;
  title: string;
  body: string;
  meta_json: string;
  note: string;
  edited_at: number;
  edited_by: string | null;
}
export interface KbAttachmentsTable {
  id: string;
  article_id: string;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  path: string;
  uploaded_at: number;
  uploaded_by: string | null;
}
export interface KbTicketLinksTable {
  article_id: string;
  ticket_id: string;
  kind: string;
  created_at: number;
  created_by: string | null;
}
/** The full-text index (db/search/kb.ts): FTS5 on SQLite, tsvector on PostgreSQL; only search code touches it. */
export interface KbFtsTable {
  rowid: number;
  terms: string;
}
