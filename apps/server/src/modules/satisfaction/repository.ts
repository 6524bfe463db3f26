import { olderThan, type Tx } from '../../db/dialect.js';
import type { Dialect } from '../../db/database.js';
import { forUpdateSkipLocked } from '../../db/dialect.js';
import type { RatingRequestsTable, SatisfactionSurveysTable, SurveySchedulesTable } from '../../db/types.js';

/** SQL for rating requests and surveys; the satisfaction figures are aggregated here, in SQL. */
export class SatisfactionRepository {
  private requests(db: Tx) {
    return db
      .selectFrom('rating_requests')
      .innerJoin('projects', 'projects.id', 'rating_requests.project_id')
      .leftJoin('tickets', 'tickets.id', 'rating_requests.ticket_id')
      .leftJoin('satisfaction_surveys', 'satisfaction_surveys.id', 'rating_requests.survey_id')
      .leftJoin('users', 'users.id', 'rating_requests.user_id')
      .selectAll('rating_requests')
      .select([
        'projects.name as project_name',
        'projects.service_manager_id',
        'tickets.number as ticket_number',
        'tickets.title as ticket_title',
        'satisfaction_surveys.title as survey_title',
        'users.display_name as user_name',
      ]);
  }
  async byId(db: Tx, id: string) {
    return this.requests(db).where('rating_requests.id', '=', id).executeTakeFirst();
  }
  async byTokenHash(db: Tx, hash: string) {
    return this.requests(db).where('rating_requests.token_hash', '=', hash).executeTakeFirst();
  }
  async pendingForTicket(db: Tx, ticketId: string) {
    return this.requests(db)
      .where('rating_requests.ticket_id', '=', ticketId)
      .where('rating_requests.state', '=', 'pending')
      .orderBy('rating_requests.created_at', 'desc')
      .executeTakeFirst();
  }
  async latestForTicket(db: Tx, ticketId: string) {
    return this.requests(db)
      .where('rating_requests.ticket_id', '=', ticketId)
      .orderBy('rating_requests.created_at', 'desc')
      .orderBy('rating_requests.id', 'desc')
      .executeTakeFirst();
  }
  /** Whose ticket it is (for the ticket page's rating probe); undefined when there is no such ticket. */
  async ticketCustomer(db: Tx, ticketId: string) {
    return (await db.selectFrom('tickets').select('customer_id').where('id', '=', ticketId).executeTakeFirst())
      ?.customer_id;
  }
  async supersede(db: Tx, ticketId: string) {
    await db
      .updateTable('rating_requests')
      .set({ state: 'superseded' })
      .where('ticket_id', '=', ticketId)
      .where('state', '=', 'pending')
      .execute();
  }
  async insert(db: Tx, row: RatingRequestsTable) {
    await db.insertInto('rating_requests').values(row).execute();
  }
  /** The rating lands only if the request is still pending: two clicks on one link rate once. */
  async rate(
    db: Tx,
    id: string,
    patch: Pick<RatingRequestsTable, 'score' | 'comment' | 'channel' | 'rated_at' | 'rated_by'>,
  ) {
    const r = await db
      .updateTable('rating_requests')
      .set({ ...patch, state: 'rated' })
      .where('id', '=', id)
      .where('state', '=', 'pending')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Newest first, keyset on (created_at, id). */
  async page(
    db: Tx,
    f: { userId?: string; customerId?: string; projectId?: string; state?: string; now: number },
    after: { at: number; id: string } | null,
    limit: number,
  ) {
    let q = this.requests(db);
    if (f.userId) q = q.where('rating_requests.user_id', '=', f.userId);
    if (f.customerId) q = q.where('rating_requests.customer_id', '=', f.customerId);
    if (f.projectId) q = q.where('rating_requests.project_id', '=', f.projectId);
    if (f.state === 'expired')
      q = q
        .where('rating_requests.state', 'in', ['pending', 'expired'])
        .where('rating_requests.expires_at', '<=', f.now);
    else if (f.state === 'pending')
      q = q.where('rating_requests.state', '=', 'pending').where('rating_requests.expires_at', '>', f.now);
    else if (f.state) q = q.where('rating_requests.state', '=', f.state);
    if (after) q = q.where(olderThan('rating_requests.created_at', 'rating_requests.id', after));
    return q
      .orderBy('rating_requests.created_at', 'desc')
      .orderBy('rating_requests.id', 'desc')
      .limit(limit + 1)
      .execute();
  }

  /** Ratings given in [from, to) per score and channel, and requests made in the window. */
  async figures(db: Tx, projectId: string, from: number, to: number) {
    const rated = await db
      .selectFrom('rating_requests')
      .select(['score', 'channel', (eb) => eb.fn.countAll<number>().as('n')])
      .where('project_id', '=', projectId)
      .where('state', '=', 'rated')
      .where('rated_at', '>=', from)
      .where('rated_at', '<', to)
      .groupBy(['score', 'channel'])
      .execute();
    const requested = await db
      .selectFrom('rating_requests')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('project_id', '=', projectId)
      .where('state', '!=', 'superseded')
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .executeTakeFirstOrThrow();
    return {
      rated: rated.map((r) => ({ score: Number(r.score), channel: r.channel!, n: Number(r.n) })),
      requested: Number(requested.n),
    };
  }
  async low(db: Tx, projectId: string, from: number, to: number, maxScore: number) {
    return this.requests(db)
      .where('rating_requests.project_id', '=', projectId)
      .where('rating_requests.state', '=', 'rated')
      .where('rating_requests.rated_at', '>=', from)
      .where('rating_requests.rated_at', '<', to)
      .where('rating_requests.score', '<=', maxScore)
      .orderBy('rating_requests.rated_at', 'desc')
      .limit(50)
      .execute();
  }

  async insertSurvey(db: Tx, row: SatisfactionSurveysTable) {
    await db.insertInto('satisfaction_surveys').values(row).execute();
  }
  async surveys(db: Tx, projectId: string) {
    return db
      .selectFrom('satisfaction_surveys')
      .selectAll('satisfaction_surveys')
      .select((eb) => [
        eb
          .selectFrom('rating_requests')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('rating_requests.survey_id', '=', 'satisfaction_surveys.id')
          .as('sent'),
        eb
          .selectFrom('rating_requests')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('rating_requests.survey_id', '=', 'satisfaction_surveys.id')
          .where('rating_requests.state', '=', 'rated')
          .as('answered'),
      ])
      .where('project_id', '=', projectId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(200)
      .execute();
  }
  async customerUsers(db: Tx, customerId: string) {
    return db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('org_id', '=', customerId)
      .where('disabled', '=', 0)
      .orderBy('username')
      .limit(1000)
      .execute();
  }
  async setTicketRating(db: Tx, ticketId: string, score: number) {
    await db.updateTable('tickets').set({ rating: score }).where('id', '=', ticketId).execute();
  }

  // ---------- recurring surveys ----------
  async schedule(db: Tx, id: string) {
    return db.selectFrom('survey_schedules').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async schedulesOf(db: Tx, projectId: string) {
    return db
      .selectFrom('survey_schedules')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('created_at')
      .execute();
  }
  async insertSchedule(db: Tx, row: SurveySchedulesTable) {
    await db.insertInto('survey_schedules').values(row).execute();
  }
  async updateSchedule(db: Tx, id: string, patch: Partial<SurveySchedulesTable>) {
    await db.updateTable('survey_schedules').set(patch).where('id', '=', id).execute();
  }
  /** The next schedule due by `today`, locked for the caller's transaction (skipped by other nodes on PostgreSQL). */
  async claimDueSchedule(db: Tx, dialect: Dialect, today: string) {
    return forUpdateSkipLocked(
      dialect,
      db
        .selectFrom('survey_schedules')
        .selectAll()
        .where('active', '=', 1)
        .where('next_on', '<=', today)
        .orderBy('next_on')
        .limit(1),
    ).executeTakeFirst();
  }
}
