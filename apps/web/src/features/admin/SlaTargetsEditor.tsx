import { Checkbox, Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { ALL_PAUSE_REASONS } from './contractForm';
import { FAULT_LEVELS } from '@weibao/schema/enum-values';

const KINDS = [
  { key: 'responseMin', max: 100_000 },
  { key: 'arrivalMin', max: 100_000 },
  { key: 'resolutionMin', max: 1_000_000 },
] as const;

/**
 * 4 fault levels × response / arrival / resolution targets in minutes (defaults 30/30/120), laid out
 * as a grid that still fits a phone. Each input carries its full name ("一级 响应时限（分钟）").
 */
export function SlaTargetsEditor() {
  const { t } = useTranslation();
  return (
    <fieldset style={{ border: 0, padding: 0, margin: '0 0 16px' }}>
      <legend style={{ fontSize: 15, fontWeight: 600, marginBottom: 8 }}>{t('contract.targets')}</legend>
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'minmax(48px, auto) repeat(3, minmax(0, 1fr))',
          gap: 8,
          alignItems: 'start',
        }}
      >
        <span aria-hidden />
        {KINDS.map((k) => (
          <strong key={k.key} aria-hidden style={{ fontSize: 13 }}>
            {t(`contract.${k.key}`)}
          </strong>
        ))}
        {FAULT_LEVELS.map((level) => [
          <span key={`l${level}`} style={{ paddingTop: 5 }}>
            {t(`level.short.${level}`)}
          </span>,
          ...KINDS.map((k) => (
            <Form.Item
              key={`${level}-${k.key}`}
              name={['targets', level - 1, k.key]}
              rules={[{ required: true, message: t('common.required') }]}
              style={{ marginBottom: 0 }}
            >
              <InputNumber
                min={1}
                max={k.max}
                precision={0}
                className="full-width"
                aria-label={t('contract.targetAria', {
                  level: t(`level.short.${level}`),
                  kind: t(`contract.${k.key}`),
                })}
                data-testid={`sla-${level}-${k.key}`}
              />
            </Form.Item>
          )),
        ])}
      </div>
      <div className="muted" style={{ marginTop: 4 }}>
        {t('contract.targetsHelp')}
      </div>
    </fieldset>
  );
}

export function PausePolicyEditor() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="pauseReasons" label={t('contract.pauseReasons')} extra={t('contract.pauseReasonsHelp')}>
        <Checkbox.Group options={ALL_PAUSE_REASONS.map((r) => ({ value: r, label: t(`suspendReason.${r}`) }))} />
      </Form.Item>
      <Form.Item
        name="autoCloseDays"
        label={t('contract.autoCloseDays')}
        extra={t('contract.autoCloseHelp')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <InputNumber min={1} max={90} precision={0} data-testid="contract-autoclose" />
      </Form.Item>
    </>
  );
}
