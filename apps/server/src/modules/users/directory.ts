import type { Role } from '@weibao/schema';
import type { Tx } from '../../db/dialect.js';
import type { UsersTable } from '../../db/types.js';
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

/** The sign-in fields of a user row that the auth module writes: failed attempts, lockout, last login, password. */
export type SignInPatch = Partial<
  Pick<
    UsersTable,
    | 'failed_logins'
    | 'locked_until'
    | 'last_login_at'
    | 'last_login_ip'
    | 'password_hash'
    | 'password_changed_at'
    | 'must_change_password'
  >
>;

/** What the auth module needs of users: find an account and record sign-ins and password changes. */
export interface UserCredentials {
  byId(db: Tx, id: string): ReturnType<UserRepository['byId']>;
  byUsername(db: Tx, username: string): ReturnType<UserRepository['byUsername']>;
  updateSignIn(db: Tx, id: string, patch: SignInPatch): Promise<void>;
}

/** The users module's implementation of {@link UserCredentials}. */
export class UserAccounts implements UserCredentials {
  constructor(private readonly repo: Pick<UserRepository, 'byId' | 'byUsername' | 'update'>) {}

  byId(db: Tx, id: string) {
    return this.repo.byId(db, id);
  }

  byUsername(db: Tx, username: string) {
    return this.repo.byUsername(db, username);
  }

  updateSignIn(db: Tx, id: string, patch: SignInPatch) {
    return this.repo.update(db, id, patch);
  }
}
export type { UserRow } from './repository.js';
