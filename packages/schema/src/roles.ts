/**
 * The built-in roles and their groups (`@weibao/schema/roles`), zod-free and apart from the other enum
 * lists (enum-values.ts re-exports them): the sign-in page picks the start page by role, and this keeps the
 * other lists off the first load.
 */

/** Built-in roles. The three 三员 admin roles are mutually exclusive on one account (等保 8.1.5). */
export const ROLES = [
  'sys_admin', // 系统管理员: organisations, users, configuration; no permission grants, no audit log
  'security_admin', // 安全管理员: roles, security policy, unlocks
  'auditor', // 审计管理员: reads the audit log, changes nothing
  'service_manager', // 服务经理
  'dispatcher', // 调度/服务台
  'engineer', // 工程师
  'customer_user', // 客户用户
  'customer_lead', // 采购人项目负责人
] as const;
type RoleName = (typeof ROLES)[number];
export const ADMIN_TRIAD: readonly RoleName[] = ['sys_admin', 'security_admin', 'auditor'];
export const PROVIDER_STAFF: readonly RoleName[] = ['service_manager', 'dispatcher', 'engineer'];
export const CUSTOMER_ROLES: readonly RoleName[] = ['customer_user', 'customer_lead'];
