import { describe, expect, it } from 'vitest';
import { daysOfMonth } from '../../lib/dates.js';
import { beijingDayStart as dayStart } from '../../lib/time.js';
import { type PlanFacts, dayBoard, isWorkday } from './board.js';

const plan: PlanFacts = {
  headcount: 3,
  weekdays: [1, 2, 3, 4, 5],
  chinaCalendar: true,
  start: '08:30',
  end: '17:30',
  lateGraceMin: 15,
  engineerIds: ['a', 'b', 'c'],
  minOnSiteMin: 240,
};
const names = new Map([
  ['a', '张工'],
  ['b', '赵工'],
  ['c', '钱工'],
]);
/** Beijing wall time on `day`. */
const at = (day: string, hhmm: string) =>
  dayStart(day) + (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) * 60_000;

describe('resident presence arithmetic', () => {
  it('working days follow the weekdays, and with the Chinese calendar its holidays and 调休 days', () => {
    expect(isWorkday(plan, '2026-10-12')).toBe(true); // Monday
    expect(isWorkday(plan, '2026-10-11')).toBe(false); // Sunday
    expect(isWorkday(plan, '2026-10-01')).toBe(false); // National Day, a Thursday
    expect(isWorkday(plan, '2026-10-10')).toBe(true); // Saturday, 调休 make-up working day
    const plain = { ...plan, chinaCalendar: false };
    expect([isWorkday(plain, '2026-10-01'), isWorkday(plain, '2026-10-10')]).toEqual([true, false]);
    expect(daysOfMonth('2028-02')).toHaveLength(29);
    expect(daysOfMonth('2026-02').at(-1)).toBe('2026-02-28');
  });

  it('present, late after the grace period, absent, extra (not on the roster, never headcount), and below headcount', () => {
    const day = '2026-10-12';
    const b = dayBoard(
      plan,
      day,
      [
        { engineerId: 'a', name: '张工', checkedInAt: at(day, '08:44'), checkedOutAt: at(day, '12:00') },
        { engineerId: 'a', name: '张工', checkedInAt: at(day, '13:00'), checkedOutAt: at(day, '17:40') },
        { engineerId: 'b', name: '赵工', checkedInAt: at(day, '08:46'), checkedOutAt: null },
        { engineerId: 'x', name: '孙工', checkedInAt: at(day, '10:00'), checkedOutAt: at(day, '11:00') },
      ],
      names,
      at(day, '18:00'),
    );
    const by = Object.fromEntries(b.engineers.map((e) => [e.userId, e]));
    expect(by.a).toMatchObject({
      status: 'present',
      minutesLate: 0,
      firstIn: at(day, '08:44'),
      lastOut: at(day, '17:40'),
      minutesOnSite: 196 + 280,
      openVisit: false,
    });
    expect(by.b).toMatchObject({ status: 'late', minutesLate: 16, lastOut: null, openVisit: true, minutesOnSite: 554 });
    expect(by.c).toMatchObject({ status: 'absent', firstIn: null, minutesOnSite: 0 });
    expect(by.x).toMatchObject({ status: 'extra', rostered: false, name: '孙工', counted: false });
    // 张工 and 赵工 count; 孙工 is a visitor, not on the resident roster: 2 of 3.
    expect([b.workday, b.required, b.present, b.belowHeadcount]).toEqual([true, 3, 2, true]);
    const all = dayBoard(
      plan,
      day,
      [
        { engineerId: 'a', name: '张工', checkedInAt: at(day, '08:30'), checkedOutAt: at(day, '17:30') },
        { engineerId: 'b', name: '赵工', checkedInAt: at(day, '08:30'), checkedOutAt: at(day, '17:30') },
        { engineerId: 'c', name: '钱工', checkedInAt: at(day, '08:30'), checkedOutAt: at(day, '17:30') },
      ],
      names,
      at(day, '18:00'),
    );
    expect([all.present, all.belowHeadcount]).toEqual([3, false]);
    const short = dayBoard(
      plan,
      day,
      [{ engineerId: 'a', name: '张工', checkedInAt: at(day, '08:00'), checkedOutAt: null }],
      names,
      at(day, '09:00'),
    );
    expect([short.present, short.belowHeadcount]).toEqual([1, true]);
  });

  it("on site for less than the plan's minimum does not count, unless still on site while the day runs", () => {
    const day = '2026-10-12';
    const visits = [
      { engineerId: 'a', name: '张工', checkedInAt: at(day, '08:30'), checkedOutAt: at(day, '12:29') }, // 239 minutes
      { engineerId: 'b', name: '赵工', checkedInAt: at(day, '08:30'), checkedOutAt: at(day, '12:30') }, // 240 minutes
      { engineerId: 'c', name: '钱工', checkedInAt: at(day, '16:00'), checkedOutAt: null },
    ];
    const b = dayBoard(plan, day, visits, names, at(day, '17:00'));
    expect(b.engineers.map((e) => [e.userId, e.status, e.minutesOnSite, e.counted])).toEqual([
      ['a', 'present', 239, false],
      ['b', 'present', 240, true],
      ['c', 'late', 60, true],
    ]);
    expect([b.present, b.belowHeadcount]).toEqual([2, true]);
    // Seen the next day: 钱工's open visit ran to midnight (480 minutes), 张工 still short.
    const after = dayBoard(plan, day, visits, names, at('2026-10-13', '09:00'));
    expect(after.engineers.map((e) => [e.userId, e.counted])).toEqual([
      ['a', false],
      ['b', true],
      ['c', true],
    ]);
    expect(dayBoard({ ...plan, minOnSiteMin: 0 }, day, visits, names, at(day, '17:00')).present).toBe(3);
  });

  it('on a day off nobody is absent and nothing is below headcount; whoever came still shows', () => {
    const b = dayBoard(
      plan,
      '2026-10-01',
      [
        {
          engineerId: 'a',
          name: '张工',
          checkedInAt: at('2026-10-01', '09:30'),
          checkedOutAt: at('2026-10-01', '13:30'),
        },
      ],
      names,
      at('2026-10-02', '00:00'),
    );
    expect([b.workday, b.required, b.present, b.belowHeadcount]).toEqual([false, 0, 1, false]);
    expect(b.engineers.map((e) => [e.userId, e.status, e.minutesLate])).toEqual([['a', 'present', 0]]);
  });
});
