// The role lists alone (not every enum list): the sign-in page imports this file.
import { ADMIN_TRIAD, CUSTOMER_ROLES, PROVIDER_STAFF } from '@weibao/schema/roles';
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

/** Roles with a menu badge: 待分派 (dispatch), 待签字 (the customer's lead), 待巡检 (engineers). */
export const BADGE_ROLES: readonly Role[] = ['dispatcher', 'service_manager', 'engineer', 'customer_lead'];
/** Who starts on 我的工作 (/work): the lists they act on, not company-wide charts. */
export const WORK_PAGE_ROLES: readonly Role[] = ['dispatcher', 'engineer', 'customer_lead'];

/**
 * Landing page per role: each starts where its work is. A dispatcher, an engineer and a customer's lead
 * on 我的工作 (to dispatch and at risk; today's tickets, visits and inspections; records to sign), the
 * service manager on the dashboard, a reporting customer on their tickets, the admin triad in their own area.
 */
export function homePath(me: Pick<Me, 'roles'>): string {
  if (hasRole(me, WORK_PAGE_ROLES)) return '/work';
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
