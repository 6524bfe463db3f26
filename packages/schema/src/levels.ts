/** R10 fault-level definitions, shown wherever a level is chosen. */
export const FAULT_LEVEL_TEXT = {
  'zh-CN': {
    1: '一级：网络或主机系统严重故障，系统瘫痪',
    2: '二级：严重故障，部分业务不正常，系统仍可运行',
    3: '三级：单项业务不正常，不影响系统整体运行',
    4: '四级：一般故障，不影响正常运行',
  },
  en: {
    1: 'Level 1: network or host system severely failed, system down',
    2: 'Level 2: severe fault, part of the services abnormal, system still runs',
    3: 'Level 3: a single service abnormal, whole system unaffected',
    4: 'Level 4: general fault not affecting normal operation',
  },
} as const;
