import { z } from 'zod';

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
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
export const ADMIN_TRIAD: readonly Role[] = ['sys_admin', 'security_admin', 'auditor'];
export const PROVIDER_STAFF: readonly Role[] = ['service_manager', 'dispatcher', 'engineer'];
export const CUSTOMER_ROLES: readonly Role[] = ['customer_user', 'customer_lead'];

export const OrgKind = z.enum(['provider', 'customer']);
export type OrgKind = z.infer<typeof OrgKind>;

/** R10 fault levels 1 (system down) .. 4 (general fault). */
export const FaultLevel = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type FaultLevel = z.infer<typeof FaultLevel>;

/** R11 channels (响应方式). */
export const CHANNELS = ['phone', 'fax', 'web', 'email', 'remote', 'onsite', 'monitoring', 'api'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

export const TICKET_STATUSES = [
  'new', // 待分派
  'assigned', // 已派单 (assignee set, not yet accepted/working)
  'in_progress', // 处理中
  'suspended', // 挂起
  'resolved', // 已解决 (awaiting customer confirmation)
  'closed', // 已关闭
  'cancelled', // 已取消
] as const;
export const TicketStatus = z.enum(TICKET_STATUSES);
export type TicketStatus = z.infer<typeof TicketStatus>;
export const OPEN_STATUSES: readonly TicketStatus[] = ['new', 'assigned', 'in_progress', 'suspended'];

export const CLOCK_KINDS = ['response', 'arrival', 'resolution'] as const;
export const ClockKind = z.enum(CLOCK_KINDS);
export type ClockKind = z.infer<typeof ClockKind>;
export const ClockStatus = z.enum(['running', 'paused', 'met', 'breached', 'not_needed']);
export type ClockStatus = z.infer<typeof ClockStatus>;

export const FaultCause = z.enum(['human', 'non_human', 'unknown']);
export type FaultCause = z.infer<typeof FaultCause>;

/** Reasons a contract may allow for suspending (挂起) a ticket; only allowed ones pause the clocks. */
export const SUSPEND_REASONS = ['waiting_customer', 'waiting_third_party', 'waiting_parts', 'other'] as const;
export const SuspendReason = z.enum(SUSPEND_REASONS);
export type SuspendReason = z.infer<typeof SuspendReason>;

export const TICKET_ACTIONS = [
  'dispatch',
  'claim',
  'transfer',
  'respond',
  'arrive',
  'arrival_not_needed',
  'suspend',
  'resume',
  'urge',
  'resolve',
  'confirm',
  'reopen',
  'cancel',
  'change_level',
] as const;
export const TicketAction = z.enum(TICKET_ACTIONS);
export type TicketAction = z.infer<typeof TicketAction>;
