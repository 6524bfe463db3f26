/** Row types: Training plans, courses, materials, batches, trainees, sessions and assessments. Conventions in ../types.ts. */
export interface TrainingPlansTable {
  id: string;
  project_id: string;
  name: string;
  description: string;
  completed_at: number | null;
  created_at: number;
  created_by: string | null;
  updated_at: number;
}
export interface TrainingCoursesTable {
  id: string;
  plan_id: string;
  title: string;
  objective: string;
  position: number;
  created_at: number;
}
export interface TrainingMaterialsTable {
  id: string;
  course_id: string;
  family_id: string;
  version: number;
  current: number;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  path: string;
  note: string;
  uploaded_at: number;
  uploaded_by: string | null;
}
export interface TrainingBatchesTable {
  id: string;
  plan_id: string;
  name: string;
  position: number;
  created_at: number;
}
export interface TrainingTraineesTable {
  id: string;
  plan_id: string;
  user_id: string | null;
  name: string;
  unit: string;
  phone: string;
  course_ids_json: string | null;
  created_at: number;
}
export interface TrainingEnrolmentsTable {
  batch_id: string;
  trainee_id: string;
  reason: string;
  created_at: number;
}
export interface TrainingSessionsTable {
  id: string;
  batch_id: string;
  course_id: string;
  starts_at: number;
  ends_at: number;
  mode: string;
  place: string;
  trainer_id: string | null;
  trainer_name: string;
  cancelled: number;
  created_at: number;
}
export interface TrainingAttendanceTable {
  session_id: string;
  trainee_id: string;
  status: string;
  note: string;
  recorded_at: number;
  recorded_by: string;
}
export interface TrainingAssessmentsTable {
  id: string;
  plan_id: string;
  trainee_id: string;
  course_id: string;
  batch_id: string;
  independent: number;
  assessed_on: string;
  assessor_id: string;
  assessor_name: string;
  note: string;
  created_at: number;
}
