import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { FullPageSpin, HomeRedirect, NotFound, RequireAuth, RequireRole } from './guards';
import { ADMIN_ORG_ROLES, COST_READERS, CUSTOMER_ROLES, PROVIDER_STAFF, RECORD_AUTHORS, REPORT_READERS, USER_ADMIN_ROLES, WORK_PAGE_ROLES } from './roles';

// Every page is its own chunk so the first load carries only the shell (and echarts only the dashboard).
// The signed-in layout (menu, header, bell) is one too: the login page loads none of it.
const AppLayout = lazy(() => import('./AppLayout').then((m) => ({ default: m.AppLayout })));
const VerifyPage = lazy(() => import('../features/verify/VerifyPage'));
const LoginPage = lazy(() => import('../features/auth/LoginPage'));
const ChangePasswordPage = lazy(() => import('../features/auth/ChangePasswordPage'));
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage'));
const WorkPage = lazy(() => import('../features/start/WorkPage'));
const HolidayYearsPage = lazy(() => import('../features/holidays/HolidayYearsPage'));
const TicketQueuePage = lazy(() => import('../features/tickets/TicketQueuePage'));
const TicketDetailPage = lazy(() => import('../features/tickets/TicketDetailPage'));
const IntakePage = lazy(() => import('../features/intake/IntakePage'));
const ReportFaultPage = lazy(() => import('../features/portal/ReportFaultPage'));
const MyTicketsPage = lazy(() => import('../features/portal/MyTicketsPage'));
const CustomersPage = lazy(() => import('../features/admin/CustomersPage'));
const ProjectsPage = lazy(() => import('../features/admin/ProjectsPage'));
const ContractsPage = lazy(() => import('../features/admin/ContractsPage'));
const UsersPage = lazy(() => import('../features/admin/UsersPage'));
const AuditPage = lazy(() => import('../features/audit/AuditPage'));
const SecurityPolicyPage = lazy(() => import('../features/security/SecurityPolicyPage'));
const FieldPage = lazy(() => import('../features/fieldwork/FieldPage'));
const RecordListPage = lazy(() => import('../features/records/RecordListPage'));
const RecordDetailPage = lazy(() => import('../features/records/RecordDetailPage'));
const RecordEditorPage = lazy(() => import('../features/records/RecordEditorPage'));
const PresencePage = lazy(() => import('../features/presence/PresencePage'));
const StaffingPage = lazy(() => import('../features/staffing/StaffingPage'));
const AssetLedgerPage = lazy(() => import('../features/assets/AssetLedgerPage'));
const AssetDetailPage = lazy(() => import('../features/assets/AssetDetailPage'));
const WarrantyPage = lazy(() => import('../features/assets/WarrantyPage'));
const CustomerArchivePage = lazy(() => import('../features/assets/CustomerArchivePage'));
const CostStatementPage = lazy(() => import('../features/repairs/CostStatementPage'));
const RepairPointsPage = lazy(() => import('../features/repairs/RepairPointsPage'));
const InspectionTasksPage = lazy(() => import('../features/inspections/TaskListPage'));
const InspectionRunPage = lazy(() => import('../features/inspections/TaskRunPage'));
const InspectionPlansPage = lazy(() => import('../features/inspections/PlansPage'));
const ChecklistTemplatesPage = lazy(() => import('../features/inspections/TemplatesPage'));
const TrainingPlansPage = lazy(() => import('../features/training/TrainingPlansPage'));
const TrainingPlanDetailPage = lazy(() => import('../features/training/PlanDetailPage'));
const KbListPage = lazy(() => import('../features/knowledge/KbListPage'));
const KbArticlePage = lazy(() => import('../features/knowledge/KbArticlePage'));
const KbEditorPage = lazy(() => import('../features/knowledge/KbEditorPage'));
const RatePage = lazy(() => import('../features/satisfaction/RatePage'));
const MyRatingsPage = lazy(() => import('../features/satisfaction/MyRatingsPage'));
const SatisfactionPage = lazy(() => import('../features/satisfaction/SatisfactionPage'));
const FeedbackListPage = lazy(() => import('../features/feedback/FeedbackListPage'));
const FeedbackDetailPage = lazy(() => import('../features/feedback/FeedbackDetailPage'));
const AnalyticsPage = lazy(() => import('../features/reports/AnalyticsPage'));
const CommitmentsPage = lazy(() => import('../features/reports/CommitmentsPage'));
const MonthlyReportsPage = lazy(() => import('../features/reports/MonthlyReportsPage'));
const NotificationCentrePage = lazy(() => import('../features/notifications/NotificationCentrePage'));

