import { Children, isValidElement, Suspense, type ReactNode } from 'react';
import { createRoutesFromChildren, matchRoutes, Outlet, Route, Routes } from 'react-router-dom';
import type { QueryClient } from '@tanstack/react-query';
import { type LazyPage, lazyPage } from '../components/lazyPage';
import { meQuery } from '../features/auth/useMe';
import { prefetchQueue } from '../features/tickets/queuePrefetch';
import { AntScope, loadAntProviders, useMarkContentShown } from './AntScope';
import { AppLayout } from './AppLayout';
import { FullPageSpin, HomeRedirect, NotFound, RequireAuth, RequireRole } from './guards';
import {
  hasRole,
  ADMIN_ORG_ROLES,
  COST_READERS,
  CUSTOMER_ROLES,
  PROVIDER_STAFF,
  RECORD_AUTHORS,
  REPORT_READERS,
  USER_ADMIN_ROLES,
  WORK_PAGE_ROLES,
} from './roles';

// Every page is its own chunk so the first load carries only the shell (and echarts only the dashboard).
// The signed-in layout is plain markup and part of this table's chunk. The sign-in page is not here: Root serves it without antd.
const VerifyPage = lazyPage(() => import('../features/verify/VerifyPage'));
const ChangePasswordPage = lazyPage(() => import('../features/auth/ChangePasswordPage'));
const DashboardPage = lazyPage(() => import('../features/dashboard/DashboardPage'));
const WorkPage = lazyPage(() => import('../features/start/WorkPage'));
const HolidayYearsPage = lazyPage(() => import('../features/holidays/HolidayYearsPage'));
const TicketQueuePage = lazyPage(() => import('../features/tickets/TicketQueuePage'));
const TicketDetailPage = lazyPage(() => import('../features/tickets/TicketDetailPage'));
const IntakePage = lazyPage(() => import('../features/intake/IntakePage'));
const ReportFaultPage = lazyPage(() => import('../features/portal/ReportFaultPage'));
const MyTicketsPage = lazyPage(() => import('../features/portal/MyTicketsPage'));
const CustomersPage = lazyPage(() => import('../features/admin/CustomersPage'));
const ProjectsPage = lazyPage(() => import('../features/admin/ProjectsPage'));
const ContractsPage = lazyPage(() => import('../features/admin/ContractsPage'));
const UsersPage = lazyPage(() => import('../features/admin/UsersPage'));
const AuditPage = lazyPage(() => import('../features/audit/AuditPage'));
const SecurityPolicyPage = lazyPage(() => import('../features/security/SecurityPolicyPage'));
const FieldPage = lazyPage(() => import('../features/fieldwork/FieldPage'));
const RecordListPage = lazyPage(() => import('../features/records/RecordListPage'));
const RecordDetailPage = lazyPage(() => import('../features/records/RecordDetailPage'));
const RecordEditorPage = lazyPage(() => import('../features/records/RecordEditorPage'));
const PresencePage = lazyPage(() => import('../features/presence/PresencePage'));
const StaffingPage = lazyPage(() => import('../features/staffing/StaffingPage'));
const AssetLedgerPage = lazyPage(() => import('../features/assets/AssetLedgerPage'));
const AssetDetailPage = lazyPage(() => import('../features/assets/AssetDetailPage'));
const WarrantyPage = lazyPage(() => import('../features/assets/WarrantyPage'));
const CustomerArchivePage = lazyPage(() => import('../features/assets/CustomerArchivePage'));
const CostStatementPage = lazyPage(() => import('../features/repairs/CostStatementPage'));
const RepairPointsPage = lazyPage(() => import('../features/repairs/RepairPointsPage'));
const InspectionTasksPage = lazyPage(() => import('../features/inspections/TaskListPage'));
const InspectionRunPage = lazyPage(() => import('../features/inspections/TaskRunPage'));
const InspectionPlansPage = lazyPage(() => import('../features/inspections/PlansPage'));
const ChecklistTemplatesPage = lazyPage(() => import('../features/inspections/TemplatesPage'));
const TrainingPlansPage = lazyPage(() => import('../features/training/TrainingPlansPage'));
const TrainingPlanDetailPage = lazyPage(() => import('../features/training/PlanDetailPage'));
const KbListPage = lazyPage(() => import('../features/knowledge/KbListPage'));
const KbArticlePage = lazyPage(() => import('../features/knowledge/KbArticlePage'));
const KbEditorPage = lazyPage(() => import('../features/knowledge/KbEditorPage'));
const RatePage = lazyPage(() => import('../features/satisfaction/RatePage'));
const MyRatingsPage = lazyPage(() => import('../features/satisfaction/MyRatingsPage'));
const SatisfactionPage = lazyPage(() => import('../features/satisfaction/SatisfactionPage'));
const FeedbackListPage = lazyPage(() => import('../features/feedback/FeedbackListPage'));
const FeedbackDetailPage = lazyPage(() => import('../features/feedback/FeedbackDetailPage'));
const AnalyticsPage = lazyPage(() => import('../features/reports/AnalyticsPage'));
const CommitmentsPage = lazyPage(() => import('../features/reports/CommitmentsPage'));
const MonthlyReportsPage = lazyPage(() => import('../features/reports/MonthlyReportsPage'));
const NotificationCentrePage = lazyPage(() => import('../features/notifications/NotificationCentrePage'));

