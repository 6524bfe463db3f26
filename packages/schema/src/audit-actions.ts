/**
 * The words for every action the server writes to the audit log, in both languages, so the auditor's view and
 * its Excel/CSV export read "派单" instead of `ticket.dispatch`. Zod-free (the web imports it directly).
 * A test (audit/labels.test.ts) scans the server for audited action keys and fails on one without a label here.
 */
import type { LabelLang } from './labels.js';

type Text = { readonly 'zh-CN': string; readonly en: string };
const l = (zh: string, en: string): Text => ({ 'zh-CN': zh, en });

export const AUDIT_ACTION_LABELS: Readonly<Record<string, Text>> = {
  'auth.login': l('登录', 'Sign-in'), 'auth.logout': l('退出登录', 'Sign-out'), 'auth.lockout': l('账号锁定', 'Account locked'),
  'auth.session_timeout': l('会话超时', 'Session timed out'), 'auth.password_change': l('修改密码', 'Password changed'),
  'auth.token_create': l('创建 API 令牌', 'API token created'), 'auth.token_revoke': l('吊销 API 令牌', 'API token revoked'),
  'access.denied': l('拒绝访问', 'Access denied'),
  'audit.read': l('查询审计日志', 'Audit log read'), 'audit.export': l('导出审计日志', 'Audit log exported'),
  'audit.verify': l('校验审计日志', 'Audit chain verified'),
  'seed.demo': l('初始化演示数据', 'Demo data seeded'),
  'org.create': l('新建单位', 'Organisation created'),
  'project.create': l('新建项目', 'Project created'), 'project.update': l('修改项目', 'Project changed'),
  'contract.create': l('新建合同', 'Contract created'), 'contract.update': l('修改合同', 'Contract changed'),
  'user.create': l('新建用户', 'User created'), 'user.update': l('修改用户', 'User changed'),
  'user.roles': l('修改角色', 'Roles changed'), 'user.unlock': l('解锁用户', 'User unlocked'),
  'security.policy': l('修改安全策略', 'Security policy changed'), 'holiday_year.save': l('保存节假日', 'Holiday year saved'),
  'notification.read': l('阅读通知', 'Notification read'), 'notification.read_all': l('全部标为已读', 'Notifications marked read'),
  'ticket.create': l('新建工单', 'Ticket created'), 'ticket.attach': l('上传工单附件', 'Ticket attachment'),
  'ticket.note': l('工单内部备注', 'Internal note'), 'ticket.comment': l('工单留言', 'Ticket comment'), 'ticket.auto_close': l('工单自动关闭', 'Ticket closed automatically'),
  'ticket.dispatch': l('派单', 'Dispatched'), 'ticket.claim': l('认领', 'Claimed'), 'ticket.transfer': l('转派', 'Transferred'),
  'ticket.respond': l('响应', 'Responded'), 'ticket.arrive': l('到场', 'Arrived'),
  'ticket.arrival_not_needed': l('无需到场', 'Arrival not needed'), 'ticket.suspend': l('挂起', 'Suspended'),
  'ticket.resume': l('恢复', 'Resumed'), 'ticket.urge': l('催办', 'Urged'), 'ticket.resolve': l('解决', 'Resolved'),
  'ticket.confirm': l('确认', 'Confirmed'), 'ticket.reopen': l('重开', 'Reopened'), 'ticket.cancel': l('取消工单', 'Cancelled'),
  'ticket.change_level': l('改级', 'Level changed'), 'ticket.bulk': l('批量处理工单', 'Tickets handled in bulk'),
  'ticket.export': l('导出工单列表', 'Ticket list exported'), 'ticket.reporter_lookup': l('按电话查询报修人', 'Caller looked up by phone'),
  'saved_filter.create': l('保存筛选', 'Saved filter created'), 'saved_filter.delete': l('删除保存的筛选', 'Saved filter deleted'),
  'fieldwork.check_in': l('现场签到', 'Checked in'), 'fieldwork.check_out': l('现场签退', 'Checked out'),
  'fieldwork.photo': l('上传现场照片', 'Site photo'), 'fieldwork.forgotten_checkout': l('忘记签退', 'Forgotten check-out'),
  'om_record.create': l('新建运维记录', 'O&M record drafted'), 'om_record.update': l('修改运维记录', 'O&M record changed'),
  'om_record.submit': l('提交运维记录', 'O&M record submitted'), 'om_record.review': l('审核运维记录', 'O&M record reviewed'),
  'om_record.reject': l('退回运维记录', 'O&M record returned'), 'om_record.sign': l('签字确认运维记录', 'O&M record signed'),
  'om_record.amend': l('更正运维记录', 'O&M record amended'), 'om_record.edit': l('修改运维记录', 'O&M record changed'),
  'om_record.export_pdf': l('导出服务记录单', 'Service sheet exported'), 'om_record.export_xlsx': l('导出运维记录', 'O&M records exported'),
  'presence.plan': l('保存驻场计划', 'Resident plan saved'), 'presence.export': l('导出考勤', 'Attendance exported'),
  'staffing.profile': l('修改工程师档案', 'Engineer profile changed'), 'staffing.plan': l('保存人员配置', 'Staffing plan saved'),
  'asset.create': l('登记资产', 'Asset added'), 'asset.update': l('修改资产', 'Asset changed'), 'asset.retire': l('报废资产', 'Asset retired'), 'asset.import': l('导入资产', 'Assets imported'),
  'asset.export': l('导出资产台账', 'Asset ledger exported'), 'asset.inspection': l('记录年度巡检', 'Annual inspection recorded'),
  'acceptance.create': l('新建验收', 'Acceptance created'), 'acceptance.document': l('上传验收文件', 'Acceptance document'),
  'repair.asset': l('关联故障资产', 'Faulty asset named'), 'repair.replace': l('更换部件', 'Part replaced'),
  'repair.cost': l('登记费用', 'Cost item'), 'repair_point.create': l('新建维修点', 'Repair point added'),
  'repair_point.update': l('修改维修点', 'Repair point changed'),
  'cost_statement.export': l('导出费用结算单', 'Cost statement exported'), 'archive.export': l('导出维修档案', 'Archive exported'),
  'checklist.create': l('新建巡检表', 'Checklist created'), 'checklist.revise': l('修订巡检表', 'Checklist revised'),
  'inspection_plan.create': l('新建巡检计划', 'Inspection plan created'), 'inspection_plan.update': l('修改巡检计划', 'Inspection plan changed'),
  'inspection_plan.pause': l('暂停巡检计划', 'Inspection plan paused'), 'inspection_plan.resume': l('恢复巡检计划', 'Inspection plan resumed'),
  'inspection.result': l('记录巡检结果', 'Inspection result'), 'inspection.photo': l('上传巡检照片', 'Inspection photo'),
  'inspection.adjust': l('记录参数调整', 'Parameter adjusted'), 'inspection.ticket': l('巡检发现转工单', 'Ticket from inspection'),
  'inspection.finish': l('完成巡检', 'Inspection finished'), 'inspection.report': l('导出巡检报告', 'Inspection report exported'),
  'training.create': l('新建培训计划', 'Training plan created'), 'training.update': l('修改培训计划', 'Training plan changed'),
  'training.course.create': l('新建课程', 'Course created'), 'training.course.update': l('修改课程', 'Course changed'),
  'training.material.upload': l('上传培训资料', 'Material uploaded'), 'training.material.revise': l('更新培训资料', 'Material revised'),
  'training.material.download': l('下载培训资料', 'Material downloaded'),
  'training.trainee.create': l('添加学员', 'Trainee added'), 'training.trainee.update': l('修改学员', 'Trainee changed'),
  'training.batch.create': l('新建批次', 'Batch created'), 'training.batch.update': l('修改批次', 'Batch changed'),
  'training.session.create': l('新建场次', 'Session created'), 'training.session.update': l('修改场次', 'Session changed'),
  'training.session.cancel': l('取消场次', 'Session cancelled'),
  'training.attendance': l('记录签到', 'Attendance taken'), 'training.assess': l('考核', 'Assessment'),
  'training.complete': l('培训完成', 'Training complete'), 'training.reopen': l('培训重新打开', 'Training reopened'),
  'training.report': l('导出培训报告', 'Training report exported'),
  'satisfaction.rate': l('满意度评价', 'Rating'), 'satisfaction.survey': l('发起满意度调查', 'Survey sent'),
  'satisfaction.schedule': l('定期调查设置', 'Survey schedule'),
  'feedback.submit': l('提交意见反馈', 'Feedback submitted'), 'feedback.answer': l('答复意见反馈', 'Feedback answered'),
  'feedback.close': l('关闭意见反馈', 'Feedback closed'),
  'kb.category': l('新建知识分类', 'Knowledge category'), 'kb.create': l('新建知识文章', 'Article created'),
  'kb.update': l('修改知识文章', 'Article changed'), 'kb.attach': l('上传文章附件', 'Article attachment'),
  'kb.link': l('关联知识文章', 'Article linked'),
  'commitment.update': l('修改承诺', 'Commitment changed'),
  'report.notes': l('保存报告说明', 'Report notes saved'), 'report.schedule': l('报告发送设置', 'Report schedule'),
  'report.generate': l('生成月度报告', 'Monthly report generated'), 'report.download': l('下载月度报告', 'Monthly report downloaded'),
  'report.issue': l('月度报告定稿归档', 'Monthly report issued'),
};