const AUDITOR = ['auditor'] as const;
const SECURITY_ADMIN = ['security_admin'] as const;
/** Provider staff and customers: O&M records, resident presence, staffing and the asset pages are read by both. */
const RECORD_READERS = [...PROVIDER_STAFF, ...CUSTOMER_ROLES];
/** Inspection plans and checklist templates: set up by the service manager. */
const INSPECTION_SETUP = ['service_manager'] as const;

export function App() {
  return (
    <Suspense fallback={<FullPageSpin asMain />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/verify/:id" element={<VerifyPage />} />
        {/* The one-time rating link from the e-mail (满意度评价): no sign-in. */}
        <Route path="/rate/:token" element={<RatePage />} />
        <Route element={<RequireAuth passwordPage />}>
          <Route path="/change-password" element={<ChangePasswordPage />} />
        </Route>
        <Route element={<RequireAuth />}>
          <Route element={<AppLayout />}>
            <Route index element={<HomeRedirect />} />
            <Route path="work" element={<RequireRole roles={WORK_PAGE_ROLES}><WorkPage /></RequireRole>} />
            <Route path="dashboard" element={<RequireRole roles={PROVIDER_STAFF}><DashboardPage /></RequireRole>} />
            <Route path="tickets" element={<RequireRole roles={PROVIDER_STAFF}><TicketQueuePage /></RequireRole>} />
            <Route path="tickets/:id" element={<RequireRole roles={PROVIDER_STAFF}><TicketDetailPage /></RequireRole>} />
            <Route path="intake" element={<RequireRole roles={PROVIDER_STAFF}><IntakePage /></RequireRole>} />
            <Route path="field" element={<RequireRole roles={PROVIDER_STAFF}><FieldPage /></RequireRole>} />
            <Route path="records" element={<RequireRole roles={RECORD_READERS}><RecordListPage /></RequireRole>} />
            <Route path="records/new" element={<RequireRole roles={RECORD_AUTHORS}><RecordEditorPage /></RequireRole>} />
            <Route path="records/:id" element={<RequireRole roles={RECORD_READERS}><RecordDetailPage /></RequireRole>} />
            <Route path="records/:id/edit" element={<RequireRole roles={RECORD_AUTHORS}><RecordEditorPage key="edit" /></RequireRole>} />
            <Route path="presence" element={<RequireRole roles={RECORD_READERS}><PresencePage /></RequireRole>} />
            <Route path="staffing" element={<RequireRole roles={RECORD_READERS}><StaffingPage /></RequireRole>} />
            <Route path="assets" element={<RequireRole roles={RECORD_READERS}><AssetLedgerPage /></RequireRole>} />
            <Route path="assets/:id" element={<RequireRole roles={RECORD_READERS}><AssetDetailPage /></RequireRole>} />
            <Route path="warranty" element={<RequireRole roles={RECORD_READERS}><WarrantyPage /></RequireRole>} />
            <Route path="archive" element={<RequireRole roles={RECORD_READERS}><CustomerArchivePage /></RequireRole>} />
            <Route path="customers/:id/archive" element={<RequireRole roles={RECORD_READERS}><CustomerArchivePage /></RequireRole>} />
            <Route path="repair-points" element={<RequireRole roles={RECORD_READERS}><RepairPointsPage /></RequireRole>} />
            <Route path="inspections" element={<RequireRole roles={RECORD_READERS}><InspectionTasksPage /></RequireRole>} />
            <Route path="inspections/tasks/:id" element={<RequireRole roles={RECORD_READERS}><InspectionRunPage /></RequireRole>} />
            <Route path="inspections/plans" element={<RequireRole roles={INSPECTION_SETUP}><InspectionPlansPage /></RequireRole>} />
            <Route path="inspections/templates" element={<RequireRole roles={INSPECTION_SETUP}><ChecklistTemplatesPage /></RequireRole>} />
            <Route path="training" element={<RequireRole roles={RECORD_READERS}><TrainingPlansPage /></RequireRole>} />
            <Route path="training/plans/:id" element={<RequireRole roles={RECORD_READERS}><TrainingPlanDetailPage /></RequireRole>} />
            <Route path="kb" element={<RequireRole roles={RECORD_READERS}><KbListPage /></RequireRole>} />
            <Route path="kb/new" element={<RequireRole roles={PROVIDER_STAFF}><KbEditorPage /></RequireRole>} />
            <Route path="kb/articles/:id" element={<RequireRole roles={RECORD_READERS}><KbArticlePage /></RequireRole>} />
            <Route path="kb/articles/:id/edit" element={<RequireRole roles={PROVIDER_STAFF}><KbEditorPage key="edit" /></RequireRole>} />
            <Route path="ratings" element={<RequireRole roles={CUSTOMER_ROLES}><MyRatingsPage /></RequireRole>} />
            <Route path="satisfaction" element={<RequireRole roles={RECORD_READERS}><SatisfactionPage /></RequireRole>} />
            <Route path="feedback" element={<RequireRole roles={RECORD_READERS}><FeedbackListPage /></RequireRole>} />
            <Route path="feedback/:id" element={<RequireRole roles={RECORD_READERS}><FeedbackDetailPage /></RequireRole>} />
            <Route path="costs" element={<RequireRole roles={COST_READERS}><CostStatementPage /></RequireRole>} />
            <Route path="analytics" element={<RequireRole roles={REPORT_READERS}><AnalyticsPage /></RequireRole>} />
            <Route path="commitments" element={<RequireRole roles={REPORT_READERS}><CommitmentsPage /></RequireRole>} />
            <Route path="monthly-reports" element={<RequireRole roles={REPORT_READERS}><MonthlyReportsPage /></RequireRole>} />
            <Route path="portal/report" element={<RequireRole roles={CUSTOMER_ROLES}><ReportFaultPage /></RequireRole>} />
            <Route path="portal/tickets" element={<RequireRole roles={CUSTOMER_ROLES}><MyTicketsPage /></RequireRole>} />
            <Route path="portal/tickets/:id" element={<RequireRole roles={CUSTOMER_ROLES}><TicketDetailPage /></RequireRole>} />
            <Route path="admin/customers" element={<RequireRole roles={ADMIN_ORG_ROLES}><CustomersPage /></RequireRole>} />
            <Route path="admin/projects" element={<RequireRole roles={ADMIN_ORG_ROLES}><ProjectsPage /></RequireRole>} />
            <Route path="admin/projects/:id/contracts" element={<RequireRole roles={ADMIN_ORG_ROLES}><ContractsPage /></RequireRole>} />
            <Route path="admin/holidays" element={<RequireRole roles={ADMIN_ORG_ROLES}><HolidayYearsPage /></RequireRole>} />
            <Route path="admin/users" element={<RequireRole roles={USER_ADMIN_ROLES}><UsersPage /></RequireRole>} />
            <Route path="admin/security" element={<RequireRole roles={SECURITY_ADMIN}><SecurityPolicyPage /></RequireRole>} />
            <Route path="audit" element={<RequireRole roles={AUDITOR}><AuditPage /></RequireRole>} />
            <Route path="notifications" element={<NotificationCentrePage />} />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Route>
      </Routes>
    </Suspense>
  );
}
