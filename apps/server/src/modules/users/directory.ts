import type { Role } from '@weibao/schema';
import type { Tx } from '../../db/dialect.js';
import type { UserRepository } from './repository.js';

/** The reads other modules make of users; services of other modules depend on this, not on the repository. */
export interface UserDirectory {
  byId(db: Tx, id: string): ReturnType<UserRepository['byId']>;
  list(db: Tx, q: { orgId?: string; ids?: string[] }): ReturnType<UserRepository['list']>;
  usersWithRole(db: Tx, role: Role): Promise<string[]>;
}

/**
 * The users module's implementation: the reads other modules make of users (a named assignee, a project's team, who holds a role), without access
 * checks: the caller has made its own. Other modules take this, never the users repository itself.
 */
export class UserReads implements UserDirectory {
  constructor(private readonly repo: Pick<UserRepository, 'byId' | 'list' | 'usersWithRole'>) {}

  byId(db: Tx, id: string) {
    return this.repo.byId(db, id);
  }

  list(db: Tx, q: { orgId?: string; ids?: string[] }) {
    return this.repo.list(db, q);
  }

  usersWithRole(db: Tx, role: Role) {
    return this.repo.usersWithRole(db, role);
  }
}
