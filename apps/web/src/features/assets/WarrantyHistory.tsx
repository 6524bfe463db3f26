import { useState } from 'react';
import { App, Button, Card, Form, Input, Space, Tag, Timeline } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CheckOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { applyFormError } from '../../api/client';
import type { AnnualInspection, AssetDetail, WarrantyStep } from '../../api/types';
import { ticketPath } from '../../app/roles';
import { formatDateTime } from '../../components/format';
import { ResponsiveList } from '../../components/ResponsiveList';
import { useCurrentUser } from '../auth/useMe';
import { beijingDay } from '../fieldwork/api';
import { useRecordInspection } from './api';
import { DateField } from '../../components/DateField';
import { FormModal } from '../../components/FormModal';

/**
 * 质保历程 (R4): the end set at acceptance, then each replacement that extended it — old → new
 * serial, the contract's policy (downtime / restart), the days added and the ticket.
 */
export function WarrantyHistory({ asset }: { asset: AssetDetail }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (!asset.warrantyHistory.length)
    return (
      <p className="muted" style={{ margin: 0 }}>
        {t('warranty.noHistory')}
      </p>
    );

  const step = (s: WarrantyStep) => (
    <div
      data-testid="warranty-step"
      data-kind={s.kind}
      data-end={s.end}
      data-days={s.extendedByDays}
      style={{ overflowWrap: 'anywhere' }}
    >
      <Space wrap size={[6, 2]}>
        <strong>{s.on}</strong>
        <Tag style={{ marginInlineEnd: 0 }}>{t(`warranty.step.${s.kind}`)}</Tag>
        {s.ticketId ? (
          <Link to={ticketPath(me, s.ticketId)} data-testid="warranty-step-ticket">
            {s.ticketNumber ?? s.ticketId}
          </Link>
        ) : null}
      </Space>
      {s.oldSerial || s.newSerial ? (
        <div data-testid="warranty-step-serials">
          {t('warranty.serials', { old: s.oldSerial ?? '—', new: s.newSerial ?? '—' })}
        </div>
      ) : null}
      <div>
        {t('warranty.endOn', { date: s.end })}
        {s.kind !== 'acceptance' ? (
          <span className="muted"> · {t('warranty.extendedBy', { n: s.extendedByDays })}</span>
        ) : null}
      </div>
    </div>
  );

  return (
    <div className="stack" data-testid="warranty-history">
      <Space wrap size={[16, 4]}>
        <span>
          {t('warranty.originalEnd')}:{' '}
          <strong data-testid="warranty-original-end">{asset.originalWarrantyEnd ?? '—'}</strong>
        </span>
        <span>
          {t('warranty.currentEnd')}: <strong data-testid="warranty-current-end">{asset.warrantyEnd ?? '—'}</strong>
        </span>
      </Space>
      <Timeline
        items={asset.warrantyHistory.map((s, i) => ({
          key: `${s.on}-${i}`,
          color: s.kind === 'acceptance' ? 'gray' : s.kind === 'restart' ? 'purple' : 'blue',
          children: step(s),
        }))}
      />
    </div>
  );
}

const INSPECTION_COLOR: Record<AnnualInspection['status'], string> = {
  done: '#237804',
  upcoming: '#595959',
  due: '#ad4e00',
  overdue: '#a8071a',
};

export function InspectionStatusTag({ status }: { status: AnnualInspection['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={INSPECTION_COLOR[status]}
      data-testid="inspection-status"
      data-status={status}
      style={{ marginInlineEnd: 0 }}
    >
      {t(`inspection.status.${status}`)}
    </Tag>
  );
}

interface Values {
  doneOn: string;
  note?: string;
}

function InspectionModal({ asset, onClose }: { asset: AssetDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const record = useRecordInspection(asset.id);
  return (
    <FormModal
      form={form}
      title={t('inspection.recordTitle', { name: asset.name })}
      onClose={onClose}
      onFinish={(v) =>
        record.mutate(
          { doneOn: v.doneOn, note: v.note?.trim() || undefined },
          {
            onSuccess: () => {
              void message.success(t('inspection.recorded'));
              onClose();
            },
            onError: (e) => applyFormError(form, e),
          },
        )
      }
      saving={record.isPending}
      initialValues={{ doneOn: beijingDay() }}
      okTestId="inspection-save"
      formTestId="inspection-form"
      formName="inspection"
    >
      <Form.Item
        name="doneOn"
        label={t('inspection.doneOn')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <DateField data-testid="inspection-date" />
      </Form.Item>
      <Form.Item name="note" label={t('inspection.note')}>
        <Input.TextArea rows={3} maxLength={1000} data-testid="inspection-note" />
      </Form.Item>
    </FormModal>
  );
}

/** 年度巡检 (R5): one free inspection per year of warranty, due on each anniversary of acceptance. */
export function AnnualInspections({ asset, canRecord }: { asset: AssetDetail; canRecord: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const columns: ColumnsType<AnnualInspection> = [
    { title: t('inspection.year'), key: 'year', dataIndex: 'year', width: 80 },
    { title: t('inspection.dueOn'), key: 'due', dataIndex: 'dueOn', width: 120 },
    { title: t('inspection.doneOn'), key: 'done', render: (_, i) => i.doneOn ?? '—', width: 120 },
    { title: t('inspection.statusLabel'), key: 'status', render: (_, i) => <InspectionStatusTag status={i.status} /> },
  ];
  return (
    <div className="stack" data-testid="annual-inspections">
      <ResponsiveList<AnnualInspection>
        items={asset.annualInspections}
        columns={columns}
        rowKey={(i) => i.year}
        rowTestId="inspection-row"
        label={t('inspection.title')}
        emptyText={t('inspection.none')}
        renderCard={(i) => (
          <Card size="small" className="ticket-card full-width">
            <Space wrap size={6}>
              <strong>{t('inspection.yearN', { n: i.year })}</strong>
              <InspectionStatusTag status={i.status} />
            </Space>
            <div className="muted">
              {t('inspection.dueOn')}: {i.dueOn}
              {i.doneOn ? ` · ${t('inspection.doneOn')}: ${i.doneOn}` : ''}
            </div>
          </Card>
        )}
      />
      {asset.inspections.length ? (
        <section aria-label={t('inspection.done')}>
          <h3 className="card-h2" style={{ fontSize: 14 }}>
            {t('inspection.done')}
          </h3>
          <ul className="problem-list">
            {asset.inspections.map((i) => (
              <li key={i.id} data-testid="inspection-done">
                {i.doneOn} · {i.byName}
                {i.note ? ` · ${i.note}` : ''} <span className="muted">({formatDateTime(i.createdAt)})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {canRecord && asset.state === 'in_service' ? (
        <div>
          <Button icon={<CheckOutlined aria-hidden />} onClick={() => setOpen(true)} data-testid="inspection-record">
            {t('inspection.record')}
          </Button>
        </div>
      ) : null}
      {open ? <InspectionModal asset={asset} onClose={() => setOpen(false)} /> : null}
    </div>
  );
}
