import type { TFunction } from 'i18next';
import { ROLES } from '../../api/enums';
import type { OrgKind, Role } from '../../api/types';
import { ADMIN_TRIAD, CUSTOMER_ROLES } from '../../app/roles';

/**
 * Roles that make sense for a user of an organisation of this kind (the server has the final say).
 * `withTriad: false` for account creation: only the security admin grants the three admin roles.
 */
export function roleOptions(t: TFunction, orgKind: OrgKind | undefined, withTriad = true) {
  const list = ROLES.filter((r) =>
    orgKind === 'customer' ? CUSTOMER_ROLES.includes(r) : orgKind === 'provider' ? !CUSTOMER_ROLES.includes(r) : true,
  ).filter((r) => withTriad || !ADMIN_TRIAD.includes(r));
  return list.map((r) => ({ value: r, label: t(`role.${r}`) }));
}

const isTriad = (r: Role) => ADMIN_TRIAD.includes(r);

/**
 * 三员分立 (等保 8.1.5), as the server's ROLE_CONFLICT: sys_admin, security_admin and auditor never share
 * an account, with each other or with any business role. Catches a combination the account already had.
 */
export function triadRule(t: TFunction) {
  return {
    validator: (_: unknown, roles?: Role[]) =>
      (roles ?? []).some(isTriad) && new Set(roles).size > 1
        ? Promise.reject(new Error(t('user.triadConflict')))
        : Promise.resolve(),
  };
}

/**
 * Form.Item `normalize` of a role picker, so the conflict cannot be picked: choosing a 三员 role
 * leaves it alone, choosing any other role drops the 三员 role.
 */
export function soleTriadRole(next: Role[] | undefined, prev: Role[] | undefined): Role[] {
  const roles = next ?? [];
  const added = roles.filter((r) => !(prev ?? []).includes(r));
  const triad = added.find(isTriad);
  if (triad) return [triad];
  return added.length ? roles.filter((r) => !isTriad(r)) : roles;
}
