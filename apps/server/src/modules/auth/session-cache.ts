import type { UserRow } from '../users/directory.js';

/** What a signed-in request needs of its session: the user (organisation and roles included) and the session row. */
export interface ResolvedSession {
  user: UserRow;
  session: { id: string; user_id: string; csrf_token: string; last_seen_at: number };
}

/**
 * Sessions resolved in the last second, so that a desk refreshing its queue or a page making several
 * requests does not pay a database round trip before each one (on PostgreSQL that round trip was a
 * third of a queue page's time).
 *
 * Why this is safe for revocation: every write to a user or their roles on this node
 * (`UserRepository`) and every ended session (`AuthService`) forgets the entries it affects at once,
 * and a read that was in flight while something was forgotten is not stored, so it cannot put back
 * what was just revoked. Left open, and bounded by `SessionCache.TTL_MS`: another application node
 * learns of a revocation when its entry expires, and so does a read on this node that starts in the
 * milliseconds between the change and its commit. The idle timeout is still checked on every request, against the
 * cached `last_seen_at`, which the touch keeps current.
 */
export class SessionCache {
  static readonly TTL_MS = 1_000;
  private readonly entries = new Map<string, ResolvedSession & { storedAt: number }>();
  private generation = 0;

  constructor(
    /** Monotonic, not the business clock: tests that move the business clock must not keep entries alive. */
    private readonly clock: () => number = () => performance.now(),
    private readonly maxEntries = 10_000,
  ) {}

  get(id: string): ResolvedSession | null {
    const entry = this.entries.get(id);
    if (!entry) return null;
    if (this.clock() - entry.storedAt > SessionCache.TTL_MS) {
      this.entries.delete(id);
      return null;
    }
    return entry;
  }

  /** Taken before reading a session from the database and handed to `put`. */
  stamp(): number {
    return this.generation;
  }

  /**
   * Stores a session read from the database, unless something was forgotten since that read began.
   * The entry keeps `value.session` itself, so a touch of its `last_seen_at` shows in the cache.
   */
  put(id: string, value: ResolvedSession, stamp: number): void {
    if (stamp !== this.generation) return;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(id, { user: value.user, session: value.session, storedAt: this.clock() });
  }

  forgetSession(id: string): void {
    this.generation++;
    this.entries.delete(id);
  }

  forgetUser(userId: string): void {
    this.generation++;
    for (const [id, entry] of this.entries) if (entry.user.id === userId) this.entries.delete(id);
  }
}
