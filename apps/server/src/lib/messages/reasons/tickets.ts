import { t } from './define.js';

/** Reasons of the tickets area. Keys are `tickets.what`; add entries here, never in another area's file. */
export const TICKETS = {
  'tickets.calendarNoWorkingTime': t(
    '合同的 SLA 日历长期没有工作时间，请检查工作时段与节假日',
    "the contract's SLA calendar has no working time: check its working periods and holidays",
  ),
  'tickets.backdatedReport': t('补录报修时间', 'back-dated report'),
  'tickets.notSettableByCustomers': t('客户不能设置此字段', 'not settable by customers'),
  'tickets.assetsUnavailable': t('未启用资产', 'assets are not available'),
  'tickets.assigneeNotStaff': t('处理人须为服务商在岗人员', 'assignee must be active provider staff'),
  'tickets.clockFilterNeedsProject': t('按时钟结果筛选须指定项目', 'filtering by clock outcome needs a project'),
  'tickets.clockFilterTogether': t(
    '时钟筛选须同时给出 clock、outcome、endedFrom、endedTo',
    'clock filters go together: clock, outcome, endedFrom, endedTo',
  ),
  'tickets.customerInternalNote': t('客户不能发布内部备注', 'customers cannot post internal notes'),
  'tickets.chooseAssignee': t('请选择处理人', 'choose an assignee'),
  'tickets.alreadyAssignee': t('不能转派给当前处理人', 'already the assignee'),
  'tickets.chooseSuspendReason': t('请选择挂起原因', 'choose a suspend reason'),
  'tickets.describeSolution': t('请填写解决方案', 'describe the solution'),
  'tickets.chooseFaultCause': t('请选择故障原因（人为/非人为）', 'choose the fault cause'),
  'tickets.chooseLevel': t('请选择新的故障等级', 'choose the new level'),
  'tickets.sameLevel': t('与当前等级相同', 'same as the current level'),
  'tickets.customerBackdate': t('客户不能补录发生时间', 'customers cannot back-date an action'),
  'tickets.backdateWhichActions': t(
    '只有响应、到场、解决可以补录发生时间',
    'only respond, arrive and resolve take a happened-at time',
  ),
  'tickets.occurredInFuture': t('发生时间不能晚于当前时间', 'the happened-at time cannot be in the future'),
  'tickets.occurredTooEarly': t(
    '发生时间不能早于{what}（{at}）',
    'the happened-at time cannot be before the {what} ({at})',
  ),
  'tickets.boundReported': t('报修时间', 'reported time'),
  'tickets.boundClockStart': t(
    '{clock}计时开始或最近一次挂起、恢复',
    'start or last suspension or resumption of the {clock} clock',
  ),
  'tickets.boundPreviousStep': t('上一步{clock}', 'previous step, the {clock}'),
  'tickets.boundAssignment': t('派单给处理人', 'assignment to the engineer'),
  'tickets.clockResponse': t('响应', 'response'),
  'tickets.clockArrival': t('到场', 'arrival'),
  'tickets.clockResolution': t('解决', 'resolution'),
  'tickets.backdatedAction': t('补录发生时间（早于 {minutes} 分钟）', 'happened-at more than {minutes} minutes ago'),
  'tickets.tooManySavedFilters': t('最多保存 {max} 个筛选', 'at most {max} saved filters'),
} as const;
