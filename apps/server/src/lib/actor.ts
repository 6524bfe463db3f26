import type { OrgKind, Role } from '@weibao/schema';

/** Who is calling: resolved once per request by http/auth.ts from the session cookie or a Bearer token. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  orgId: string;
  orgKind: OrgKind;
  roles: Role[];
  level: number;
  via: 'session' | 'token';
  sessionId: string | null;
  csrfToken: string | null;
  mustChangePassword: boolean;
}

/** What every service command receives besides its input: the actor and where the request came from. */
export interface RequestMeta {
  actor: Actor;
  ip: string | null;
}

export const isCustomer = (a: Actor) => a.orgKind === 'customer';
export const hasRole = (a: Actor, ...roles: Role[]) => roles.some((r) => a.roles.includes(r));