/** The word for an audited action; an unknown key (from a newer server) is shown as it is. */
export function auditActionLabel(action: string, lang: LabelLang = 'zh-CN'): string {
  return AUDIT_ACTION_LABELS[action]?.[lang] ?? action;
}

/** What a target type is called, for targets that no longer exist or have no name. */
export const AUDIT_TARGET_TYPE_LABELS: Readonly<Record<string, Text>> = {
  ticket: l('工单', 'Ticket'), user: l('用户', 'User'), project: l('项目', 'Project'), org: l('单位', 'Organisation'),
  contract: l('合同', 'Contract'), om_record: l('运维记录', 'O&M record'), asset: l('资产', 'Asset'),
  kb_article: l('知识文章', 'Article'), training_plan: l('培训计划', 'Training plan'), feedback: l('意见反馈', 'Feedback'),
  inspection_task: l('巡检任务', 'Inspection task'), inspection_plan: l('巡检计划', 'Inspection plan'),
  site_visit: l('签到', 'Check-in'), api_token: l('API 令牌', 'API token'), notification: l('通知', 'Notification'),
};

/** Role names for the audit export (the web has the same words in its catalogue under `role.*`). */
export const AUDIT_ROLE_LABELS: Readonly<Record<string, Text>> = {
  sys_admin: l('系统管理员', 'System administrator'), security_admin: l('安全管理员', 'Security administrator'), auditor: l('审计管理员', 'Auditor'),
  service_manager: l('服务经理', 'Service manager'), dispatcher: l('调度员', 'Dispatcher'), engineer: l('工程师', 'Engineer'),
  customer_user: l('客户用户', 'Customer user'), customer_lead: l('采购人项目负责人', 'Customer project lead'),
};
