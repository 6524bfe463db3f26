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
