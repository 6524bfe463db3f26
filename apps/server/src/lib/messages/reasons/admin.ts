import { t } from './define.js';

/**
 * Reasons of the admin area (users, projects and contracts, staffing, sign-in, the audit log). Keys are
 * `admin.what`; add entries here, never in another area's file.
 */
export const ADMIN = {
  // users and roles
  'admin.customerRolesOnly': t('客户单位用户只能是客户角色', 'customer users can only hold customer roles'),
  'admin.noCustomerRolesForProvider': t('服务商用户不能持有客户角色', 'provider users cannot hold customer roles'),
  'admin.unknownOrg': t('单位不存在', 'unknown organisation'),
  'admin.watchersOutOfReach': t(
    '系统管理员不能停用或修改安全管理员、审计管理员的账号',
    'the system admin cannot disable or edit the security admin or the auditor',
  ),
  'admin.cannotDisableSelf': t('不能停用自己', 'cannot disable yourself'),
  'admin.lastAuditor': t('不能移除最后一名审计管理员', 'the last auditor cannot be removed'),
  'admin.lastSecurityAdmin': t('不能移除最后一名安全管理员', 'the last security admin cannot be removed'),
  'admin.ownRoles': t('安全管理员不能修改自己的角色', 'the security admin cannot change their own roles'),
  'admin.wrongCurrentPassword': t('原密码错误', 'wrong current password'),
  'admin.required': t('必填', 'required'),
  // projects and contracts
  'admin.notServiceManager': t('不是服务经理', 'not a service manager'),
  'admin.notProviderStaff': t('包含非服务商人员', 'not provider staff'),
  'admin.unknownCustomer': t('客户单位不存在', 'unknown customer'),
  'admin.onePerLevel': t('须为 1–4 级各一条', 'one entry per level 1–4'),
  /** Chinese readers see this; English ones the calendar validator's own message (projects/policy.ts calendarReason). */
  'admin.badCalendar': t('日历设置无效', 'invalid calendar'),
  'admin.noWorkingTime': t(
    '自 {day} 起连续 {days} 天没有工作时间，无法计算 SLA 时限',
    'no working time for {days} days from {day}: SLA due times cannot be planned',
  ),
  // the audit log
  'admin.badCursor': t('无效的分页游标', 'bad cursor'),
  // staffing (R28)
  'admin.onlyActiveEngineers': t('只能安排服务商在岗工程师', 'only active provider engineers can be assigned'),
  'admin.discipline.software': t('软件工程师', 'software engineer'),
  'admin.discipline.data_gis': t('数据/测绘地理信息工程师', 'data/GIS engineer'),
  'admin.discipline.hardware': t('硬件工程师', 'hardware engineer'),
  'admin.discipline.network_security': t('网络与安全工程师', 'network & security engineer'),
  'admin.noDiscipline': t('未设专业', 'no discipline'),
  /** Audit summaries (the log is kept in Chinese: rendered in zh-CN). */
  'admin.auditEngineerProfile': t(
    '工程师资质：{name}，{disciplines}，{certs} 项证书',
    'Engineer qualifications: {name}, {disciplines}, {certs} certificates',
  ),
  'admin.auditStaffingPlan': t(
    '人员配置：{project}，{people} 人，{gaps}',
    'Staffing plan: {project}, {people} people, {gaps}',
  ),
  'admin.auditStaffingGaps': t('缺口 {n} 项', '{n} gaps'),
  'admin.auditStaffingNoGaps': t('无缺口', 'no gaps'),
} as const;
