import type { TrainingAccess } from './access.js';

type Loaded = Awaited<ReturnType<TrainingAccess['load']>>;

export function presentProgress(l: Pick<Loaded, 'plan' | 'progress'>) {
  return { ...l.progress.summary, completedAt: l.plan.completed_at };
}

export function presentSummary(l: Pick<Loaded, 'plan' | 'progress'>) {
  const p = l.plan;
  return {
    id: p.id,
    projectId: p.project_id,
    projectName: p.project_name,
    name: p.name,
    description: p.description,
    createdAt: p.created_at,
    progress: presentProgress(l),
  };
}

/** A plan as the API shows it: courses with materials, batches with sessions and attendance, trainees with their standing. */
export function presentPlan(l: Loaded) {
  const courseTitle = new Map(l.courses.map((c) => [c.id, c.title]));
  const batchName = new Map(l.batches.map((b) => [b.id, b.name]));
  const traineeName = new Map(l.trainees.map((t) => [t.id, t.name]));
  const standing = new Map(l.progress.trainees.map((t) => [t.traineeId, t]));
  return {
    ...presentSummary(l),
    courses: l.courses.map((c) => {
      const versions = l.materials.filter((m) => m.course_id === c.id);
      const current = versions.filter((m) => m.current === 1);
      return {
        id: c.id,
        title: c.title,
        objective: c.objective,
        position: c.position,
        materials: current.map((m) => ({
          id: m.id,
          familyId: m.family_id,
          version: m.version,
          fileName: m.file_name,
          mime: m.mime,
          size: m.size,
          sha256: m.sha256,
          note: m.note,
          uploadedAt: m.uploaded_at,
          uploadedByName: m.uploaded_by_name ?? '',
          history: versions
            .filter((v) => v.family_id === m.family_id && v.id !== m.id)
            .map((v) => ({
              id: v.id,
              version: v.version,
              fileName: v.file_name,
              size: v.size,
              uploadedAt: v.uploaded_at,
            })),
        })),
      };
    }),
    batches: l.batches.map((b) => {
      const enrolled = l.enrolments.filter((e) => e.batch_id === b.id);
      return {
        id: b.id,
        name: b.name,
        position: b.position,
        traineeIds: enrolled.map((e) => e.trainee_id),
        retrainIds: enrolled.filter((e) => e.reason === 'retrain').map((e) => e.trainee_id),
        sessions: l.sessions
          .filter((s) => s.batch_id === b.id)
          .map((s) => ({
            id: s.id,
            batchId: s.batch_id,
            courseId: s.course_id,
            courseTitle: s.course_title,
            startsAt: s.starts_at,
            endsAt: s.ends_at,
            mode: s.mode as 'onsite',
            place: s.place,
            trainerId: s.trainer_id,
            trainerName: s.trainer_name,
            cancelled: s.cancelled === 1,
            attendance: l.attendance
              .filter((a) => a.session_id === s.id)
              .map((a) => ({ traineeId: a.trainee_id, status: a.status as 'present', note: a.note })),
          })),
      };
    }),
    trainees: l.trainees.map((t) => {
      const s = standing.get(t.id)!;
      return {
        id: t.id,
        userId: t.user_id,
        name: t.name,
        unit: t.unit,
        phone: t.phone,
        courseIds: s.courseIds,
        courses: s.courses,
        independent: s.independent,
        needsBatch: s.needsBatch,
      };
    }),
    assessments: [...l.assessments].reverse().map((a) => ({
      id: a.id,
      traineeId: a.trainee_id,
      traineeName: traineeName.get(a.trainee_id) ?? '',
      courseId: a.course_id,
      courseTitle: courseTitle.get(a.course_id) ?? '',
      batchId: a.batch_id,
      batchName: batchName.get(a.batch_id) ?? '',
      independent: a.independent === 1,
      assessedOn: a.assessed_on,
      assessorName: a.assessor_name,
      note: a.note,
      createdAt: a.created_at,
    })),
  };
}
