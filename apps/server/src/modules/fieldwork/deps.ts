import type { Database } from '../../db/database.js';
import type { AuditService } from '../audit/service.js';
import type { NotificationService } from '../notifications/service.js';
import type { ProjectService } from '../projects/service.js';
import type { TicketService } from '../tickets/service.js';
import type { UserDirectory } from '../users/directory.js';

export interface FieldworkDeps {
  database: Database;
  audit: AuditService;
  projects: ProjectService;
  tickets: TicketService;
  users: UserDirectory;
  notifications: NotificationService;
  now: () => number;
  dataDir: string;
}
