import type { ReactNode } from 'react';
import {
  AccountBookOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  EnvironmentOutlined,
  FileAddOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  HistoryOutlined,
  HomeOutlined,
  MessageOutlined,
  OrderedListOutlined,
  PhoneOutlined,
  ProfileOutlined,
  ProjectOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  ScheduleOutlined,
  SmileOutlined,
  SolutionOutlined,
  StarOutlined,
  TeamOutlined,
  ToolOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { TFunction } from 'i18next';
import type { Me } from '../api/types';
import type { MeBadges } from '../features/start/api';
import { badgeText } from '../features/start/api';
import {
  ADMIN_ORG_ROLES,
  COST_READERS,
  hasRole,
  isCustomer,
  isProviderStaff,
  REPORT_READERS,
  USER_ADMIN_ROLES,
} from './roles';

/** A menu entry: its key is the path it opens. */
export type MenuEntry = { key: string; icon: ReactNode; label: ReactNode };
/** A titled group of entries (服务台, 现场 …). */
export type MenuGroup = { type: 'group'; key: string; label: string; children: MenuEntry[] };
export type MenuItem = MenuEntry | MenuGroup;
type Entry = MenuEntry;
type Items = MenuItem[];

/**
 * A menu label with an optional count. The label text sits in `data-menu-label` (what tests read as the
 * entry's name); the count is shown as a dark-red pill (white on #a8071a, 7.6:1) and read out in words.
 */
function Label({ text, count, spoken }: { text: string; count?: number | undefined; spoken?: string }) {
  if (!count) return <span data-menu-label>{text}</span>;
  return (
    <span className="menu-entry">
      <span data-menu-label>{text}</span>
      <span className="menu-badge" aria-hidden data-testid="menu-badge">
        {badgeText(count)}
      </span>
      <span className="visually-hidden">{`（${spoken ?? count}）`}</span>
    </span>
  );
}

const entry = (key: string, icon: ReactNode, label: ReactNode): Entry => ({ key, icon, label });
/** A titled group: always open, so every entry stays one click away, also in the phone drawer. */
const group = (key: string, label: string, children: Entry[]): MenuGroup | null =>
  children.length ? { type: 'group', key: `group:${key}`, label, children } : null;

/**
 * Menu entries by role (三员分立): the auditor sees only the audit log, sys_admin the admin pages but not
 * the audit log, security_admin users/roles. Provider staff get their work grouped as 服务台, 现场, 资产,
 * 巡检, 培训, 报表, 系统; customers only what they use (a customer's lead also signs, reads the reports and
 * the costs). Badges: 待分派 on the queue, 待签字 on the records, 待巡检 on the inspection tasks.
 */
export function menuItems(me: Me, t: TFunction, badges: MeBadges = {}): Items {
  const i = (Icon: typeof HomeOutlined) => <Icon aria-hidden />;
  const staff = isProviderStaff(me);
  const customer = isCustomer(me);
  const lead = me.roles.includes('customer_lead');
  const manager = me.roles.includes('service_manager');
  const reports = hasRole(me, REPORT_READERS);
  const records = entry(
    '/records',
    i(FileDoneOutlined),
    <Label text={t('nav.records')} count={badges.toSign} spoken={t('start.badge.toSign', { count: badges.toSign })} />,
  );
  const inspections = entry(
    '/inspections',
    i(FileSearchOutlined),
    <Label
      text={t('nav.inspections')}
      count={badges.inspectionsDue}
      spoken={t('start.badge.inspectionsDue', { count: badges.inspectionsDue })}
    />,
  );
  const reportEntries = reports
    ? [
        entry('/analytics', i(BarChartOutlined), <Label text={t('reports.nav.analytics')} />),
        entry('/commitments', i(CarryOutOutlined), <Label text={t('reports.nav.commitments')} />),
        entry('/monthly-reports', i(FileTextOutlined), <Label text={t('reports.nav.monthlyReports')} />),
      ]
    : [];
  const costs = hasRole(me, COST_READERS)
    ? [entry('/costs', i(AccountBookOutlined), <Label text={t('nav.costs')} />)]
    : [];
  const items: (MenuItem | null)[] = [];
  // 我的工作: where a dispatcher, an engineer and a customer's lead start.
  if (hasRole(me, ['dispatcher', 'engineer', 'customer_lead']))
    items.push(entry('/work', i(HomeOutlined), <Label text={t('start.nav')} />));

  if (staff) {
    items.push(
      entry('/dashboard', i(DashboardOutlined), <Label text={t('nav.dashboard')} />),
      group('desk', t('start.group.desk'), [
        entry(
          '/tickets',
          i(UnorderedListOutlined),
          <Label
            text={t('nav.tickets')}
            count={badges.unassigned}
            spoken={t('start.badge.unassigned', { count: badges.unassigned })}
          />,
        ),
        entry('/intake', i(PhoneOutlined), <Label text={t('nav.intake')} />),
        entry('/kb', i(BookOutlined), <Label text={t('kb.nav')} />),
        entry('/satisfaction', i(SmileOutlined), <Label text={t('satisfaction.nav')} />),
        entry('/feedback', i(MessageOutlined), <Label text={t('feedback.nav')} />),
      ]),
      group('field', t('start.group.field'), [
        entry('/field', i(EnvironmentOutlined), <Label text={t('nav.field')} />),
        records,
        entry('/presence', i(CalendarOutlined), <Label text={t('nav.presence')} />),
        entry('/staffing', i(SolutionOutlined), <Label text={t('nav.staffing')} />),
      ]),
      group('assets', t('start.group.assets'), [
        entry('/assets', i(DatabaseOutlined), <Label text={t('nav.assets')} />),
        entry('/warranty', i(SafetyCertificateOutlined), <Label text={t('nav.warranty')} />),
        entry('/archive', i(HistoryOutlined), <Label text={t('nav.archive')} />),
        entry('/repair-points', i(ToolOutlined), <Label text={t('nav.repairPoints')} />),
        ...costs,
      ]),
      group('inspections', t('start.group.inspections'), [
        inspections,
        ...(manager
          ? [
              entry('/inspections/plans', i(ScheduleOutlined), <Label text={t('insp.plansTitle')} />),
              entry('/inspections/templates', i(OrderedListOutlined), <Label text={t('insp.templatesTitle')} />),
            ]
          : []),
      ]),
      group('training', t('start.group.training'), [
        entry('/training', i(ReadOutlined), <Label text={t('training.nav')} />),
      ]),
      group('reports', t('start.group.reports'), reportEntries),
    );
  } else if (customer) {
    const archive = `/customers/${encodeURIComponent(me.orgId)}/archive`;
    items.push(
      group('service', t('start.group.service'), [
        entry('/portal/report', i(FileAddOutlined), <Label text={t('nav.report')} />),
        entry('/portal/tickets', i(ProfileOutlined), <Label text={t('nav.myTickets')} />),
        entry('/ratings', i(StarOutlined), <Label text={t('satisfaction.navMine')} />),
        entry('/feedback', i(MessageOutlined), <Label text={t('feedback.nav')} />),
        entry('/kb', i(BookOutlined), <Label text={t('kb.nav')} />),
      ]),
      group('records', t('start.group.records'), [
        records,
        inspections,
        // Presence, staffing and training are the lead's to check against the bid; a reporting user has no use for them.
        ...(lead
          ? [
              entry('/presence', i(CalendarOutlined), <Label text={t('nav.presence')} />),
              entry('/staffing', i(SolutionOutlined), <Label text={t('nav.staffing')} />),
              entry('/training', i(ReadOutlined), <Label text={t('training.nav')} />),
            ]
          : []),
        entry('/assets', i(DatabaseOutlined), <Label text={t('nav.assets')} />),
        entry('/warranty', i(SafetyCertificateOutlined), <Label text={t('nav.warranty')} />),
        entry(archive, i(HistoryOutlined), <Label text={t('nav.archive')} />),
        ...(lead ? [entry('/repair-points', i(ToolOutlined), <Label text={t('nav.repairPoints')} />)] : []),
      ]),
      group(
        'reports',
        t('start.group.reports'),
        lead
          ? [
              entry('/satisfaction', i(SmileOutlined), <Label text={t('satisfaction.nav')} />),
              ...costs,
              ...reportEntries,
            ]
          : [],
      ),
    );
  }

  const admin: Entry[] = [];
  if (hasRole(me, ADMIN_ORG_ROLES)) {
    admin.push(
      entry('/admin/customers', i(BankOutlined), <Label text={t('nav.customers')} />),
      entry('/admin/projects', i(ProjectOutlined), <Label text={t('nav.projects')} />),
      entry('/admin/holidays', i(CalendarOutlined), <Label text={t('holidays.nav')} />),
    );
  }
  if (hasRole(me, USER_ADMIN_ROLES))
    admin.push(entry('/admin/users', i(TeamOutlined), <Label text={t('nav.users')} />));
  if (me.roles.includes('security_admin'))
    admin.push(entry('/admin/security', i(SafetyOutlined), <Label text={t('nav.security')} />));
  items.push(group('system', t('start.group.system'), admin));
  if (me.roles.includes('auditor')) items.push(entry('/audit', i(AuditOutlined), <Label text={t('nav.audit')} />));
  return items.filter((x): x is MenuItem => x !== null);
}

/** The menu key to highlight: the longest menu path that prefixes the current location. */
export function selectedKey(pathname: string, items: MenuItem[]): string | undefined {
  const keys = items.flatMap((i) => ('type' in i ? i.children : [i])).map((e) => e.key);
  return keys.filter((k) => pathname === k || pathname.startsWith(`${k}/`)).sort((a, b) => b.length - a.length)[0];
}
