import { describe, expect, it } from 'vitest';
import { InspectionPlanUpdate, OmRecordUpdate, SessionUpdate, TraineeUpdate } from './index.js';

describe('PATCH schemas', () => {
  it('leave out what the caller left out, instead of filling in the create defaults', () => {
    expect(InspectionPlanUpdate.parse({ name: '月检' })).toEqual({ name: '月检' });
    expect(OmRecordUpdate.parse({ content: '巡检' })).toEqual({ content: '巡检' });
    expect(TraineeUpdate.parse({ phone: '139' })).toEqual({ phone: '139' });
    expect(SessionUpdate.parse({ place: '会议室' })).toEqual({ place: '会议室' });
  });
  it('still validate what is given', () => {
    expect(InspectionPlanUpdate.safeParse({ leadDays: 500 }).success).toBe(false);
    expect(TraineeUpdate.safeParse({ courseIds: 'x' }).success).toBe(false);
  });
});
