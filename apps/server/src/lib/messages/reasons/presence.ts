import { t } from './define.js';

/** Reasons of the presence area. Keys are `presence.what`; add entries here, never in another area's file. */
export const PRESENCE = {
  'presence.endBeforeStart': t('下班时间须晚于上班时间', 'end must be after start'),
  'presence.minOnSiteTooLong': t(
    '最短在场时长不能超过上班时长 {span} 分钟',
    'cannot exceed the {span}-minute working day',
  ),
  'presence.residentsProviderStaff': t(
    '驻场人员须为服务商在岗人员',
    'resident engineers must be active provider staff',
  ),
} as const;
