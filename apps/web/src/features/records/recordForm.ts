import type { OmRecord, OmRecordKind, OmRecordUpdate, SiteVisit } from '../../api/types';

/** The editor's form values (times in epoch ms; `day` only chooses which visits to offer). */
export interface RecordValues {
  kind: OmRecordKind;
  projectId: string;
  day: string;
  visitIds: string[];
  serviceStart?: number;
  serviceEnd?: number;
  location: string;
  content: string;
  result: string;
  ticketIds: string[];
  extraStaff: string[];
  overrideHeadcount: boolean;
  headcount?: number;
  headcountReason?: string;
}

/** A visit as the picker shows it, from the visit list or from a saved record. */
export interface VisitOption {
  id: string;
  engineerName: string;
  checkedInAt: number;
  checkedOutAt: number | null;
  location: string;
  forgotten: boolean;
  /** The ticket the check-in was for: the record covers it too. */
  ticket?: { id: string; number: string } | undefined;
}

export const fromSiteVisit = (v: SiteVisit): VisitOption => ({
  id: v.id,
  engineerName: v.engineerName,
  checkedInAt: v.checkedInAt,
  checkedOutAt: v.checkedOutAt,
  location: v.checkInLocation,
  forgotten: v.forgotten,
  ticket: v.ticketId && v.ticketNumber ? { id: v.ticketId, number: v.ticketNumber } : undefined,
});

/** `ticketIds` plus the tickets the given visits were checked in for, each once. */
export function withVisitTickets(ticketIds: string[], visits: VisitOption[]): string[] {
  return [...new Set([...ticketIds, ...visits.flatMap((v) => (v.ticket ? [v.ticket.id] : []))])];
}

/** Service window covered by the visits: first check-in to last check-out (an open visit: now). */
export function windowOf(visits: VisitOption[], now = Date.now()): { start: number; end: number } | null {
  if (!visits.length) return null;
  return {
    start: Math.min(...visits.map((v) => v.checkedInAt)),
    end: Math.max(...visits.map((v) => v.checkedOutAt ?? now)),
  };
}

/** Headcount as the server derives it: the distinct people who checked in, plus the extra staff. */
export function derivedHeadcount(visits: VisitOption[], extraStaff: string[]): number {
  const names = new Set(visits.map((v) => v.engineerName));
  for (const s of extraStaff) names.add(s.trim());
  names.delete('');
  return names.size;
}

/** Local calendar day of `ms` as YYYY-MM-DD. */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The body fields (create, update and amend share them). */
export function toFields(
  v: RecordValues,
): Required<
  Pick<
    OmRecordUpdate,
    'kind' | 'serviceStart' | 'serviceEnd' | 'location' | 'content' | 'result' | 'visitIds' | 'ticketIds' | 'extraStaff'
  >
> &
  Pick<OmRecordUpdate, 'headcount' | 'headcountReason'> {
  return {
    kind: v.kind,
    serviceStart: v.serviceStart!,
    serviceEnd: v.serviceEnd!,
    location: v.location.trim(),
    content: v.content.trim(),
    result: v.result.trim(),
    visitIds: v.visitIds ?? [],
    ticketIds: v.ticketIds ?? [],
    extraStaff: (v.extraStaff ?? []).map((s) => s.trim()).filter(Boolean),
    ...(v.overrideHeadcount ? { headcount: v.headcount, headcountReason: v.headcountReason?.trim() } : {}),
  };
}

export function fromRecord(r: OmRecord): RecordValues {
  return {
    kind: r.kind,
    projectId: r.projectId,
    day: localDay(r.serviceStart),
    visitIds: r.visits.map((v) => v.id),
    serviceStart: r.serviceStart,
    serviceEnd: r.serviceEnd,
    location: r.location,
    content: r.content,
    result: r.result,
    ticketIds: r.tickets.map((tk) => tk.id),
    extraStaff: r.extraStaff,
    overrideHeadcount: r.headcountReason !== null,
    headcount: r.headcountReason !== null ? r.headcount : undefined,
    headcountReason: r.headcountReason ?? undefined,
  };
}
