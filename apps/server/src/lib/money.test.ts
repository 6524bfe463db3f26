import { describe, expect, it } from 'vitest';
import { yuanInCapitals } from './money.js';

describe('yuanInCapitals (金额大写)', () => {
  it.each([
    [0, '零元整'],
    [1000, '壹拾元整'],
    [100500, '壹仟零伍元整'],
    [127000, '壹仟贰佰柒拾元整'],
    [10000000050, '壹亿元伍角'],
    [50, '伍角'],
    [1, '壹分'],
    [123456, '壹仟贰佰叁拾肆元伍角陆分'],
    [10000007, '壹拾万元零柒分'],
    [1001, '壹拾元零壹分'],
    [2000000000, '贰仟万元整'],
    [-1200, '负壹拾贰元整'],
  ])('%i cents → %s', (cents, words) => {
    expect(yuanInCapitals(cents)).toBe(words);
  });

  it('refuses fractions of a cent', () => {
    expect(() => yuanInCapitals(10.5)).toThrow(RangeError);
  });
});
