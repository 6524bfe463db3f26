import type { ClockKind, FaultLevel, Me } from '../../api/types';
import { isCustomer, isProviderStaff } from '../../app/roles';
import type { CommitmentLink } from './api';

export interface TicketDrill {
  projectId: string;
  clock: ClockKind;
  outcome: 'breached' | 'met';
  level?: FaultLevel | null;
  /** [endedFrom, endedTo) in ms. */
  from: number;
  to: number;
}

/**
 * The ticket list filtered to the tickets whose first-cycle clock ended with `outcome` in the period:
 * the provider queue's 全部 tab, or the customer's portal list (same parameters).
 */
export function ticketDrillPath(me: Pick<Me, 'roles'>, d: TicketDrill): string {
  const customer = isCustomer(me) && !isProviderStaff(me);
  const p = new URLSearchParams({
    tab: 'all',
    projectId: d.projectId,
    clock: d.clock,
    outcome: d.outcome,
    endedFrom: String(d.from),
    endedTo: String(d.to),
  });
  if (d.level) p.set('level', String(d.level));
  return `${customer ? '/portal/tickets' : '/tickets'}?${p.toString()}`;
}

/** Where 查看记录 of a commitment leads: the page holding its records, filtered to the project and month. */
export function commitmentLinkPath(me: Pick<Me, 'roles'>, link: CommitmentLink): string {
  const q = (extra: Record<string, string> = {}) =>
    new URLSearchParams({ projectId: link.projectId, ...extra }).toString();
  switch (link.page) {
    case 'tickets':
      if (link.clock && link.from !== undefined && link.to !== undefined) {
        return ticketDrillPath(me, {
          projectId: link.projectId,
          clock: link.clock,
          outcome: link.outcome ?? 'breached',
          level: link.level,
          from: link.from,
          to: link.to,
        });
      }
      return `${isCustomer(me) && !isProviderStaff(me) ? '/portal/tickets' : '/tickets'}?${q({ tab: 'all' })}`;
    case 'inspections':
      return `/inspections?${q({ month: link.month })}`;
    case 'training':
      return `/training?${q()}`;
    case 'satisfaction':
      return `/satisfaction?${q({ month: link.month })}`;
    case 'presence':
      return `/presence?${q({ tab: 'month', month: link.month })}`;
    case 'reports':
      return `/monthly-reports?${q({ month: link.month })}`;
  }
}
