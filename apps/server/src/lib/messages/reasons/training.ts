import { t } from './define.js';

/** Reasons of the training area. Keys are `training.what`; add entries here, never in another area's file. */
export const TRAINING = {
  'training.notCourseOfPlan': t('不是本计划的课程', 'not a course of this plan'),
  'training.notTraineeOfPlan': t('不是本计划的学员', 'not a trainee of this plan'),
  'training.notBatchOfPlan': t('不是本计划的批次', 'not a batch of this plan'),
  'training.userNotOfCustomer': t('须为本项目客户单位的用户', "must be a user of the project's customer"),
  'training.traineeNameRequired': t('请填写学员姓名', "the trainee's name is required"),
  'training.trainerNotStaff': t('讲师须为服务商在岗人员', 'the trainer must be active provider staff'),
  'training.trainerRequired': t('请选择讲师或填写外聘讲师姓名', 'choose a trainer or name an outside one'),
  'training.cancelledSession': t('已取消的场次', 'a cancelled session'),
  'training.sessionNotStarted': t('尚未开始的场次', 'a session that has not started'),
  'training.traineeNotInThisBatch': t('学员不在本批次', 'the trainee is not in this batch'),
  'training.traineeNotInThatBatch': t('学员不在该批次', 'the trainee is not in that batch'),
  'training.courseNotTaken': t('该学员不学此课程', 'the trainee does not take this course'),
  'training.assessedInFuture': t('考核日期不能晚于今天', 'cannot be in the future'),
  'training.retrainNotLater': t('须为本计划中更晚的批次', 'must be a later batch of this plan'),
  'training.emptyFile': t('文件为空', 'the file is empty'),
} as const;
