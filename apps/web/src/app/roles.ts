import { ADMIN_TRIAD, CUSTOMER_ROLES, PROVIDER_STAFF } from '../api/enums';
import type { Me, Role } from '../api/types';

export { ADMIN_TRIAD, CUSTOMER_ROLES, PROVIDER_STAFF };
export const ADMIN_ORG_ROLES: readonly Role[] = ['sys_admin', 'service_manager'];
export const USER_ADMIN_ROLES: readonly Role[] = ['sys_admin', 'security_admin'];
/** Who writes O&M records (运维记录); dispatchers check in but do not author records. */
export const RECORD_AUTHORS: readonly Role[] = ['engineer', 'service_manager'];
/** Who reads the cost statement (费用结算单): the provider's manager, and a customer's lead for their own organisation. */
export const COST_READERS: readonly Role[] = ['service_manager', 'customer_lead'];
/** Analytics, commitments and monthly reports (运营分析, 服务承诺, 月度报告): provider staff and a customer's lead. */
export const REPORT_READERS: readonly Role[] = ['service_manager', 'dispatcher', 'engineer', 'customer_lead'];

export function hasRole(me: Pick<Me, 'roles'>, roles: readonly Role[]): boolean {
  return me.roles.some((r) => roles.includes(r));
}
export const isProviderStaff = (me: Pick<Me, 'roles'>) => hasRole(me, PROVIDER_STAFF);
export const isCustomer = (me: Pick<Me, 'roles'>) => hasRole(me, CUSTOMER_ROLES);

/** Landing page per role: provider staff work from the dashboard, the admin triad from their own area. */
export function homePath(me: Pick<Me, 'roles'>): string {
  if (isProviderStaff(me)) return '/dashboard';
  if (isCustomer(me)) return '/portal/tickets';
  if (me.roles.includes('auditor')) return '/audit';
  if (me.roles.includes('sys_admin')) return '/admin/customers';
  if (me.roles.includes('security_admin')) return '/admin/users';
  return '/forbidden';
}

/** Customers see tickets inside the portal section; everyone else in the ticket queue. */
export function ticketPath(me: Pick<Me, 'roles'>, id: string): string {
  return `${isCustomer(me) && !isProviderStaff(me) ? '/portal/tickets' : '/tickets'}/${encodeURIComponent(id)}`;
}
