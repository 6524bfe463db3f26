import type { RequestMeta } from '../../lib/actor.js';
import type { Services } from '../../services.js';
import { beijingDay } from '../../lib/time.js';

/**
 * Demo training, knowledge base and feedback for `npm start`: a training plan for project A with
 * one trainee still to pass, a few articles (one customer-facing), one suggestion waiting for an answer,
 * next month's plan for the monthly report and its e-mail schedule.
 */
export async function seedDemoService(
  s: Services,
  who: { manager: RequestMeta; engineer: RequestMeta; customer: RequestMeta },
  log: (m: string) => void = () => {},
) {
  const [a] = await s.projects.repo.projects(s.database.db);
  if (!a) return;
  const users = await s.userRepo.list(s.database.db, { orgId: a.customer_id });
  const cust = users.find((u) => u.username === 'cust_a');
  const lead = users.find((u) => u.username === 'lead_a');

  let plan = await s.training.createPlan(who.manager, a.id, {
    name: '系统上线操作培训',
    description: '业务操作与日常维护，分批培训直至每位学员可独立操作',
  });
  plan = await s.training.addCourse(who.manager, plan.plan.id, {
    title: '业务办理操作',
    objective: '能独立完成受理、审批、查询和导出',
  });
  plan = await s.training.addCourse(who.manager, plan.plan.id, {
    title: '日常维护',
    objective: '能独立完成账号管理和数据备份检查',
  });
  const [ops, admin] = plan.courses;
  if (cust)
    plan = await s.training.addTrainee(who.manager, plan.plan.id, {
      userId: cust.id,
      name: '',
      unit: '省信息中心',
      phone: '',
      courseIds: [ops!.id],
    });
  if (lead)
    plan = await s.training.addTrainee(who.manager, plan.plan.id, {
      userId: lead.id,
      name: '',
      unit: '省信息中心',
      phone: '',
      courseIds: null,
    });
  plan = await s.training.addTrainee(who.manager, plan.plan.id, {
    userId: null,
    name: '周科员',
    unit: '省信息中心业务处',
    phone: '13800000003',
    courseIds: [ops!.id],
  });
  plan = await s.training.addBatch(who.manager, plan.plan.id, {
    name: '第一批',
    traineeIds: plan.trainees.map((t) => t.id),
  });
  const batch = plan.batches[0]!;
  const start = s.now() - 3 * 3_600_000;
  await s.training.addSession(who.manager, batch.id, {
    courseId: ops!.id,
    startsAt: start,
    endsAt: start + 2 * 3_600_000,
    mode: 'onsite',
    place: '省信息中心 3 楼培训室',
    trainerId: who.engineer.actor.userId,
    trainerName: '',
  });
  plan = await s.training.addSession(who.manager, batch.id, {
    courseId: admin!.id,
    startsAt: s.now() + 2 * 86_400_000,
    endsAt: s.now() + 2 * 86_400_000 + 7_200_000,
    mode: 'online',
    place: '腾讯会议 888-123-456',
    trainerId: who.engineer.actor.userId,
    trainerName: '',
  });
  const session = plan.sessions.find((x) => x.course_id === ops!.id)!;
  await s.training.attendance(who.engineer, session.id, {
    entries: plan.trainees.map((t) => ({ traineeId: t.id, status: 'present' as const, note: '' })),
  });
  const today = beijingDay(s.now());
  for (const t of plan.trainees) {
    await s.training.assess(who.engineer, plan.plan.id, {
      traineeId: t.id,
      courseId: ops!.id,
      batchId: batch.id,
      independent: t.name !== '周科员',
      assessedOn: today,
      assessorName: '',
      note: t.name === '周科员' ? '组合查询尚不熟练，安排下一批' : '',
      retrainBatchId: null,
    });
  }

  const hw = await s.knowledge.createCategory(who.manager, { name: '硬件与网络' });
  const sw = await s.knowledge.createCategory(who.manager, { name: '应用系统' });
  await s.knowledge.create(who.engineer, {
    title: '网络打印机显示脱机（offline）的处理方法',
    categoryId: hw.id,
    tags: ['打印机', '网络'],
    visibility: 'customer',
    projectId: null,
    status: 'published',
    body: '## 现象\n\n打印时提示打印机脱机（offline），其他电脑也无法打印。\n\n## 处理步骤\n\n1. 检查打印机面板是否有卡纸或缺纸提示。\n2. 在打印机上查看 IP 地址，用 `ping` 测试是否连通。\n3. 在电脑上重启 Print Spooler 服务后重试。\n\n仍无法解决请报修，并注明打印机型号和位置。',
  });
  await s.knowledge.create(who.engineer, {
    title: 'Oracle RMAN 备份失败（ORA-19502）排查',
    categoryId: sw.id,
    tags: ['数据库', '备份'],
    visibility: 'internal',
    projectId: null,
    status: 'published',
    body: '## 原因\n\n归档日志目录所在磁盘空间不足。\n\n## 处理\n\n1. `df -h` 查看空间。\n2. 清理已备份的归档日志：`DELETE ARCHIVELOG ALL BACKED UP 1 TIMES TO DEVICE TYPE DISK;`\n3. 重新执行备份并核对日志。',
  });
  await s.knowledge.create(who.engineer, {
    title: '统一认证登录后页面空白',
    categoryId: sw.id,
    tags: ['登录', '浏览器'],
    visibility: 'customer',
    projectId: a.id,
    status: 'published',
    body: '请使用 Chrome 或 360 安全浏览器（极速模式），清除浏览器缓存后重新登录。',
  });
  await s.feedback.submit(who.customer, {
    projectId: a.id,
    category: 'suggestion',
    title: '希望公布夜间值班手机号',
    body: '夜间报修目前只能发邮件，建议在门户首页公布值班手机。',
  });
  // The monthly O&M report: this month's plan for next month, and the e-mail to the purchaser's lead on the 3rd.
  await s.reports.saveNotes(who.manager, a.id, today.slice(0, 7), {
    nextMonthPlan:
      '1. 完成年度巡检并提交巡检报告\n2. 组织第二批操作培训（周科员）\n3. 核心交换机固件升级（需甲方审批变更窗口）',
  });
  await s.reports.saveSchedule(who.manager, a.id, {
    enabled: true,
    dayOfMonth: 3,
    formats: ['docx', 'pdf', 'xlsx'],
    recipients: lead?.email ? [lead.email] : [],
  });
  log('seeded a training plan, knowledge articles, a suggestion and the monthly report plan and schedule');
}
