import { TrainingAccess } from './access.js';
import { TrainingAssessments } from './assessments.js';
import { TrainingEnrolment } from './enrolment.js';
import { TrainingPlans } from './plans.js';
import { TrainingSessions } from './sessions.js';

export type { TrainingDeps } from './access.js';

/**
 * Training plans (R18): courses with versioned materials, batches (分批) of sessions (分次),
 * trainees, attendance and assessments, until every trainee can operate on their own.
 * One object for the routes and the modules that read plans; each use case lives in its own file.
 */
export class TrainingService extends TrainingAccess {
  private readonly planUse = new TrainingPlans(this);
  private readonly enrolmentUse = new TrainingEnrolment(this);
  private readonly sessionUse = new TrainingSessions(this);
  private readonly assessmentUse = new TrainingAssessments(this);

  // plans.ts
  plans: TrainingPlans['plans'] = (...a) => this.planUse.plans(...a);
  createPlan: TrainingPlans['createPlan'] = (...a) => this.planUse.createPlan(...a);
  updatePlan: TrainingPlans['updatePlan'] = (...a) => this.planUse.updatePlan(...a);
  addCourse: TrainingPlans['addCourse'] = (...a) => this.planUse.addCourse(...a);
  updateCourse: TrainingPlans['updateCourse'] = (...a) => this.planUse.updateCourse(...a);
  // enrolment.ts
  addTrainee: TrainingEnrolment['addTrainee'] = (...a) => this.enrolmentUse.addTrainee(...a);
  updateTrainee: TrainingEnrolment['updateTrainee'] = (...a) => this.enrolmentUse.updateTrainee(...a);
  addBatch: TrainingEnrolment['addBatch'] = (...a) => this.enrolmentUse.addBatch(...a);
  updateBatch: TrainingEnrolment['updateBatch'] = (...a) => this.enrolmentUse.updateBatch(...a);
  // sessions.ts
  addSession: TrainingSessions['addSession'] = (...a) => this.sessionUse.addSession(...a);
  updateSession: TrainingSessions['updateSession'] = (...a) => this.sessionUse.updateSession(...a);
  attendance: TrainingSessions['attendance'] = (...a) => this.sessionUse.attendance(...a);
  // assessments.ts
  assess: TrainingAssessments['assess'] = (...a) => this.assessmentUse.assess(...a);
}
