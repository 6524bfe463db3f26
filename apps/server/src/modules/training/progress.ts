/**
 * The completion rule of R18 ("分批、分次培训，直至每位学员可独立操作为止"), kept pure so it is
 * tested on its own: a trainee is independent when the latest assessment of every course they
 * must master says so; the plan is complete only when every trainee is independent. A trainee
 * found not yet independent must be in a batch later than the one they were assessed in.
 */
export interface ProgressInput {
  courses: { id: string }[];
  batches: { id: string; position: number }[];
  trainees: { id: string; courseIds: string[] | null }[];
  enrolments: { batchId: string; traineeId: string }[];
  /** In the order they were recorded; a later one for the same trainee and course replaces the earlier. */
  assessments: {
    traineeId: string;
    courseId: string;
    batchId: string;
    independent: boolean;
    assessedOn: string;
    assessorName: string;
    note: string;
  }[];
}
export type CourseStatus = 'independent' | 'not_yet' | 'not_assessed';
export interface TraineeProgress {
  traineeId: string;
  courseIds: string[];
  courses: {
    courseId: string;
    status: CourseStatus;
    assessedOn: string | null;
    assessorName: string | null;
    note: string | null;
  }[];
  independent: boolean;
  needsBatch: boolean;
}

export function trainingProgress(p: ProgressInput) {
  const courseIds = p.courses.map((c) => c.id);
  const known = new Set(courseIds);
  const position = new Map(p.batches.map((b) => [b.id, b.position]));
  const latest = new Map<string, ProgressInput['assessments'][number]>();
  for (const a of p.assessments) latest.set(`${a.traineeId}|${a.courseId}`, a);
  const batchesOf = new Map<string, number[]>();
  for (const e of p.enrolments)
    batchesOf.set(e.traineeId, [...(batchesOf.get(e.traineeId) ?? []), position.get(e.batchId) ?? -1]);

  const trainees: TraineeProgress[] = p.trainees.map((t) => {
    const required = (t.courseIds ?? courseIds).filter((c) => known.has(c));
    const courses = required.map((courseId) => {
      const a = latest.get(`${t.id}|${courseId}`);
      const status: CourseStatus = !a ? 'not_assessed' : a.independent ? 'independent' : 'not_yet';
      return {
        courseId,
        status,
        assessedOn: a?.assessedOn ?? null,
        assessorName: a?.assessorName ?? null,
        note: a?.note ?? null,
      };
    });
    // Needs scheduling: failed in some batch and enrolled in no batch after the latest such one.
    const failedAt = Math.max(
      -1,
      ...required
        .map((c) => latest.get(`${t.id}|${c}`))
        .filter((a) => a && !a.independent)
        .map((a) => position.get(a!.batchId) ?? -1),
    );
    const needsBatch = failedAt >= 0 && !(batchesOf.get(t.id) ?? []).some((pos) => pos > failedAt);
    return {
      traineeId: t.id,
      courseIds: required,
      courses,
      independent: required.length > 0 && courses.every((c) => c.status === 'independent'),
      needsBatch,
    };
  });
  const independent = trainees.filter((t) => t.independent).length;
  return {
    trainees,
    summary: {
      trainees: trainees.length,
      independent,
      notYet: trainees.filter((t) => t.courses.some((c) => c.status === 'not_yet')).length,
      needsBatch: trainees.filter((t) => t.needsBatch).length,
      complete: trainees.length > 0 && p.courses.length > 0 && independent === trainees.length,
    },
  };
}
