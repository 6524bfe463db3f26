import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { ArchiveService } from './modules/archive/service.js';
import { AssetImportService } from './modules/assets/import.js';
import { RepairPointService } from './modules/repairs/points.js';
import { RepairService } from './modules/repairs/service.js';
import { AssetService } from './modules/assets/service.js';
import { CostStatementService } from './modules/repairs/statement.js';
import { AuditService } from './modules/audit/service.js';
import { DashboardService } from './modules/dashboard/service.js';
import { InspectionExecution } from './modules/inspections/execution.js';
import { InspectionReport } from './modules/inspections/report.js';
import { InspectionService } from './modules/inspections/service.js';
import { InspectionPlans } from './modules/inspections/plans.js';
import { ChecklistTemplates } from './modules/inspections/templates.js';
import { AuthService } from './modules/auth/service.js';
import { RecordExports } from './modules/fieldwork/exports.js';
import { RecordService } from './modules/fieldwork/records.js';
import { RecordDrafts } from './modules/fieldwork/drafts.js';
import { RecordSignoff } from './modules/fieldwork/signoff.js';
import { VisitService } from './modules/fieldwork/visits.js';
import { Worker } from './modules/jobs/worker.js';
import { Mailer } from './modules/notifications/mailer.js';
import { NotificationService } from './modules/notifications/service.js';
import { PresenceService } from './modules/presence/service.js';
import { ProjectService } from './modules/projects/service.js';
import { StaffingService } from './modules/staffing/service.js';
import { SecurityPolicyService } from './modules/security/service.js';
import { createEventBus } from './events.js';
import { SlaAlerts } from './modules/sla/alerts.js';
import { SlaService } from './modules/sla/service.js';
import { TicketService } from './modules/tickets/service.js';
import { ClockReplanner } from './modules/tickets/replan.js';
import { FeedbackService } from './modules/feedback/service.js';
import { DeskService } from './modules/tickets/desk.js';
import { BadgeService } from './modules/me/service.js';
import { HolidayService } from './modules/holidays/service.js';
import { KnowledgeService } from './modules/knowledge/service.js';
import { SurveySchedules } from './modules/satisfaction/schedules.js';
import { SatisfactionService } from './modules/satisfaction/service.js';
import { TrainingMaterials } from './modules/training/materials.js';
import { TrainingReports } from './modules/training/reports.js';
import { TrainingService } from './modules/training/service.js';
import { UserRepository } from './modules/users/repository.js';
import { UserAccounts, UserReads } from './modules/users/directory.js';
import { UserService } from './modules/users/service.js';
import { AnalyticsService } from './modules/analytics/service.js';
import { CommitmentService } from './modules/commitments/service.js';
import { NotificationRepository } from './modules/notifications/repository.js';
import { ReportBuilder } from './modules/reports/builder.js';
import { ReportService } from './modules/reports/service.js';
import { AssetLookup } from './modules/assets/lookup.js';
import { AuditView } from './modules/audit/view.js';
import { RecordLookup } from './modules/fieldwork/lookup.js';
import { KbLookup } from './modules/knowledge/lookup.js';
import { ProjectLookup } from './modules/projects/lookup.js';
import { SearchService } from './modules/search/service.js';
import { SessionCache } from './modules/auth/session-cache.js';
import { TicketLookup } from './modules/tickets/lookup.js';
import { TrainingLookup } from './modules/training/lookup.js';
import { UserLookup } from './modules/users/lookup.js';

