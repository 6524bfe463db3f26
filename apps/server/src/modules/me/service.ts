import { BADGE_CAP, type MeBadges } from '@weibao/schema';
import type { Actor } from '../../lib/actor.js';
import type { RecordService } from '../fieldwork/records.js';
import type { InspectionService } from '../inspections/service.js';
import type { DeskService } from '../tickets/desk.js';

export interface BadgeDeps {
  desk: DeskService;
  records: RecordService;
  inspections: InspectionService;
}

/**
 * The menu badges: each module counts what it owns and decides who may see it (null = no badge for
 * this role). Counting stops one past the cap, so the answer is cheap however long the lists grow.
 */
export class BadgeService {
  constructor(private readonly d: BadgeDeps) {}

  async badges(actor: Actor): Promise<MeBadges> {
    const cap = BADGE_CAP + 1;
    const [unassigned, toSign, inspectionsDue] = await Promise.all([
      this.d.desk.unassignedCount(actor, cap),
      this.d.records.awaitingSignatureCount(actor, cap),
      this.d.inspections.dueTaskCount(actor, cap),
    ]);
    const out: MeBadges = {};
    if (unassigned !== null) out.unassigned = unassigned;
    if (toSign !== null) out.toSign = toSign;
    if (inspectionsDue !== null) out.inspectionsDue = inspectionsDue;
    return out;
  }
}
