import type { Tx } from '../../db/dialect.js';
import type { ApiTokensTable, SessionsTable } from '../../db/types.js';

/** Sessions and API tokens. Both are stored only as SHA-256 of the secret the client holds. */
export class AuthRepository {
  async insertSession(db: Tx, row: SessionsTable) {
    await db.insertInto('sessions').values(row).execute();
  }
  async session(db: Tx, id: string) {
    return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async touchSession(db: Tx, id: string, at: number) {
    await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
  }
  async deleteSession(db: Tx, id: string) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
  }
  async deleteUserSessions(db: Tx, userId: string) {
    await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }
  async insertToken(db: Tx, row: ApiTokensTable) {
    await db.insertInto('api_tokens').values(row).execute();
  }
  async tokenByHash(db: Tx, hash: string) {
    return db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
  }
  async tokensOf(db: Tx, userId: string) {
    return db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).where('revoked_at', 'is', null).orderBy('created_at', 'desc').execute();
  }
  async revokeToken(db: Tx, id: string, userId: string, at: number) {
    const r = await db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }
  async touchToken(db: Tx, id: string, at: number) {
    await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  }
}
