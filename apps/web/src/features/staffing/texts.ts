import type { TFunction } from 'i18next';
import type { StaffingGap, StaffingProblem } from '@weibao/schema';

/** Why an assignment does not count, in the reader's language (the API gives a code and its parameters). */
export function problemText(t: TFunction, p: StaffingProblem): string {
  switch (p.code) {
    case 'inactive':
      return t('staffing.problem.inactive');
    case 'lacks_discipline':
      return t('staffing.problem.lacks_discipline', { discipline: t(`staffing.engineer.${p.params.discipline}`) });
    case 'cert_expired':
      return t('staffing.problem.cert_expired', { name: p.params.name, expiresOn: p.params.expiresOn });
  }
}

/** A requirement short of qualified people: "缺 3 名驻场软件工程师（须参与过本项目建设）". */
export function gapText(t: TFunction, g: StaffingGap): string {
  const { discipline, missing, resident, builtProject } = g.params;
  const noun = t(missing > 1 ? `staffing.engineers.${discipline}` : `staffing.engineer.${discipline}`);
  const who = resident ? t('staffing.gap.resident', { who: noun }) : noun;
  return t(builtProject ? 'staffing.gap.missingBuilt' : 'staffing.gap.missing', { n: missing, who });
}