/** The service graph, built once per app (tests build one per database). */
export function buildServices(
  config: Config,
  database: Database,
  log: FastifyBaseLogger,
  now: () => number = Date.now,
) {
  const sessions = new SessionCache();
  const userRepo = new UserRepository((userId) => sessions.forgetUser(userId));
  const audit = new AuditService(database, now);
  const securityPolicy = new SecurityPolicyService(database, audit, config, now);
  const auth = new AuthService(database, new UserAccounts(userRepo), audit, securityPolicy, now, sessions);
  const users = new UserService(database, userRepo, audit, securityPolicy, now, auth);
  // What other modules read of users (never the repository itself).
  const userReads = new UserReads(userRepo);
  // Modules announce what happened on one bus (events.ts); the ports below reach services built later in this
  // function, so they are closures, called only once a request or job runs.
  const events = createEventBus();
  const projects: ProjectService = new ProjectService(database, userReads, audit, now, {
    events,
    holidayHorizon: (c) => holidays.horizon(c),
    replanContractClocks: (tx, ids, change) => clockReplanner.replanContractClocks(tx, ids, change),
  });
  const sla = new SlaService();
  const notifications = new NotificationService(database.db, now, audit);
  const tickets: TicketService = new TicketService({
    database,
    audit,
    sla,
    projects,
    users: userReads,
    notifications,
    now,
    dataDir: config.dataDir,
    backdateReasonMinutes: config.backdateReasonMinutes,
    backdateActionReasonMinutes: config.backdateActionReasonMinutes,
    events,
    repairs: {
      attach: (tx, meta, t, assetId) => repairs.attach(tx, meta, t, assetId),
      billable: (tx, ticketId, cause) => repairs.billable(tx, ticketId, cause),
    },
  });
  const clockReplanner: ClockReplanner = new ClockReplanner(tickets);
  const fieldDeps = {
    database,
    audit,
    projects,
    tickets,
    users: userReads,
    notifications,
    now,
    dataDir: config.dataDir,
  };
  const visits = new VisitService(fieldDeps);
  const records = new RecordService(fieldDeps);
  const recordDrafts = new RecordDrafts(fieldDeps, records);
  const recordSignoff = new RecordSignoff(fieldDeps, records);
  const recordExports = new RecordExports(fieldDeps, records);
  const presence = new PresenceService({ database, audit, projects, users: userReads, now });
  const staffing = new StaffingService({ database, audit, projects, users: userReads, now });
  const assets = new AssetService({
    database,
    audit,
    projects,
    notifications,
    now,
    dataDir: config.dataDir,
    // A position's warranty history reads the replacements the repairs module records.
    replacements: { into: (db, assetIds) => repairs.replacementsInto(db, assetIds) },
  });
  const repairPoints = new RepairPointService({ database, audit, projects, now });
  const repairs: RepairService = new RepairService({
    database,
    audit,
    projects,
    now,
    tickets,
    points: repairPoints,
    assets,
  });
  const assetImport = new AssetImportService(assets);
  const costStatements = new CostStatementService({ database, audit, projects, now });
  const archive = new ArchiveService({ database, audit, projects, assets });
  const inspections = new InspectionService({
    database,
    audit,
    projects,
    users: userReads,
    assets,
    notifications,
    now,
  });
  const inspectionTemplates = new ChecklistTemplates(inspections);
  const inspectionPlans = new InspectionPlans(inspections);
  const inspectionRuns = new InspectionExecution({
    inspections,
    tickets,
    records,
    drafts: recordDrafts,
    dataDir: config.dataDir,
  });
  const inspectionReport = new InspectionReport({
    inspections,
    runs: inspectionRuns,
    records,
    dataDir: config.dataDir,
  });
  const training = new TrainingService({
    database,
    audit,
    projects,
    users: userReads,
    notifications,
    now,
    dataDir: config.dataDir,
  });
  const trainingMaterials = new TrainingMaterials(training);
  const trainingReports = new TrainingReports(training);
  const satisfaction = new SatisfactionService({
    database,
    audit,
    projects,
    users: userReads,
    notifications,
    now,
    publicUrl: config.publicUrl,
  });
  events.on('ticket.resolved', (tx, t) => satisfaction.onResolved(tx, t));
  events.on('ticket.rated', (tx, meta, ticketId, score) => satisfaction.onConfirmed(tx, meta, ticketId, score));
  const surveySchedules = new SurveySchedules(satisfaction);
  const feedback = new FeedbackService({ database, audit, projects, notifications, now });
  const knowledge = new KnowledgeService({ database, audit, projects, tickets, now, dataDir: config.dataDir });
  const analytics = new AnalyticsService({ database, projects, presence, inspections, training, satisfaction, now });
  const commitments = new CommitmentService({
    database,
    audit,
    projects,
    presence,
    inspections,
    assets,
    training,
    satisfaction,
    analytics,
    now,
  });
  events.on('contract.created', (tx, c, at, by) => commitments.seed(tx, c, at, by));
  const builder = new ReportBuilder({
    database,
    projects,
    presence,
    inspections,
    training,
    satisfaction,
    commitments,
    analytics,
    now,
  });
  const reports = new ReportService({
    database,
    audit,
    projects,
    builder,
    mail: new NotificationRepository(),
    now,
    dataDir: config.dataDir,
  });
  const holidays: HolidayService = new HolidayService({
    database,
    audit,
    sla,
    projects,
    users: userReads,
    notifications,
    now,
    replanContractClocks: (tx, ids, change) => clockReplanner.replanContractClocks(tx, ids, change),
  });
  const mailer = new Mailer(database, config.smtpUrl, config.mailFrom, config.nodeId, now, config.dataDir);
  const ticketDesk = new DeskService(tickets);
  const dashboard = new DashboardService({ database, tickets, holidays, now });
  const badges = new BadgeService({ desk: ticketDesk, records, inspections });
  const slaAlerts = new SlaAlerts({
    database,
    tickets,
    projects,
    notifications,
    nodeId: config.nodeId,
    now,
    log,
  });
  const worker = new Worker({
    alerts: slaAlerts,
    tickets,
    visits,
    assets,
    inspections,
    surveySchedules,
    reports,
    holidays,
    mailer,
    now,
    log,
    pollMs: config.alertPollMs,
  });
  // Finders and names across modules: the header search and the auditor's view (issue 14).
  const lookups = {
    tickets: new TicketLookup(database, now),
    assets: new AssetLookup(database),
    records: new RecordLookup(database),
    users: new UserLookup(database),
    projects: new ProjectLookup(database),
    articles: new KbLookup(database),
    training: new TrainingLookup(database),
  };
  const search = new SearchService({
    tickets: lookups.tickets,
    assets: lookups.assets,
    records: lookups.records,
    knowledge,
  });
  const auditView = new AuditView({ audit, ...lookups });
  return {
    config,
    database,
    now,
    search,
    auditView,
    audit,
    securityPolicy,
    auth,
    users,
    userRepo,
    projects,
    sla,
    notifications,
    tickets,
    clockReplanner,
    visits,
    records,
    recordDrafts,
    recordSignoff,
    recordExports,
    presence,
    staffing,
    assets,
    repairPoints,
    repairs,
    assetImport,
    costStatements,
    archive,
    inspections,
    inspectionTemplates,
    inspectionPlans,
    inspectionRuns,
    inspectionReport,
    training,
    trainingMaterials,
    trainingReports,
    satisfaction,
    surveySchedules,
    feedback,
    knowledge,
    commitments,
    analytics,
    reports,
    holidays,
    mailer,
    worker,
    ticketDesk,
    dashboard,
    badges,
  };
}

export type Services = ReturnType<typeof buildServices>;
