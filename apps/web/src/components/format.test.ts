// The one formatter for each kind of time value: durations in both languages, and instants shown in Beijing time
// whatever the browser's zone.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import i18n from '../i18n';
import {
  beijingDay,
  beijingMonth,
  beijingWallClock,
  formatCountdown,
  formatDate,
  formatDateTime,
  formatDateTimeSec,
  formatDuration,
  formatTime,
  fromBeijingWallClock,
  localized,
} from './format';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
// 2026-12-07 03:29:05 UTC = 2026-12-07 11:29:05 in Beijing.
const INSTANT = Date.UTC(2026, 11, 7, 3, 29, 5);
// 2026-12-31 20:30 UTC is already 2027-01-01 04:30 in Beijing: day, month and year all move.
const NEW_YEAR = Date.UTC(2026, 11, 31, 20, 30);

const originalTz = process.env.TZ;
afterAll(() => {
  process.env.TZ = originalTz;
  void i18n.changeLanguage('zh-CN');
});

describe('formatDuration', () => {
  afterEach(() => void i18n.changeLanguage('zh-CN'));

  it('joins two units without a raw key in Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(formatDuration(2 * HOUR + 46 * MIN)).toBe('2小时46分');
    expect(formatDuration(3 * DAY + 5 * HOUR + 9 * MIN)).toBe('3天5小时');
    expect(formatDuration(DAY + 7 * MIN)).toBe('1天7分');
    expect(formatDuration(-(2 * HOUR + 46 * MIN))).toBe('2小时46分'); // overdue clocks pass negative values
  });

  it('joins two units with a space in English', async () => {
    await i18n.changeLanguage('en');
    expect(formatDuration(2 * HOUR + 46 * MIN)).toBe('2 h 46 min');
    expect(formatDuration(3 * DAY + 5 * HOUR)).toBe('3 d 5 h');
  });

  it('shows one unit, seconds under a minute and zero', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(formatDuration(2 * HOUR)).toBe('2小时');
    expect(formatDuration(4 * DAY)).toBe('4天');
    expect(formatDuration(45_000)).toBe('45秒');
    expect(formatDuration(0)).toBe('0秒');
    await i18n.changeLanguage('en');
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(15 * MIN)).toBe('15 min');
  });

  it('never contains a dotted key', async () => {
    for (const lang of ['zh-CN', 'en']) {
      await i18n.changeLanguage(lang);
      for (const ms of [0, 59_000, 61 * MIN, 25 * HOUR + MIN, 400 * DAY + 23 * HOUR]) {
        expect(formatDuration(ms)).not.toMatch(/[a-z]+\.[a-z]+/i);
      }
    }
  });

  it('counts down with days past a day', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(formatCountdown(HOUR + 5 * MIN + 9_000)).toBe('01:05:09');
    expect(formatCountdown(2 * DAY + HOUR)).toBe('2天 01:00:00');
  });
});

describe('dates and times in Beijing time', () => {
  for (const tz of ['UTC', 'America/New_York', 'Asia/Shanghai', 'Pacific/Kiritimati']) {
    it(`shows "YYYY-MM-DD HH:mm" in Beijing time for a browser in ${tz}`, () => {
      process.env.TZ = tz;
      expect(formatDateTime(INSTANT)).toBe('2026-12-07 11:29');
      expect(formatDateTimeSec(INSTANT)).toBe('2026-12-07 11:29:05');
      expect(formatDate(INSTANT)).toBe('2026-12-07');
      expect(formatTime(INSTANT)).toBe('11:29');
      expect(formatDateTime(NEW_YEAR)).toBe('2027-01-01 04:30');
      expect(beijingDay(NEW_YEAR)).toBe('2027-01-01');
      expect(beijingMonth(NEW_YEAR)).toBe('2027-01');
    });
  }

  it('gives a date-time picker the Beijing wall clock and reads it back, in any browser zone', () => {
    for (const tz of ['America/New_York', 'UTC', 'Asia/Shanghai']) {
      process.env.TZ = tz;
      const shown = beijingWallClock(INSTANT);
      expect(shown.format('YYYY-MM-DD HH:mm:ss')).toBe('2026-12-07 11:29:05');
      expect(fromBeijingWallClock(shown)).toBe(INSTANT);
      expect(fromBeijingWallClock(shown.hour(8).minute(0).second(0))).toBe(Date.UTC(2026, 11, 7, 0, 0, 0));
    }
  });

  it('is the same form in English', async () => {
    await i18n.changeLanguage('en');
    expect(formatDateTime(INSTANT)).toBe('2026-12-07 11:29');
  });

  it('shows a dash for a missing value', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDate(undefined)).toBe('—');
    expect(formatTime(null)).toBe('—');
  });
});

describe('localized', () => {
  afterEach(() => void i18n.changeLanguage('zh-CN'));
  const text = { 'zh-CN': '未启用', en: 'disabled' };

  it("shows a server text sent in both languages in the UI's language, switching with it", async () => {
    await i18n.changeLanguage('zh-CN');
    expect(localized(text)).toBe('未启用');
    await i18n.changeLanguage('en');
    expect(localized(text)).toBe('disabled');
  });
});
