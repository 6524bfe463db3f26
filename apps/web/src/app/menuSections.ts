import type { Role } from '../api/types';

// The main menu's sections, in order, built from the route table (routes.tsx) by menu.tsx. No antd here either
// (bundle-imports.test.ts).

const LEAD: readonly Role[] = ['customer_lead'];

/** A menu entry: a route's path, shown to the route's roles (narrowed by `roles` when given). */
export type MenuRef = string | { path: string; roles: readonly Role[] };
/** Provider staff, or a customer who is not also provider staff. Absent: whoever has the routes' roles. */
export type Audience = 'staff' | 'customer';
export interface MenuSection {
  /** A titled group (its title is `start.group.<group>`); absent: entries at the top level. */
  group?: string;
  audience?: Audience;
  entries: readonly MenuRef[];
}

const leadOnly = (path: string): MenuRef => ({ path, roles: LEAD });

/**
 * The main menu, in order (三员分立: the auditor sees only the audit log, sys_admin the admin pages, the
 * security admin users and the policy). Provider staff get their work grouped as 服务台, 现场, 资产, 巡检, 培训,
 * 报表; customers only what they use: presence, staffing and training are the lead's to check against the bid,
 * and the lead also reads the reports and the costs. An empty group is left out.
 */
export const MENU: readonly MenuSection[] = [
  // 我的工作: where a dispatcher, an engineer and a customer's lead start.
  { entries: ['/work'] },
  { audience: 'staff', entries: ['/dashboard'] },
  { audience: 'staff', group: 'desk', entries: ['/tickets', '/intake', '/kb', '/satisfaction', '/feedback'] },
  { audience: 'staff', group: 'field', entries: ['/field', '/records', '/presence', '/staffing'] },
  { audience: 'staff', group: 'assets', entries: ['/assets', '/warranty', '/archive', '/repair-points', '/costs'] },
  {
    audience: 'staff',
    group: 'inspections',
    entries: ['/inspections', '/inspections/plans', '/inspections/templates'],
  },
  { audience: 'staff', group: 'training', entries: ['/training'] },
  { audience: 'staff', group: 'reports', entries: ['/analytics', '/commitments', '/monthly-reports'] },
  {
    audience: 'customer',
    group: 'service',
    entries: ['/portal/report', '/portal/tickets', '/ratings', '/feedback', '/kb'],
  },
  {
    audience: 'customer',
    group: 'records',
    entries: [
      '/records',
      '/inspections',
      leadOnly('/presence'),
      leadOnly('/staffing'),
      leadOnly('/training'),
      '/assets',
      '/warranty',
      '/customers/:id/archive',
      leadOnly('/repair-points'),
    ],
  },
  {
    audience: 'customer',
    group: 'reports',
    entries: [leadOnly('/satisfaction'), '/costs', '/analytics', '/commitments', '/monthly-reports'],
  },
  {
    group: 'system',
    entries: ['/admin/customers', '/admin/projects', '/admin/holidays', '/admin/users', '/admin/security'],
  },
  { entries: ['/audit'] },
];
