import type { ComponentType } from 'react';
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
import type { Me, Role } from '../api/types';
import { type LazyPage, lazyPage } from '../components/lazyPage';
import type { MeBadges } from '../features/start/api';
import {
  ADMIN_ORG_ROLES,
  COST_READERS,
  CUSTOMER_ROLES,
  PROVIDER_STAFF,
  RECORD_AUTHORS,
  REPORT_READERS,
  USER_ADMIN_ROLES,
  WORK_PAGE_ROLES,
} from './roles';

// The one table of the app's pages: the router (App.tsx) and the menus (menu.tsx: side bar and phone drawer)
// are both built from it. No antd here (bundle-imports.test.ts): a page load starts its page's chunks from
// this table while antd's chunk is still downloading. Icons are their own small chunk. Every page is its own
// chunk, so the first load carries only the shell (and echarts only the dashboard's).

/**
 * Where a page renders. `public`: no sign-in (links from e-mails), in its own antd scope; `password`: signed
 * in but outside the layout (the forced password change); `plain`: in the layout, painted before antd's
 * chunk arrives (it brings its antd parts in its own scopes); `ant` (default): in the layout's shared antd scope.
 */
export type Shell = 'public' | 'password' | 'plain' | 'ant';

/** How a page appears in the main menu; its entry's key is the path (or `link(me)`). */
export interface NavEntry {
  /** i18n key of the entry's name (the link's accessible name, which the browser tests select by). */
  label: string;
  icon: ComponentType<{ 'aria-hidden'?: boolean }>;
  /** A count shown on the entry; read out with `start.badge.<badge>`. */
  badge?: keyof MeBadges;
  /** The entry's target when the path has a parameter (a customer's own archive). */
  link?: (me: Me) => string;
}

export interface PageRoute {
  /** The router's path, from the root. */
  path: string;
  page: LazyPage;
  /**
   * Who may open it (the menu offers it to the same roles; the server enforces the real rule).
   * Absent: anyone signed in.
   */
  roles?: readonly Role[];
  shell?: Shell;
  /** A React key, so moving between two routes of one page (new → edit) starts the page afresh. */
  pageKey?: string;
  nav?: NavEntry;
}

/** Provider staff and customers: O&M records, resident presence, staffing and the asset pages are read by both. */
const RECORD_READERS: readonly Role[] = [...PROVIDER_STAFF, ...CUSTOMER_ROLES];
/** Inspection plans and checklist templates: set up by the service manager. */
const INSPECTION_SETUP: readonly Role[] = ['service_manager'];

const TicketDetailPage = lazyPage(() => import('../features/tickets/TicketDetailPage'));
const RecordEditorPage = lazyPage(() => import('../features/records/RecordEditorPage'));
const CustomerArchivePage = lazyPage(() => import('../features/assets/CustomerArchivePage'));
const KbEditorPage = lazyPage(() => import('../features/knowledge/KbEditorPage'));
const archive: NavEntry = { label: 'nav.archive', icon: HistoryOutlined };

