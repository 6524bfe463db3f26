import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { ArchiveService } from './modules/assets/archive.js';
import { AssetImportService } from './modules/assets/import.js';
import { RepairPointService } from './modules/assets/repair-points.js';
import { RepairService } from './modules/assets/repairs.js';
import { AssetService } from './modules/assets/service.js';
import { CostStatementService } from './modules/assets/statement.js';
import { AuditService } from './modules/audit/service.js';
import { InspectionService } from './modules/inspections/service.js';
import { AuthService } from './modules/auth/service.js';
import { RecordExports } from './modules/fieldwork/exports.js';
import { RecordService } from './modules/fieldwork/records.js';
import { VisitService } from './modules/fieldwork/visits.js';
import { Worker } from './modules/jobs/worker.js';
import { Mailer } from './modules/notifications/mailer.js';
import { NotificationService } from './modules/notifications/service.js';
import { PresenceService } from './modules/presence/service.js';
import { ProjectService } from './modules/projects/service.js';
import { StaffingService } from './modules/staffing/service.js';
import { SecurityPolicyService } from './modules/security/service.js';
import { SlaService } from './modules/sla/service.js';
import { TicketService } from './modules/tickets/service.js';
import { UserRepository } from './modules/users/repository.js';
import { UserService } from './modules/users/service.js';

/** The service graph, built once per app (tests build one per database). */
export function buildServices(config: Config, database: Database, log: FastifyBaseLogger, now: () => number = Date.now) {
  const userRepo = new UserRepository();
  const audit = new AuditService(database, now);
  const securityPolicy = new SecurityPolicyService(database, audit, config, now);
  const auth = new AuthService(database, userRepo, audit, securityPolicy, now);
  const users = new UserService(database, userRepo, audit, securityPolicy, now);
  const projects = new ProjectService(database, userRepo, audit, now);
  const sla = new SlaService();
  const notifications = new NotificationService(database.db, now, audit);
  const tickets = new TicketService({ database, audit, sla, projects, users: userRepo, notifications, now, dataDir: config.dataDir, backdateReasonMinutes: config.backdateReasonMinutes });
  const fieldDeps = { database, audit, projects, tickets, users: userRepo, notifications, now, dataDir: config.dataDir };
  const visits = new VisitService(fieldDeps);
  const records = new RecordService(fieldDeps);
  const recordExports = new RecordExports(fieldDeps, records);
  const presence = new PresenceService({ database, audit, projects, users: userRepo, now });
  const staffing = new StaffingService({ database, audit, projects, users: userRepo, now });
  const assets = new AssetService({ database, audit, projects, notifications, now, dataDir: config.dataDir });
  const repairPoints = new RepairPointService({ database, audit, projects, now });
  const repairs = new RepairService({ assets, tickets, points: repairPoints });
  tickets.repairs = repairs;
  const assetImport = new AssetImportService(assets);
  const costStatements = new CostStatementService(assets);
  const archive = new ArchiveService(assets);
  const inspections = new InspectionService({ database, audit, projects, users: userRepo, assets, notifications, now });
  const mailer = new Mailer(database, config.smtpUrl, config.mailFrom, config.nodeId, now);
  const worker = new Worker({ database, tickets, visits, assets, inspections, notifications, mailer, nodeId: config.nodeId, now, log, pollMs: config.alertPollMs });
  return { config, database, now, audit, securityPolicy, auth, users, userRepo, projects, sla, notifications, tickets, visits, records, recordExports, presence, staffing, assets, repairPoints, repairs, assetImport, costStatements, archive, inspections, mailer, worker };
}

export type Services = ReturnType<typeof buildServices>;
