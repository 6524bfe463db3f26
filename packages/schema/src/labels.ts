/**
 * One word for one thing: the user-facing names of the product's enums, in both languages. The web's
 * i18n catalogue takes these entries from here (labelCatalogue), and the server's documents, e-mails and
 * notifications read them through `label`, so the screen, the monthly report and the mail never disagree.
 * Wording follows what a Chinese purchaser's forms use (报修来源 电话/平台/…, 服务类型 远程/现场).
 * Zod-free, like levels.ts, so the web reaches it without loading the schemas.
 */
export type LabelLang = 'zh-CN' | 'en';
type Text = { readonly 'zh-CN': string; readonly en: string };
const l = (zh: string, en: string): Text => ({ 'zh-CN': zh, en });

export const LABELS = {
  /** R11 响应方式 (CHANNELS). */
  channel: {
    phone: l('电话', 'Phone'),
    fax: l('传真', 'Fax'),
    web: l('平台', 'Platform'),
    email: l('邮件', 'E-mail'),
    remote: l('远程', 'Remote'),
    onsite: l('现场', 'On site'),
    monitoring: l('监控告警', 'Monitoring alert'),
    api: l('接口', 'API'),
  },
  /** Ticket status (TICKET_STATUSES). */
  status: {
    new: l('待分派', 'New'),
    assigned: l('已派单', 'Assigned'),
    in_progress: l('处理中', 'In progress'),
    suspended: l('挂起', 'Suspended'),
    resolved: l('已解决', 'Resolved'),
    closed: l('已关闭', 'Closed'),
    cancelled: l('已取消', 'Cancelled'),
  },
  /** Fault level, short form (the R10 definitions are in levels.ts). */
  level: { 1: l('一级', 'Level 1'), 2: l('二级', 'Level 2'), 3: l('三级', 'Level 3'), 4: l('四级', 'Level 4') },
  /** Why a ticket is suspended (SUSPEND_REASONS); only reasons the contract allows pause the clocks. */
  suspendReason: {
    waiting_customer: l('等待客户', 'Waiting for customer'),
    waiting_third_party: l('等待第三方', 'Waiting for third party'),
    waiting_parts: l('等待备件', 'Waiting for parts'),
    other: l('其他', 'Other'),
  },
  faultCause: {
    human: l('人为原因', 'Human cause'),
    non_human: l('非人为原因', 'Non-human cause'),
    unknown: l('原因不明', 'Unknown'),
  },
  /** SLA clocks (CLOCK_KINDS) and their states. */
  clock: { response: l('响应', 'Response'), arrival: l('到场', 'Arrival'), resolution: l('解决', 'Resolution') },
  clockStatus: {
    running: l('计时中', 'Running'),
    paused: l('已暂停', 'Paused'),
    met: l('已达标', 'Met'),
    breached: l('已超时', 'Breached'),
    not_needed: l('无需', 'Not needed'),
  },
  /** 服务类型 of an O&M record (OM_RECORD_KINDS), on the sheet, the exports and the web. */
  recordKind: {
    daily: l('驻场日志', 'On-site log'),
    visit: l('上门服务', 'Site visit'),
    remote: l('远程服务', 'Remote service'),
    inspection: l('巡检记录', 'Inspection'),
  },
  /** A commitment's verdict for a month (CommitmentStatus). */
  commitmentStatus: { met: l('达成', 'Met'), missed: l('未达成', 'Missed'), no_data: l('无数据', 'No data') },
  /** 意见反馈 categories (FeedbackCategory). */
  feedbackCategory: {
    opinion: l('意见', 'Opinion'),
    suggestion: l('建议', 'Suggestion'),
    complaint: l('投诉', 'Complaint'),
    praise: l('表扬', 'Praise'),
  },
  /** A satisfaction score's words (1–5; 4 and 5 count as satisfied). */
  satisfactionScore: {
    1: l('非常不满意', 'Very dissatisfied'),
    2: l('不满意', 'Dissatisfied'),
    3: l('一般', 'Neutral'),
    4: l('满意', 'Satisfied'),
    5: l('非常满意', 'Very satisfied'),
  },
  /** Asset kind (AssetKind). */
  assetKind: { hardware: l('硬件', 'Hardware'), software: l('软件', 'Software') },
  /** A repair's cost item (RepairCostKind). */
  repairCostKind: {
    part: l('配件', 'Part'),
    labour: l('人工', 'Labour'),
    travel: l('交通差旅', 'Travel'),
    other: l('其他', 'Other'),
  },
  /** Inspection plan kind (R16: monthly, annual, periodic checks). */
  inspectionKind: {
    monthly: l('月度巡检', 'Monthly inspection'),
    annual: l('年度巡检', 'Annual inspection'),
    periodic: l('定期检查', 'Periodic check'),
  },
  /** A checklist item's outcome. */
  inspectionOutcome: { pass: l('合格', 'Pass'), fail: l('不合格', 'Fail'), na: l('不适用', 'N/A') },
  /** Knowledge article visibility and status. */
  articleVisibility: { internal: l('内部', 'Internal'), customer: l('对客户公开', 'Visible to customers') },
  articleStatus: { draft: l('草稿', 'Draft'), published: l('已发布', 'Published'), archived: l('已归档', 'Archived') },
  /** A report's file format. */
  reportFormat: { docx: l('Word', 'Word'), pdf: l('PDF', 'PDF'), xlsx: l('Excel', 'Excel') },
  /** Ticket workflow actions (TICKET_ACTIONS), as buttons, audit text and bulk results name them. */
  ticketAction: {
    dispatch: l('派单', 'Dispatch'),
    claim: l('认领', 'Claim'),
    transfer: l('转派', 'Transfer'),
    respond: l('响应', 'Respond'),
    arrive: l('到场签到', 'Check in on site'),
    arrival_not_needed: l('无需到场', 'No site visit needed'),
    suspend: l('挂起', 'Suspend'),
    resume: l('恢复', 'Resume'),
    urge: l('催办', 'Chase'),
    resolve: l('解决', 'Resolve'),
    confirm: l('确认', 'Confirm'),
    reopen: l('重开', 'Reopen'),
    cancel: l('取消工单', 'Cancel ticket'),
    change_level: l('调整等级', 'Change level'),
  },
  /** A ticket timeline event as documents list it (the actions above, plus what the system records). */
  ticketEvent: {
    created: l('受理报修', 'Ticket created'),
    dispatch: l('派单', 'Dispatched'),
    claim: l('认领', 'Claimed'),
    transfer: l('转派', 'Transferred'),
    respond: l('响应', 'Responded'),
    arrive: l('到场签到', 'Checked in on site'),
    arrival_not_needed: l('无需到场', 'No site visit needed'),
    suspend: l('挂起', 'Suspended'),
    resume: l('恢复处理', 'Resumed'),
    urge: l('催办', 'Chased'),
    resolve: l('解决', 'Resolved'),
    confirm: l('客户确认', 'Confirmed by the customer'),
    reopen: l('重开', 'Reopened'),
    cancel: l('取消', 'Cancelled'),
    change_level: l('调整故障等级', 'Fault level changed'),
    auto_close: l('自动关闭', 'Closed automatically'),
    comment: l('沟通记录', 'Comment'),
    attachment: l('上传附件', 'Attachment uploaded'),
    'sla.warn50': l('SLA 时限已过半', 'SLA 50% elapsed'),
    'sla.warn80': l('SLA 时限已达 80%', 'SLA 80% elapsed'),
    'sla.breach': l('SLA 已超时', 'SLA breached'),
    'repair.asset': l('登记故障设备', 'Asset recorded'),
    'repair.replace': l('更换部件', 'Part replaced'),
    'repair.cost': l('登记费用', 'Cost recorded'),
  },
  /** An O&M record's state, as the record sheet, the inspection report and the exports print it. */
  recordStatus: {
    draft: l('草稿', 'Draft'),
    submitted: l('待签字确认', 'Awaiting signature'),
    rejected: l('已退回', 'Returned'),
    signed: l('已签字确认', 'Signed'),
    superseded: l('已更正', 'Superseded'),
  },
  /** How a training session is held, attendance, and a trainee's competency on a course (R18). */
  trainingMode: { onsite: l('现场', 'On site'), online: l('线上', 'Online') },
  attendance: {
    present: l('出席', 'Present'),
    late: l('迟到', 'Late'),
    absent: l('缺席', 'Absent'),
    excused: l('请假', 'Excused'),
  },
  competency: {
    independent: l('可独立操作', 'Independent'),
    not_yet: l('尚不能独立操作', 'Not yet independent'),
    not_assessed: l('未考核', 'Not assessed'),
  },
} as const;

