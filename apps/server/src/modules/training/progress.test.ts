import { describe, expect, it } from 'vitest';
import { type ProgressInput, trainingProgress } from './progress.js';

const base = (): ProgressInput => ({
  courses: [{ id: 'ops' }, { id: 'admin' }],
  batches: [
    { id: 'b1', position: 1 },
    { id: 'b2', position: 2 },
  ],
  trainees: [
    { id: 'wang', courseIds: null },
    { id: 'li', courseIds: ['ops'] },
  ],
  enrolments: [
    { batchId: 'b1', traineeId: 'wang' },
    { batchId: 'b1', traineeId: 'li' },
  ],
  assessments: [],
});
const pass = (traineeId: string, courseId: string, batchId = 'b1') => ({
  traineeId,
  courseId,
  batchId,
  independent: true,
  assessedOn: '2026-10-12',
  assessorName: '张工',
  note: '',
});
const fail = (traineeId: string, courseId: string, batchId = 'b1') => ({
  ...pass(traineeId, courseId, batchId),
  independent: false,
});

describe('training completion rule (R18: until every trainee can operate independently)', () => {
  it('is not complete before anyone is assessed, and not with no trainees or no courses', () => {
    expect(trainingProgress(base()).summary).toMatchObject({ trainees: 2, independent: 0, complete: false });
    expect(trainingProgress({ ...base(), trainees: [] }).summary.complete).toBe(false);
    expect(trainingProgress({ ...base(), courses: [], assessments: [] }).summary.complete).toBe(false);
  });

  it('counts only the courses a trainee must master, and is complete when every trainee is independent in all of them', () => {
    const p = { ...base(), assessments: [pass('wang', 'ops'), pass('li', 'ops')] };
    expect(trainingProgress(p).trainees.map((t) => [t.traineeId, t.independent])).toEqual([
      ['wang', false],
      ['li', true],
    ]);
    expect(trainingProgress(p).summary.complete).toBe(false);
    expect(trainingProgress({ ...p, assessments: [...p.assessments, pass('wang', 'admin')] }).summary).toMatchObject({
      independent: 2,
      complete: true,
    });
  });

  it('uses the latest assessment: a later pass after a failure counts, and a later failure undoes a pass', () => {
    const retried = {
      ...base(),
      enrolments: [...base().enrolments, { batchId: 'b2', traineeId: 'li' }],
      assessments: [pass('wang', 'ops'), pass('wang', 'admin'), fail('li', 'ops'), pass('li', 'ops', 'b2')],
    };
    expect(trainingProgress(retried).summary.complete).toBe(true);
    const regressed = { ...retried, assessments: [...retried.assessments, fail('li', 'ops', 'b2')] };
    const s = trainingProgress(regressed);
    expect(s.summary).toMatchObject({ complete: false, notYet: 1 });
    expect(s.trainees.find((t) => t.traineeId === 'li')!.courses[0]).toMatchObject({ status: 'not_yet' });
  });

  it('flags a trainee who failed and is in no later batch as needing one', () => {
    const failed = { ...base(), assessments: [fail('li', 'ops')] };
    expect(trainingProgress(failed).trainees.find((t) => t.traineeId === 'li')!.needsBatch).toBe(true);
    expect(trainingProgress(failed).summary.needsBatch).toBe(1);
    const scheduled = { ...failed, enrolments: [...failed.enrolments, { batchId: 'b2', traineeId: 'li' }] };
    expect(trainingProgress(scheduled).summary.needsBatch).toBe(0);
    // Failing again in the later batch needs yet another batch.
    expect(
      trainingProgress({ ...scheduled, assessments: [...scheduled.assessments, fail('li', 'ops', 'b2')] }).summary
        .needsBatch,
    ).toBe(1);
  });

  it('a course added later reopens a complete plan', () => {
    const done = { ...base(), assessments: [pass('wang', 'ops'), pass('wang', 'admin'), pass('li', 'ops')] };
    expect(trainingProgress(done).summary.complete).toBe(true);
    const more = trainingProgress({ ...done, courses: [...done.courses, { id: 'gis' }] });
    expect(more.summary.complete).toBe(false);
    expect(more.trainees.find((t) => t.traineeId === 'wang')!.courses.map((c) => c.status)).toEqual([
      'independent',
      'independent',
      'not_assessed',
    ]);
    expect(more.trainees.find((t) => t.traineeId === 'li')!.independent).toBe(true); // li takes ops only
  });
});
