import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHead, auditSince, demoIds, expectRefused } from '../../test/api.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';

const V = '/api/v1';

describe.each(DIALECTS)('staffing plan and engineer qualifications (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  const s: Record<string, Session> = {};
  beforeAll(async () => {
    t = await testApp(dialect);
    ids = await demoIds(t);
    for (const u of ['manager', 'engineer', 'lead_a', 'lead_b']) s[u] = await t.login(u);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("defaults to the bid's plan: 3 resident software engineers who built the project, 1 data/GIS, 1 hardware, 1 network & security", async () => {
    const p = (await s.lead_a!.get(`${V}/projects/${ids.projectA}/staffing`)).body;
    expect(p.requirements.map((r: any) => [r.discipline, r.count, r.resident, r.builtProject])).toEqual([
      ['software', 3, true, true],
      ['data_gis', 1, false, false],
      ['hardware', 1, false, false],
      ['network_security', 1, false, false],
    ]);
    expect(p.coverage.map((c: any) => c.missing)).toEqual([3, 1, 1, 1]);
    // Gaps are codes with parameters, worded by the web in the reader's language (staffing.gap.*).
    expect(p.gaps).toEqual([
      { code: 'missing', params: { discipline: 'software', missing: 3, resident: true, builtProject: true } },
      { code: 'missing', params: { discipline: 'data_gis', missing: 1, resident: false, builtProject: false } },
      { code: 'missing', params: { discipline: 'hardware', missing: 1, resident: false, builtProject: false } },
      { code: 'missing', params: { discipline: 'network_security', missing: 1, resident: false, builtProject: false } },
    ]);
    expect((await s.lead_b!.get(`${V}/projects/${ids.projectA}/staffing`)).status).toBe(404);
  });

  it('flags certificates that expired or expire within 60 days', async () => {
    // The test clock: 2026-10-12.
    const seq = await auditHead(t.database);
    const r = await s.manager!.put(`${V}/engineers/${ids.users.engineer}/profile`, {
      disciplines: ['software', 'network_security'],
      skillLevel: 4,
      certifications: [
        { name: '系统集成项目管理工程师', number: 'XT-001', expiresOn: null },
        { name: 'CISP', expiresOn: '2026-10-01' },
        { name: 'HCIE', expiresOn: '2026-11-30' },
      ],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.certifications.map((c: any) => [c.name, c.expired, c.expiresSoon])).toEqual([
      ['系统集成项目管理工程师', false, false],
      ['CISP', true, false],
      ['HCIE', false, true],
    ]);
    // The audit log is kept in Chinese.
    expect((await auditSince(t.database, seq)).map((a) => [a.action, a.summary])).toEqual([
      ['staffing.profile', '工程师资质：张工，软件工程师、网络与安全工程师，3 项证书'],
    ]);
    await expectRefused(
      t,
      s.manager!,
      'PUT',
      `${V}/engineers/${ids.users.engineer}/profile`,
      { disciplines: ['plumbing'], skillLevel: 4, certifications: [] },
      { status: 400, code: 'VALIDATION', field: 'disciplines[0]' },
    );
    expect(
      (
        await s.engineer!.put(`${V}/engineers/${ids.users.engineer}/profile`, {
          disciplines: [],
          skillLevel: 5,
          certifications: [],
        })
      ).status,
    ).toBe(403);
  });

  it('shows who fills which requirement, why an assignment does not count, and the gaps left', async () => {
    await s.manager!.put(`${V}/engineers/${ids.users.engineer2}/profile`, {
      disciplines: ['hardware'],
      skillLevel: 3,
      certifications: [],
    });
    const seq = await auditHead(t.database);
    const r = await s.manager!.put(`${V}/projects/${ids.projectA}/staffing`, {
      requirements: [
        { discipline: 'software', count: 1, resident: true, builtProject: true },
        { discipline: 'network_security', count: 1, resident: false, builtProject: false },
        { discipline: 'hardware', count: 1, resident: false, builtProject: false },
      ],
      assignments: [
        { userId: ids.users.engineer, discipline: 'network_security', resident: false, builtProject: false },
        { userId: ids.users.engineer2, discipline: 'software', resident: true, builtProject: true },
        { userId: ids.users.engineer2, discipline: 'hardware', resident: false, builtProject: false },
      ],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.assignments.map((a: any) => [a.name, a.discipline, a.qualified, a.problems])).toEqual([
      [
        '张工',
        'network_security',
        false,
        [{ code: 'cert_expired', params: { name: 'CISP', expiresOn: '2026-10-01' } }],
      ],
      ['赵工', 'software', false, [{ code: 'lacks_discipline', params: { discipline: 'software' } }]],
      ['赵工', 'hardware', true, []],
    ]);
    expect(r.body.coverage.map((c: any) => [c.discipline, c.filled, c.missing])).toEqual([
      ['software', 0, 1],
      ['network_security', 0, 1],
      ['hardware', 1, 0],
    ]);
    expect((await auditSince(t.database, seq)).map((a) => [a.action, a.summary])).toEqual([
      ['staffing.plan', `人员配置：${r.body.projectName}，3 人，缺口 2 项`],
    ]);
    expect(r.body.gaps).toEqual([
      { code: 'missing', params: { discipline: 'software', missing: 1, resident: true, builtProject: true } },
      { code: 'missing', params: { discipline: 'network_security', missing: 1, resident: false, builtProject: false } },
    ]);
    await expectRefused(
      t,
      s.manager!,
      'PUT',
      `${V}/projects/${ids.projectA}/staffing`,
      {
        requirements: [],
        assignments: [{ userId: ids.users.lead_a, discipline: 'software', resident: true, builtProject: true }],
      },
      { status: 400, code: 'VALIDATION', field: 'assignments' },
    );
    expect((await s.lead_a!.get(`${V}/projects/${ids.projectA}/staffing`)).body.gaps).toEqual(r.body.gaps);
  });
});
