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
  /** A session with its user, the user's organisation and roles in one round trip: one row per role. */
  async sessionWithUser(db: Tx, id: string) {
    return db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .innerJoin('orgs', 'orgs.id', 'users.org_id')
      .leftJoin('user_roles', 'user_roles.user_id', 'users.id')
      .selectAll('users')
      .select([
        'orgs.name as org_name',
        'orgs.kind as org_kind',
        'sessions.csrf_token as session_csrf_token',
        'sessions.last_seen_at as session_last_seen_at',
        'user_roles.role',
      ])
      .where('sessions.id', '=', id)
      .execute();
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
    return db
      .selectFrom('api_tokens')
      .selectAll()
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .orderBy('created_at', 'desc')
      .execute();
  }
  async revokeToken(db: Tx, id: string, userId: string, at: number) {
    const r = await db
      .updateTable('api_tokens')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }
  async touchToken(db: Tx, id: string, at: number) {
    await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  }
}
