import type { TFunction } from 'i18next';
import { ROLES } from '../../api/enums';
import type { OrgKind, Role } from '../../api/types';
import { ADMIN_TRIAD, CUSTOMER_ROLES } from '../../app/roles';

/**
 * Roles that make sense for a user of an organisation of this kind (the server has the final say).
 * `withTriad: false` for account creation: only the security admin grants the three admin roles.
 */
export function roleOptions(t: TFunction, orgKind: OrgKind | undefined, withTriad = true) {
  const list = ROLES.filter((r) => (orgKind === 'customer' ? CUSTOMER_ROLES.includes(r) : orgKind === 'provider' ? !CUSTOMER_ROLES.includes(r) : true))
    .filter((r) => withTriad || !ADMIN_TRIAD.includes(r));
  return list.map((r) => ({ value: r, label: t(`role.${r}`) }));
}

/** 三员分立 (等保 8.1.5): sys_admin, security_admin and auditor never share one account. */
export function triadRule(t: TFunction) {
  return {
    validator: (_: unknown, roles?: Role[]) =>
      (roles ?? []).filter((r) => ADMIN_TRIAD.includes(r)).length > 1 ? Promise.reject(new Error(t('user.triadConflict'))) : Promise.resolve(),
  };
}
