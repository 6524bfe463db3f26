import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Discipline, EngineerProfile } from '../../api/types';

type CertView = EngineerProfile['certifications'][number];

export function DisciplineTag({ discipline }: { discipline: Discipline }) {
  const { t } = useTranslation();
  return (
    <Tag data-testid="discipline" data-discipline={discipline} style={{ marginInlineEnd: 4 }}>
      {t(`staffing.discipline.${discipline}`)}
    </Tag>
  );
}

/** 驻场 / 参与建设: what a requirement asks for or an assignment provides. */
export function FlagTags({ resident, builtProject }: { resident: boolean; builtProject: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {resident ? (
        <Tag color="#0958d9" style={{ marginInlineEnd: 4 }}>
          {t('staffing.resident')}
        </Tag>
      ) : null}
      {builtProject ? (
        <Tag color="#006d75" style={{ marginInlineEnd: 4 }}>
          {t('staffing.builtProject')}
        </Tag>
      ) : null}
    </>
  );
}

/** A certificate with its expiry; expired ones red, ones expiring within 60 days orange. */
export function CertTag({ cert }: { cert: CertView }) {
  const { t } = useTranslation();
  const state = cert.expired ? 'expired' : cert.expiresSoon ? 'soon' : 'valid';
  const color = cert.expired ? '#a8071a' : cert.expiresSoon ? '#ad4e00' : undefined;
  const until = cert.expiresOn ? t('staffing.certUntil', { date: cert.expiresOn }) : t('staffing.certNoExpiry');
  return (
    <Tag color={color} data-testid="cert" data-state={state} style={{ marginInlineEnd: 4, whiteSpace: 'normal' }}>
      {cert.name}
      {cert.number ? ` ${cert.number}` : ''} · {until}
      {state !== 'valid' ? ` · ${t(`staffing.cert.${state}`)}` : ''}
    </Tag>
  );
}