const AUDITOR = ['auditor'] as const;
const SECURITY_ADMIN = ['security_admin'] as const;
/** Provider staff and customers: O&M records, resident presence, staffing and the asset pages are read by both. */
const RECORD_READERS = [...PROVIDER_STAFF, ...CUSTOMER_ROLES];
/** Inspection plans and checklist templates: set up by the service manager. */
const INSPECTION_SETUP = ['service_manager'] as const;

/** The antd scope of the pages built with antd (all but the plain ones); preloaded with the route's page. */
function AntOutlet() {
  // These pages need antd now: the deferred scopes (header widgets) need not wait either.
  useMarkContentShown(true);
  return (
    <AntScope>
      <Outlet />
    </AntScope>
  );
}

AntOutlet.preload = loadAntProviders;

const routeTree = (
  <>
    {/* Pages without the layout: antd comes with them (the layout's pages get it from AppLayout). */}
    <Route
      path="/verify/:id"
      element={
        <AntScope bridge>
          <VerifyPage />
        </AntScope>
      }
    />
    {/* The one-time rating link from the e-mail (满意度评价): no sign-in. */}
    <Route
      path="/rate/:token"
      element={
        <AntScope bridge>
          <RatePage />
        </AntScope>
      }
    />
    <Route element={<RequireAuth passwordPage />}>
      <Route
        path="/change-password"
        element={
          <AntScope bridge>
            <ChangePasswordPage />
          </AntScope>
        }
      />
    </Route>
    <Route element={<RequireAuth />}>
      <Route element={<AppLayout />}>
        {/* Plain pages: they paint before antd's chunk arrives and bring their antd parts in their own scopes. */}
        <Route
          path="tickets"
          element={
            <RequireRole roles={PROVIDER_STAFF}>
              <TicketQueuePage />
            </RequireRole>
          }
        />
        {/* Every other page: inside one antd scope, kept while moving between them. */}
        <Route element={<AntOutlet />}>
          <Route index element={<HomeRedirect />} />
          <Route
            path="work"
            element={
              <RequireRole roles={WORK_PAGE_ROLES}>
                <WorkPage />
              </RequireRole>
            }
          />
          <Route
            path="dashboard"
            element={
              <RequireRole roles={PROVIDER_STAFF}>
                <DashboardPage />
              </RequireRole>
            }
          />
          <Route
            path="tickets/:id"
            element={
              <RequireRole roles={PROVIDER_STAFF}>
                <TicketDetailPage />
              </RequireRole>
            }
          />
          <Route
            path="intake"
            element={
              <RequireRole roles={PROVIDER_STAFF}>
                <IntakePage />
              </RequireRole>
            }
          />
          <Route
            path="field"
            element={
              <RequireRole roles={PROVIDER_STAFF}>
                <FieldPage />
              </RequireRole>
            }
          />
          <Route
            path="records"
            element={
              <RequireRole roles={RECORD_READERS}>
                <RecordListPage />
              </RequireRole>
            }
          />
          <Route
            path="records/new"
            element={
              <RequireRole roles={RECORD_AUTHORS}>
                <RecordEditorPage />
              </RequireRole>
            }
          />
          <Route
            path="records/:id"
            element={
              <RequireRole roles={RECORD_READERS}>
                <RecordDetailPage />
              </RequireRole>
            }
          />
          <Route
            path="records/:id/edit"
            element={
              <RequireRole roles={RECORD_AUTHORS}>
                <RecordEditorPage key="edit" />
              </RequireRole>
            }
          />
          <Route
            path="presence"
            element={
              <RequireRole roles={RECORD_READERS}>
                <PresencePage />
              </RequireRole>
            }
          />
          <Route
            path="staffing"
            element={
              <RequireRole roles={RECORD_READERS}>
                <StaffingPage />
              </RequireRole>
            }
          />
          <Route
            path="assets"
            element={
              <RequireRole roles={RECORD_READERS}>
                <AssetLedgerPage />
              </RequireRole>
            }
          />
          <Route
            path="assets/:id"
            element={
              <RequireRole roles={RECORD_READERS}>
                <AssetDetailPage />
              </RequireRole>
            }
          />
          <Route
            path="warranty"
            element={
              <RequireRole roles={RECORD_READERS}>
                <WarrantyPage />
              </RequireRole>
            }
          />
          <Route
            path="archive"
            element={
              <RequireRole roles={RECORD_READERS}>
                <CustomerArchivePage />
              </RequireRole>
            }
          />
          <Route
            path="customers/:id/archive"
            element={
              <RequireRole roles={RECORD_READERS}>
                <CustomerArchivePage />
              </RequireRole>
            }
          />
          <Route
            path="repair-points"
            element={
              <RequireRole roles={RECORD_READERS}>
                <RepairPointsPage />
              </RequireRole>
            }
          />
          <Route
            path="inspections"
            element={
              <RequireRole roles={RECORD_READERS}>
                <InspectionTasksPage />
              </RequireRole>
            }
          />
          <Route
            path="inspections/tasks/:id"
            element={
              <RequireRole roles={RECORD_READERS}>
                <InspectionRunPage />
              </RequireRole>
            }
          />
          <Route
            path="inspections/plans"
            element={
              <RequireRole roles={INSPECTION_SETUP}>
                <InspectionPlansPage />
              </RequireRole>
            }
          />
          <Route
            path="inspections/templates"
            element={
              <RequireRole roles={INSPECTION_SETUP}>
                <ChecklistTemplatesPage />
              </RequireRole>
            }
          />
          <Route
            path="training"
            element={
              <RequireRole roles={RECORD_READERS}>
                <TrainingPlansPage />
              </RequireRole>
            }
          />
          <Route
            path="training/plans/:id"
            element={
              <RequireRole roles={RECORD_READERS}>
                <TrainingPlanDetailPage />
              </RequireRole>
            }
          />
          <Route
            path="kb"
            element={
              <RequireRole roles={RECORD_READERS}>
                <KbListPage />
              </RequireRole>
            }
          />
          <Route
            path="kb/new"
            element={
              <RequireRole roles={PROVIDER_STAFF}>
                <KbEditorPage />
              </RequireRole>
            }
          />
          <Route
            path="kb/articles/:id"
            element={
              <RequireRole roles={RECORD_READERS}>
                <KbArticlePage />
              </RequireRole>
            }
          />
          <Route
            path="kb/articles/:id/edit"
            element={
              <RequireRole roles={PROVIDER_STAFF}>
                <KbEditorPage key="edit" />
              </RequireRole>
            }
          />
          <Route
            path="ratings"
            element={
              <RequireRole roles={CUSTOMER_ROLES}>
                <MyRatingsPage />
              </RequireRole>
            }
          />
          <Route
            path="satisfaction"
            element={
              <RequireRole roles={RECORD_READERS}>
                <SatisfactionPage />
              </RequireRole>
            }
          />
          <Route
            path="feedback"
            element={
              <RequireRole roles={RECORD_READERS}>
                <FeedbackListPage />
              </RequireRole>
            }
          />
          <Route
            path="feedback/:id"
            element={
              <RequireRole roles={RECORD_READERS}>
                <FeedbackDetailPage />
              </RequireRole>
            }
          />
          <Route
            path="costs"
            element={
              <RequireRole roles={COST_READERS}>
                <CostStatementPage />
              </RequireRole>
            }
          />
          <Route
            path="analytics"
            element={
              <RequireRole roles={REPORT_READERS}>
                <AnalyticsPage />
              </RequireRole>
            }
          />
          <Route
            path="commitments"
            element={
              <RequireRole roles={REPORT_READERS}>
                <CommitmentsPage />
              </RequireRole>
            }
          />
          <Route
            path="monthly-reports"
            element={
              <RequireRole roles={REPORT_READERS}>
                <MonthlyReportsPage />
              </RequireRole>
            }
          />
          <Route
            path="portal/report"
            element={
              <RequireRole roles={CUSTOMER_ROLES}>
                <ReportFaultPage />
              </RequireRole>
            }
          />
          <Route
            path="portal/tickets"
            element={
              <RequireRole roles={CUSTOMER_ROLES}>
                <MyTicketsPage />
              </RequireRole>
            }
          />
          <Route
            path="portal/tickets/:id"
            element={
              <RequireRole roles={CUSTOMER_ROLES}>
                <TicketDetailPage />
              </RequireRole>
            }
          />
          <Route
            path="admin/customers"
            element={
              <RequireRole roles={ADMIN_ORG_ROLES}>
                <CustomersPage />
              </RequireRole>
            }
          />
          <Route
            path="admin/projects"
            element={
              <RequireRole roles={ADMIN_ORG_ROLES}>
                <ProjectsPage />
              </RequireRole>
            }
          />
          <Route
            path="admin/projects/:id/contracts"
            element={
              <RequireRole roles={ADMIN_ORG_ROLES}>
                <ContractsPage />
              </RequireRole>
            }
          />
          <Route
            path="admin/holidays"
            element={
              <RequireRole roles={ADMIN_ORG_ROLES}>
                <HolidayYearsPage />
              </RequireRole>
            }
          />
          <Route
            path="admin/users"
            element={
              <RequireRole roles={USER_ADMIN_ROLES}>
                <UsersPage />
              </RequireRole>
            }
          />
          <Route
            path="admin/security"
            element={
              <RequireRole roles={SECURITY_ADMIN}>
                <SecurityPolicyPage />
              </RequireRole>
            }
          />
          <Route
            path="audit"
            element={
              <RequireRole roles={AUDITOR}>
                <AuditPage />
              </RequireRole>
            }
          />
          <Route path="notifications" element={<NotificationCentrePage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Route>
    </Route>
  </>
);

/** Starts loading the chunks (layout and page) of the route at `pathname`, e.g. while the session probe runs. */
export function preloadRoute(pathname: string): void {
  const preload = (node: ReactNode): void => {
    if (!isValidElement<{ children?: ReactNode }>(node)) return;
    void (node.type as Partial<LazyPage>).preload?.();
    Children.forEach(node.props.children, preload);
  };
  for (const match of matchRoutes(createRoutesFromChildren(routeTree), pathname) ?? []) preload(match.route.element);
}

/**
 * Starts the data of the page at `pathname` as soon as the session is known, for the page whose first
 * paint waits on one query (the queue): its rows arrive with its code instead of after it.
 */
export async function prefetchRouteData(client: QueryClient, pathname: string, search: string): Promise<void> {
  if (pathname !== '/tickets') return;
  const me = await client.fetchQuery(meQuery).catch(() => null);
  if (me && !me.mustChangePassword && hasRole(me, PROVIDER_STAFF)) prefetchQueue(client, me, search);
}

export function App() {
  return (
    <Suspense fallback={<FullPageSpin asMain />}>
      <Routes>{routeTree}</Routes>
    </Suspense>
  );
}
