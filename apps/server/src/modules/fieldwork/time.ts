import { beijingDay } from '../../lib/time.js';

/** Still open after the Beijing day it began. */
export const isForgotten = (checkedInAt: number, checkedOutAt: number | null, now: number) =>
  checkedOutAt === null && beijingDay(checkedInAt) < beijingDay(now);
