// The staffing API gives problems and gaps as codes; these are the words each language shows for them (the same
// words the server used to send as "中文 / English" texts).
import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { gapText, problemText } from './texts';

const zh = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en');
const gap = (discipline: 'software' | 'data_gis', missing: number, resident: boolean, builtProject: boolean) =>
  ({ code: 'missing', params: { discipline, missing, resident, builtProject } }) as const;

describe('staffing problems and gaps in words', () => {
  it('words each problem in both languages', () => {
    const lacks = { code: 'lacks_discipline', params: { discipline: 'software' } } as const;
    expect(problemText(zh, lacks)).toBe('不具备软件工程师专业');
    expect(problemText(en, lacks)).toBe('lacks the software engineer discipline');
    const cert = { code: 'cert_expired', params: { name: 'CISP', expiresOn: '2026-10-01' } } as const;
    expect(problemText(zh, cert)).toBe('证书已过期：CISP（2026-10-01）');
    expect(problemText(en, cert)).toBe('certificate expired: CISP (2026-10-01)');
    const gone = { code: 'inactive', params: {} } as const;
    expect(problemText(zh, gone)).toBe('不再是在岗工程师');
    expect(problemText(en, gone)).toBe('no longer active staff');
  });

  it('words a gap with its count, residence and building condition, plural in English', () => {
    expect(gapText(zh, gap('software', 3, true, true))).toBe('缺 3 名驻场软件工程师（须参与过本项目建设）');
    expect(gapText(en, gap('software', 3, true, true))).toBe(
      '3 resident software engineers missing (must have built the project)',
    );
    expect(gapText(zh, gap('data_gis', 1, false, false))).toBe('缺 1 名数据/测绘地理信息工程师');
    expect(gapText(en, gap('data_gis', 1, false, false))).toBe('1 data/GIS engineer missing');
  });
});
