import type { Tx } from '../../db/dialect.js';
import type { TicketService } from './service.js';

/** Who changed what, for the clock history of each re-planned ticket. `reason` is a label code (contract_policy, holidays). */
export interface ReplanChange {
  actorId: string | null;
  actorName: string;
  reason: string;
}

/**
 * Re-plans the clocks of open tickets after their contract's SLA policy or calendar changed (a
 * contract saved; national holidays entered by the admin). Runs in the caller's transaction so the
 * change and the new plan commit together: no alert fires on the old plan after the save.
 */
export class ClockReplanner {
  constructor(private readonly tickets: TicketService) {}

  /**
   * Every running or paused clock of the contracts' open tickets gets the contract's current policy
   * (read inside `tx`): due instants, queue order and pending alerts. Clocks that stopped or breached
   * keep their outcome. Each ticket whose clocks moved gets an `sla.replan` event.
   */
  async replanContractClocks(
    tx: Tx,
    contractIds: string[],
    change: ReplanChange,
  ): Promise<{ tickets: number; clocks: number }> {
    const { sla, now } = this.tickets.d;
    const at = now();
    let tickets = 0;
    let clocks = 0;
    for (const contractId of [...new Set(contractIds)]) {
      const policy = await this.tickets.policyOf(tx, contractId);
      for (const t of await this.tickets.repo.openOfContract(tx, contractId)) {
        const moved = await sla.replan(tx, t.id, t.level, policy, at);
        if (!moved.length) continue;
        await this.tickets.refresh(tx, t.id, at);
        await this.tickets.event(tx, t.id, change.actorId, 'sla.replan', {
          public: false,
          data: { byName: change.actorName, reason: change.reason, clocks: moved },
        });
        tickets++;
        clocks += moved.length;
      }
    }
    return { tickets, clocks };
  }
}
