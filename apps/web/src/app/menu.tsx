import type { ReactNode } from 'react';
import type { MenuProps } from 'antd';
import {
  AccountBookOutlined, AuditOutlined, BankOutlined, CalendarOutlined, DashboardOutlined, DatabaseOutlined, EnvironmentOutlined, FileAddOutlined,
  FileDoneOutlined, FileSearchOutlined, HistoryOutlined, MessageOutlined, SmileOutlined, StarOutlined, PhoneOutlined, ProjectOutlined, ProfileOutlined, ReadOutlined, SafetyCertificateOutlined, SafetyOutlined, SettingOutlined,
  SolutionOutlined, TeamOutlined, ToolOutlined, UnorderedListOutlined,
} from '@ant-design/icons';
import { BookOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import type { Me } from '../api/types';
import { ADMIN_ORG_ROLES, COST_READERS, hasRole, isCustomer, isProviderStaff, REPORT_READERS, USER_ADMIN_ROLES } from './roles';
import { BarChartOutlined, CarryOutOutlined, FileTextOutlined } from '@ant-design/icons';

type Item = { key: string; icon: ReactNode; label: string };

/**
 * Menu entries by role (三员分立): the auditor sees only the audit log, sys_admin the admin pages
 * but not the audit log, security_admin users/roles; provider staff work with tickets, on-site check-ins and
 * O&M records, customers the portal and the O&M records they sign (lead) or read; both see resident
 * presence and staffing.
 */
export function menuItems(me: Me, t: TFunction): MenuProps['items'] {
  const items: NonNullable<MenuProps['items']> = [];
  if (isProviderStaff(me)) {
    items.push(
      { key: '/dashboard', icon: <DashboardOutlined aria-hidden />, label: t('nav.dashboard') },
      { key: '/tickets', icon: <UnorderedListOutlined aria-hidden />, label: t('nav.tickets') },
      { key: '/intake', icon: <PhoneOutlined aria-hidden />, label: t('nav.intake') },
      { key: '/field', icon: <EnvironmentOutlined aria-hidden />, label: t('nav.field') },
      { key: '/records', icon: <FileDoneOutlined aria-hidden />, label: t('nav.records') },
    );
  }
  if (isCustomer(me)) {
    items.push(
      { key: '/portal/report', icon: <FileAddOutlined aria-hidden />, label: t('nav.report') },
      { key: '/portal/tickets', icon: <ProfileOutlined aria-hidden />, label: t('nav.myTickets') },
    );
    // Provider staff already have it above (nobody is both, but the key must stay unique).
    if (!isProviderStaff(me)) items.push({ key: '/records', icon: <FileDoneOutlined aria-hidden />, label: t('nav.records') });
  }
  // Resident presence (R14) and staffing (R28): staff and the project's customers read, the manager edits.
  if (isProviderStaff(me) || isCustomer(me)) {
    items.push(
      { key: '/presence', icon: <CalendarOutlined aria-hidden />, label: t('nav.presence') },
      { key: '/staffing', icon: <SolutionOutlined aria-hidden />, label: t('nav.staffing') },
    );
    // Assets and warranty (R1–R5, R21): both read; customers reach their own organisation's archive.
    const archive = isProviderStaff(me) ? '/archive' : `/customers/${encodeURIComponent(me.orgId)}/archive`;
    items.push(
      { key: '/assets', icon: <DatabaseOutlined aria-hidden />, label: t('nav.assets') },
      { key: '/warranty', icon: <SafetyCertificateOutlined aria-hidden />, label: t('nav.warranty') },
      { key: archive, icon: <HistoryOutlined aria-hidden />, label: t('nav.archive') },
      { key: '/repair-points', icon: <ToolOutlined aria-hidden />, label: t('nav.repairPoints') },
    );
    // Inspection tasks (R16, R17): staff run them, customers follow them.
    items.push({ key: '/inspections', icon: <FileSearchOutlined aria-hidden />, label: t('nav.inspections') });
    // Training plans (R18): the manager sets them up, engineers train and assess, customers follow their people.
    items.push({ key: '/training', icon: <ReadOutlined aria-hidden />, label: t('training.nav') });
    // O&M knowledge base (R25): staff write and publish, customers read the published customer-facing articles.
    items.push({ key: '/kb', icon: <BookOutlined aria-hidden />, label: t('kb.nav') });
    // Satisfaction (R29) and feedback (R21): customers rate and write, staff follow the rate and answer.
    if (isCustomer(me)) items.push({ key: '/ratings', icon: <StarOutlined aria-hidden />, label: t('satisfaction.navMine') });
    items.push(
      { key: '/satisfaction', icon: <SmileOutlined aria-hidden />, label: t('satisfaction.nav') },
      { key: '/feedback', icon: <MessageOutlined aria-hidden />, label: t('feedback.nav') },
    );
    if (hasRole(me, COST_READERS)) items.push({ key: '/costs', icon: <AccountBookOutlined aria-hidden />, label: t('nav.costs') });
    // Analytics, commitments register and the monthly O&M report (R29): provider staff and customer leads.
    if (hasRole(me, REPORT_READERS)) {
      items.push(
        { key: '/analytics', icon: <BarChartOutlined aria-hidden />, label: t('reports.nav.analytics') },
        { key: '/commitments', icon: <CarryOutOutlined aria-hidden />, label: t('reports.nav.commitments') },
        { key: '/monthly-reports', icon: <FileTextOutlined aria-hidden />, label: t('reports.nav.monthlyReports') },
      );
    }
  }
  const admin: Item[] = [];
  if (hasRole(me, ADMIN_ORG_ROLES)) {
    admin.push(
      { key: '/admin/customers', icon: <BankOutlined aria-hidden />, label: t('nav.customers') },
      { key: '/admin/projects', icon: <ProjectOutlined aria-hidden />, label: t('nav.projects') },
      { key: '/admin/holidays', icon: <CalendarOutlined aria-hidden />, label: t('holidays.nav') },
    );
  }
  if (hasRole(me, USER_ADMIN_ROLES)) admin.push({ key: '/admin/users', icon: <TeamOutlined aria-hidden />, label: t('nav.users') });
  if (me.roles.includes('security_admin')) admin.push({ key: '/admin/security', icon: <SafetyOutlined aria-hidden />, label: t('nav.security') });
  if (admin.length) items.push({ key: 'admin', icon: <SettingOutlined aria-hidden />, label: t('nav.admin'), children: admin });
  if (me.roles.includes('auditor')) items.push({ key: '/audit', icon: <AuditOutlined aria-hidden />, label: t('nav.audit') });
  return items;
}

/** The menu key to highlight: the longest menu path that prefixes the current location. */
export function selectedKey(pathname: string, items: MenuProps['items']): string | undefined {
  const keys: string[] = [];
  const walk = (list: MenuProps['items']) =>
    list?.forEach((i) => {
      if (!i || !('key' in i)) return;
      if ('children' in i && i.children) walk(i.children);
      else keys.push(String(i.key));
    });
  walk(items);
  return keys.filter((k) => pathname === k || pathname.startsWith(`${k}/`)).sort((a, b) => b.length - a.length)[0];
}
