import type { ReactNode } from 'react';
import { Card, Descriptions, Space, Tag } from 'antd';
import type { DescriptionsProps } from 'antd';
import { EnvironmentOutlined, PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { RepairPoint } from '../../api/types';

/** Name, address, person in charge and phone: what a customer needs to bring an item for repair. */
export function RepairPointSummary({ point }: { point: RepairPoint }) {
  const { t } = useTranslation();
  return (
    <div data-testid="repair-point" style={{ overflowWrap: 'anywhere' }}>
      <strong data-testid="repair-point-name">{point.name}</strong>
      <div>
        <EnvironmentOutlined aria-hidden /> {point.address}
      </div>
      <div>
        {t('repairPoint.personInCharge')}: {point.personInCharge}
        {point.contact ? ` · ${point.contact}` : ''} · <PhoneOutlined aria-hidden />{' '}
        <a href={`tel:${point.phone.replace(/\s+/g, '')}`}>{point.phone}</a>
      </div>
    </div>
  );
}

/** A repair point with everything it offers: capabilities, staff per discipline, projects served. */
export function RepairPointCard({ point, extra }: { point: RepairPoint; extra?: ReactNode }) {
  const { t } = useTranslation();
  const items: DescriptionsProps['items'] = [
    { key: 'address', label: t('repairPoint.address'), children: point.address },
    { key: 'person', label: t('repairPoint.personInCharge'), children: point.personInCharge },
    { key: 'contact', label: t('repairPoint.contact'), children: point.contact ?? '—' },
    {
      key: 'phone',
      label: t('repairPoint.phone'),
      children: <a href={`tel:${point.phone.replace(/\s+/g, '')}`}>{point.phone}</a>,
    },
    {
      key: 'capabilities',
      label: t('repairPoint.capabilities'),
      children: point.capabilities.length ? (
        <Space size={[4, 4]} wrap>
          {point.capabilities.map((c) => (
            <Tag key={c} style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
              {c}
            </Tag>
          ))}
        </Space>
      ) : (
        '—'
      ),
    },
    {
      key: 'staff',
      label: t('repairPoint.staff'),
      children: point.staff.filter((s) => s.count > 0).length
        ? point.staff
            .filter((s) => s.count > 0)
            .map((s) => t('repairPoint.staffN', { discipline: t(`staffing.discipline.${s.discipline}`), n: s.count }))
            .join(t('record.listSep'))
        : '—',
    },
    {
      key: 'projects',
      label: t('repairPoint.projects'),
      children: point.projects.map((p) => p.name).join(t('record.listSep')) || '—',
    },
  ];
  return (
    <Card
      size="small"
      title={
        <h2 className="card-h2" data-testid="repair-point-name">
          {point.name}
        </h2>
      }
      extra={extra}
      data-testid="repair-point-card"
      className="full-width"
    >
      <Descriptions size="small" column={1} items={items} styles={{ label: { whiteSpace: 'nowrap' } }} />
    </Card>
  );
}