export type LabelKind = keyof typeof LABELS;

/** The name of `value` of enum `kind`; an unknown value is shown as itself rather than hidden. */
export function label<K extends LabelKind>(
  kind: K,
  value: keyof (typeof LABELS)[K] | (string & {}) | number,
  lang: LabelLang = 'zh-CN',
): string {
  const t = (LABELS[kind] as Record<string, Text>)[String(value)];
  return t ? t[lang] : String(value);
}

/** Every value of `kind` mapped to its name in `lang` (e.g. a document's column of channels). */
export function labelMap<K extends LabelKind>(
  kind: K,
  lang: LabelLang = 'zh-CN',
): Record<keyof (typeof LABELS)[K], string> {
  return Object.fromEntries(
    Object.entries(LABELS[kind] as Record<string, Text>).map(([k, t]) => [k, t[lang]]),
  ) as Record<keyof (typeof LABELS)[K], string>;
}

/**
 * The web catalogue's entries for these enums, at the keys the pages use (`channel.web`, `level.short.1`,
 * `clock.kind.response`, `reports.status.met` …); i18n init merges them into the JSON catalogues,
 * which no longer carry them.
 */
export function labelCatalogue(lang: LabelLang) {
  const m = <K extends LabelKind>(k: K) => labelMap(k, lang);
  return {
    channel: m('channel'),
    status: m('status'),
    level: { short: m('level') },
    suspendReason: m('suspendReason'),
    faultCause: m('faultCause'),
    clock: { kind: m('clock'), status: m('clockStatus') },
    reports: { status: m('commitmentStatus') },
    record: { kind: m('recordKind') },
    feedback: { category: m('feedbackCategory') },
    satisfaction: { score: m('satisfactionScore') },
  };
}
