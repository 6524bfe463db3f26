import type { RequestMeta } from '../../lib/actor.js';
import type { Services } from '../../services.js';
import { addMonths } from '../../lib/dates.js';
import { beijingDay } from '../../lib/time.js';

type Item = [
  kind: 'hardware' | 'software',
  type: string,
  name: string,
  model: string,
  serial: string,
  location: string,
  parent?: string,
];
const ITEMS: Item[] = [
  ['hardware', '服务器', '政务云数据库服务器', '华为 FusionServer 2288H V5', 'SRV-2024-001', '机房A-01-12U'],
  ['hardware', '硬盘', '数据盘 1', '希捷 Exos 4TB', 'DSK-2024-001', '机房A-01-12U', 'SRV-2024-001'],
  ['hardware', '硬盘', '数据盘 2', '希捷 Exos 4TB', 'DSK-2024-002', '机房A-01-12U', 'SRV-2024-001'],
  ['hardware', '服务器', '政务云应用服务器', '华为 FusionServer 2288H V5', 'SRV-2024-002', '机房A-01-14U'],
  ['hardware', '交换机', '核心交换机', '华三 S6800-54QF', 'SW-2024-001', '机房A-02-01U'],
  ['hardware', 'UPS', '机房 UPS', '科华 YTR3340', 'UPS-2024-001', '机房A-配电间'],
  ['software', '操作系统', '银河麒麟服务器操作系统', '银河麒麟 V10 SP3', 'LIC-KYLIN-2024-01', '政务云'],
  ['software', '数据库', '达梦数据库', '达梦 DM8 企业版', 'LIC-DM8-2024-01', '政务云'],
];

/**
 * Demo ledger for `npm start` (not for tests, which start from the plain seed): project A's first
 * acceptance 20 months ago, a later batch, eight items with parts, a repair point serving both
 * projects, and a repaired disk whose warranty the replacement extended.
 */
export async function seedDemoAssets(
  s: Services,
  manager: RequestMeta,
  engineer: RequestMeta,
  log: (m: string) => void = () => {},
) {
  const [a, b] = await s.projects.repo.projects(s.database.db);
  if (!a || !b) return;
  const today = beijingDay(s.now());
  const first = await s.assets.createAcceptance(manager, a.id, {
    batch: '一期',
    acceptedOn: addMonths(today, -20),
    note: '一期工程竣工验收',
  });
  const second = await s.assets.createAcceptance(manager, a.id, {
    batch: '二期',
    acceptedOn: addMonths(today, -4),
    note: '二期扩容验收',
  });
  const serials = new Map<string, string>();
  for (const [i, [kind, type, name, model, serial, location, parent]] of ITEMS.entries()) {
    const created = await s.assets.create(manager, a.id, {
      kind,
      type,
      name,
      model,
      serial,
      location,
      supplier: kind === 'software' ? '软件厂商' : '华为技术有限公司',
      parentId: parent ? serials.get(parent) : undefined,
      acceptanceId: i < 6 ? first.id : second.id,
    });
    serials.set(serial, created.id);
  }
  const old = await s.assets.createAcceptance(manager, b.id, { batch: '原平台', acceptedOn: addMonths(today, -40) });
  await s.assets.create(manager, b.id, {
    kind: 'hardware',
    type: '存储',
    name: '原平台集中存储',
    model: '华为 OceanStor 5300',
    serial: 'STO-2023-001',
    location: '市局机房',
    acceptanceId: old.id,
  });
  await s.repairPoints.save(manager, null, {
    name: '省会维修中心',
    address: '省会市高新区科技路 1 号',
    personInCharge: '孙主管',
    contact: 'repair@weibao.local',
    phone: '0371-88886666',
    capabilities: ['服务器与存储维修', '网络设备更换', '操作系统与数据库恢复'],
    staff: [
      { discipline: 'hardware', count: 4 },
      { discipline: 'network_security', count: 2 },
      { discipline: 'software', count: 6 },
    ],
    projectIds: [a.id, b.id],
  });
  // A disk failed yesterday and was replaced today: under project A's contract its warranty moves by the downtime.
  const t = await s.tickets.create(manager, {
    projectId: a.id,
    title: '数据库服务器数据盘故障告警',
    description: '监控发现数据盘 1 SMART 告警',
    level: 2,
    channel: 'monitoring',
    reporterName: '监控平台',
    reporterPhone: '0371-00000000',
    assetId: serials.get('SRV-2024-001'),
    assigneeId: engineer.actor.userId,
    reportedAt: s.now() - 86_400_000,
    reportedAtReason: '演示数据',
  });
  await s.repairs.replace(engineer, t.id, {
    oldAssetId: serials.get('DSK-2024-001')!,
    newSerial: 'DSK-2025-101',
    newModel: '希捷 Exos 4TB',
    replacedOn: today,
    partCostCents: 120_000,
  });
  log('seeded the asset ledger, a repair point and a part replacement');
}