export const ROUTES: readonly PageRoute[] = [
  { path: '/verify/:id', shell: 'public', page: lazyPage(() => import('../features/verify/VerifyPage')) },
  // The one-time rating link from the e-mail (满意度评价).
  { path: '/rate/:token', shell: 'public', page: lazyPage(() => import('../features/satisfaction/RatePage')) },
  {
    path: '/change-password',
    shell: 'password',
    page: lazyPage(() => import('../features/auth/ChangePasswordPage')),
  },
  {
    path: '/tickets',
    shell: 'plain',
    roles: PROVIDER_STAFF,
    page: lazyPage(() => import('../features/tickets/TicketQueuePage')),
    nav: { label: 'nav.tickets', icon: UnorderedListOutlined, badge: 'unassigned' },
  },
  {
    path: '/work',
    roles: WORK_PAGE_ROLES,
    page: lazyPage(() => import('../features/start/WorkPage')),
    nav: { label: 'start.nav', icon: HomeOutlined },
  },
  {
    path: '/dashboard',
    roles: PROVIDER_STAFF,
    page: lazyPage(() => import('../features/dashboard/DashboardPage')),
    nav: { label: 'nav.dashboard', icon: DashboardOutlined },
  },
  { path: '/tickets/:id', roles: PROVIDER_STAFF, page: TicketDetailPage },
  {
    path: '/intake',
    roles: PROVIDER_STAFF,
    page: lazyPage(() => import('../features/intake/IntakePage')),
    nav: { label: 'nav.intake', icon: PhoneOutlined },
  },
  {
    path: '/field',
    roles: PROVIDER_STAFF,
    page: lazyPage(() => import('../features/fieldwork/FieldPage')),
    nav: { label: 'nav.field', icon: EnvironmentOutlined },
  },
  {
    path: '/records',
    roles: RECORD_READERS,
    page: lazyPage(() => import('../features/records/RecordListPage')),
    nav: { label: 'nav.records', icon: FileDoneOutlined, badge: 'toSign' },
  },
  { path: '/records/new', roles: RECORD_AUTHORS, page: RecordEditorPage },
  {
    path: '/records/:id',
    roles: RECORD_READERS,
    page: lazyPage(() => import('../features/records/RecordDetailPage')),
  },
  { path: '/records/:id/edit', roles: RECORD_AUTHORS, page: RecordEditorPage, pageKey: 'edit' },
  {
    path: '/presence',
    roles: RECORD_READERS,
    page: lazyPage(() => import('../features/presence/PresencePage')),
    nav: { label: 'nav.presence', icon: CalendarOutlined },
  },
  {
    path: '/staffing',
    roles: RECORD_READERS,
    page: lazyPage(() => import('../features/staffing/StaffingPage')),
    nav: { label: 'nav.staffing', icon: SolutionOutlined },
  },
  {
    path: '/assets',
    roles: RECORD_READERS,
    page: lazyPage(() => import('../features/assets/AssetLedgerPage')),
    nav: { label: 'nav.assets', icon: DatabaseOutlined },
  },
  {
    path: '/assets/:id',
    roles: RECORD_READERS,
    page: lazyPage(() => import('../features/assets/AssetDetailPage')),
  },
  {
    path: '/warranty',
    roles: RECORD_READERS,
    page: lazyPage(() => import('../features/assets/WarrantyPage')),
    nav: { label: 'nav.warranty', icon: SafetyCertificateOutlined },
  },
  { path: '/archive', roles: RECORD_READERS, page: CustomerArchivePage, nav: archive },
  {
    path: '/customers/:id/archive',
    roles: RECORD_READERS,
    page: CustomerArchivePage,
    nav: { ...archive, link: (me) => `/customers/${encodeURIComponent(me.orgId)}/archive` },
  },
  {
    path: '/repair-points',
    roles: RECORD_READERS,
    page: lazyPage(() => import('../features/repairs/RepairPointsPage')),
    nav: { label: 'nav.repairPoints', icon: ToolOutlined },
  },
  {
    path: '/inspections',
    roles: RECORD_READERS,
    page: lazyPage(() => import('../features/inspections/TaskListPage')),
    nav: { label: 'nav.inspections', icon: FileSearchOutlined, badge: 'inspectionsDue' },
  },
  {
    path: '/inspections/tasks/:id',
    roles: RECORD_READERS,
    page: lazyPage(() => import('../features/inspections/TaskRunPage')),
  },
  {
    path: '/inspections/plans',
    roles: INSPECTION_SETUP,
    page: lazyPage(() => import('../features/inspections/PlansPage')),
    nav: { label: 'insp.plansTitle', icon: ScheduleOutlined },
  },
  {
    path: '/inspections/templates',
    roles: INSPECTION_SETUP,
    page: lazyPage(() => import('../features/inspections/TemplatesPage')),
    nav: { label: 'insp.templatesTitle', icon: OrderedListOutlined },
  },
  {
    path: '/training',
    roles: RECORD_READERS,
    page: lazyPage(() => import('../features/training/TrainingPlansPage')),
    nav: { label: 'training.nav', icon: ReadOutlined },
  },
  {
    path: '/training/plans/:id',
    roles: RECORD_READERS,
    page: lazyPage(() => import('../features/training/PlanDetailPage')),
  },
  {
    path: '/kb',
    roles: RECORD_READERS,
    page: lazyPage(() => import('../features/knowledge/KbListPage')),
    nav: { label: 'kb.nav', icon: BookOutlined },
  },
  { path: '/kb/new', roles: PROVIDER_STAFF, page: KbEditorPage },
  {
    path: '/kb/articles/:id',
    roles: RECORD_READERS,
    page: lazyPage(() => import('../features/knowledge/KbArticlePage')),
  },
  { path: '/kb/articles/:id/edit', roles: PROVIDER_STAFF, page: KbEditorPage, pageKey: 'edit' },
  {
    path: '/ratings',
    roles: CUSTOMER_ROLES,
    page: lazyPage(() => import('../features/satisfaction/MyRatingsPage')),
    nav: { label: 'satisfaction.navMine', icon: StarOutlined },
  },
  {
    path: '/satisfaction',
    roles: RECORD_READERS,
    page: lazyPage(() => import('../features/satisfaction/SatisfactionPage')),
    nav: { label: 'satisfaction.nav', icon: SmileOutlined },
  },
  {
    path: '/feedback',
    roles: RECORD_READERS,
    page: lazyPage(() => import('../features/feedback/FeedbackListPage')),
    nav: { label: 'feedback.nav', icon: MessageOutlined },
  },
  {
    path: '/feedback/:id',
    roles: RECORD_READERS,
    page: lazyPage(() => import('../features/feedback/FeedbackDetailPage')),
  },
  {
    path: '/costs',
    roles: COST_READERS,
    page: lazyPage(() => import('../features/repairs/CostStatementPage')),
    nav: { label: 'nav.costs', icon: AccountBookOutlined },
  },
  {
    path: '/analytics',
    roles: REPORT_READERS,
    page: lazyPage(() => import('../features/reports/AnalyticsPage')),
    nav: { label: 'reports.nav.analytics', icon: BarChartOutlined },
  },
  {
    path: '/commitments',
    roles: REPORT_READERS,
    page: lazyPage(() => import('../features/reports/CommitmentsPage')),
    nav: { label: 'reports.nav.commitments', icon: CarryOutOutlined },
  },
  {
    path: '/monthly-reports',
    roles: REPORT_READERS,
    page: lazyPage(() => import('../features/reports/MonthlyReportsPage')),
    nav: { label: 'reports.nav.monthlyReports', icon: FileTextOutlined },
  },
  {
    path: '/portal/report',
    roles: CUSTOMER_ROLES,
    page: lazyPage(() => import('../features/portal/ReportFaultPage')),
    nav: { label: 'nav.report', icon: FileAddOutlined },
  },
  {
    path: '/portal/tickets',
    roles: CUSTOMER_ROLES,
    page: lazyPage(() => import('../features/portal/MyTicketsPage')),
    nav: { label: 'nav.myTickets', icon: ProfileOutlined },
  },
  { path: '/portal/tickets/:id', roles: CUSTOMER_ROLES, page: TicketDetailPage },
  {
    path: '/admin/customers',
    roles: ADMIN_ORG_ROLES,
    page: lazyPage(() => import('../features/admin/CustomersPage')),
    nav: { label: 'nav.customers', icon: BankOutlined },
  },
  {
    path: '/admin/projects',
    roles: ADMIN_ORG_ROLES,
    page: lazyPage(() => import('../features/admin/ProjectsPage')),
    nav: { label: 'nav.projects', icon: ProjectOutlined },
  },
  {
    path: '/admin/projects/:id/contracts',
    roles: ADMIN_ORG_ROLES,
    page: lazyPage(() => import('../features/admin/ContractsPage')),
  },
  {
    path: '/admin/holidays',
    roles: ADMIN_ORG_ROLES,
    page: lazyPage(() => import('../features/holidays/HolidayYearsPage')),
    nav: { label: 'holidays.nav', icon: CalendarOutlined },
  },
  {
    path: '/admin/users',
    roles: USER_ADMIN_ROLES,
    page: lazyPage(() => import('../features/admin/UsersPage')),
    nav: { label: 'nav.users', icon: TeamOutlined },
  },
  {
    path: '/admin/security',
    roles: ['security_admin'],
    page: lazyPage(() => import('../features/security/SecurityPolicyPage')),
    nav: { label: 'nav.security', icon: SafetyOutlined },
  },
  {
    path: '/audit',
    roles: ['auditor'],
    page: lazyPage(() => import('../features/audit/AuditPage')),
    nav: { label: 'nav.audit', icon: AuditOutlined },
  },
  { path: '/notifications', page: lazyPage(() => import('../features/notifications/NotificationCentrePage')) },
];

/** The route at `path` (as written in ROUTES). */
export function routeAt(path: string): PageRoute {
  const route = ROUTES.find((r) => r.path === path);
  if (!route) throw new Error(`no route ${path}`);
  return route;
}
