import type { Database } from '../../db/database.js';
import type { AuditService } from '../audit/service.js';
import type { NotificationService } from '../notifications/service.js';
import type { ProjectService } from '../projects/service.js';
import type { TicketService } from '../tickets/service.js';
import type { UserRepository } from '../users/repository.js';

export interface FieldworkDeps {
  database: Database;
  audit: AuditService;
  projects: ProjectService;
  tickets: TicketService;
  users: UserRepository;
  notifications: NotificationService;
  now: () => number;
  dataDir: string;
}
