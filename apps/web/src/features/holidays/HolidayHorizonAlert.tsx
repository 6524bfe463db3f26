import { Alert, Button } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { HolidayHorizonWarning } from '../../api/types';

/** Contracts running into a year without holiday data (shown from 60 days before it starts). */
export function HolidayHorizonAlert({
  warnings,
  enterLink,
}: {
  warnings: HolidayHorizonWarning[];
  enterLink?: boolean;
}) {
  const { t } = useTranslation();
  if (!warnings.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="holiday-horizon-alert"
      message={t('holidays.warningTitle')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {warnings.map((w) => (
            <li key={w.contractId}>
              <Link to={`/admin/projects/${encodeURIComponent(w.projectId)}/contracts`}>
                {t('holidays.warningItem', {
                  code: w.contractCode,
                  name: w.contractName,
                  years: w.missingYears.join('、'),
                })}
              </Link>
            </li>
          ))}
        </ul>
      }
      action={
        enterLink ? (
          <Link to="/admin/holidays">
            <Button size="small">{t('holidays.enterNow')}</Button>
          </Link>
        ) : undefined
      }
    />
  );
}
