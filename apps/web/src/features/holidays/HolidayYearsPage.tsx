import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Space, Spin, Tag } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, applyFormError } from '../../api/client';
import type { HolidayYear, HolidayYears } from '../../api/types';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useCurrentUser } from '../auth/useMe';
import { HolidayHorizonAlert } from './HolidayHorizonAlert';

type Day = { date: string; name: string };
type Values = { holidays: Day[]; workdays: Day[] };

/** One list of dates (days off or make-up working days); every input is labelled by its row for screen readers. */
function DayList({
  name,
  title,
  add,
  disabled,
}: {
  name: keyof Values;
  title: string;
  add: string;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  return (
    <fieldset style={{ border: 0, padding: 0, margin: '0 0 16px' }}>
      <legend style={{ fontSize: 14, fontWeight: 600 }}>{title}</legend>
      <Form.List name={name}>
        {(fields, ops) => (
          <>
            {fields.map((f, i) => (
              <Space key={f.key} align="start" wrap style={{ display: 'flex' }}>
                <Form.Item
                  name={[f.name, 'date']}
                  rules={[{ required: true, message: t('common.required') }]}
                  style={{ marginBottom: 8 }}
                >
                  <Input
                    aria-label={t('holidays.dateN', { n: i + 1 })}
                    placeholder={t('holidays.datePlaceholder')}
                    style={{ width: 140 }}
                    disabled={disabled}
                    data-testid={`${name}-date`}
                  />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'name']}
                  rules={[{ required: true, message: t('common.required') }]}
                  style={{ marginBottom: 8 }}
                >
                  <Input
                    aria-label={t('holidays.nameN', { n: i + 1 })}
                    style={{ width: 160 }}
                    maxLength={100}
                    disabled={disabled}
                    data-testid={`${name}-name`}
                  />
                </Form.Item>
                {disabled ? null : (
                  <Button
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={t('holidays.removeN', { n: i + 1 })}
                    onClick={() => ops.remove(f.name)}
                  />
                )}
              </Space>
            ))}
            {disabled ? null : (
              <Button
                icon={<PlusOutlined aria-hidden />}
                onClick={() => ops.add({ date: '', name: '' })}
                data-testid={`${name}-add`}
              >
                {add}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </fieldset>
  );
}

/**
 * 节假日数据: the national holiday years, entered once by the system admin for all contracts
 * (service managers read). Lists the contracts whose warning is due; the admin has no dashboard.
 */
export default function HolidayYearsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const me = useCurrentUser();
  const canEdit = me.roles.includes('sys_admin');
  const [form] = Form.useForm<Values>();
  const { data: overview } = useQuery({
    queryKey: ['holiday-years'],
    queryFn: () => api<HolidayYears>('/holiday-years'),
  });
  const official = useMemo(() => overview?.officialYears ?? [], [overview]);
  const firstMissing = overview?.warnings[0]?.missingYears[0];
  const [year, setYear] = useState<number | null>(null);
  const [input, setInput] = useState<number | null>(null);
  useEffect(() => {
    if (year === null && overview) {
      const y = firstMissing ?? (official.length ? official[official.length - 1]! + 1 : new Date().getFullYear() + 1);
      setYear(y);
      setInput(y);
    }
  }, [overview, year, firstMissing, official]);
  const { data, isPending } = useQuery({
    queryKey: ['holiday-years', year],
    enabled: year !== null,
    queryFn: () => api<HolidayYear>(`/holiday-years/${year}`),
  });
  useEffect(() => {
    if (data) form.setFieldsValue({ holidays: data.holidays, workdays: data.workdays });
  }, [data, form]);
  const save = useMutation({
    mutationFn: (body: Values) => api<HolidayYear>(`/holiday-years/${year}`, { method: 'PUT', body }),
    onSuccess: (y) => {
      qc.setQueryData(['holiday-years', y.year], y);
      void qc.invalidateQueries({ queryKey: ['holiday-years'], exact: true });
      void qc.invalidateQueries({ queryKey: ['projects'] });
      void qc.invalidateQueries({ queryKey: ['dashboard'] });
      void message.success(t('holidays.saved', { year: y.year }));
    },
    onError: (e) => {
      if (!applyFormError(form, e)) void message.error(e instanceof ApiError ? e.detail : t('error.unknown'));
    },
  });
  const range = { from: official[0] ?? '—', to: official[official.length - 1] ?? '—' };
  return (
    <>
      <PageHeader title={t('holidays.title')} />
      <HolidayHorizonAlert warnings={overview?.warnings ?? []} />
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('holidays.hint', range)} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <p style={{ margin: 0 }}>{t('holidays.officialRange', range)}</p>
        <p style={{ margin: '8px 0 0' }}>
          {t('holidays.adminYears')}：
          {overview?.adminYears.length
            ? overview.adminYears.map((y) => <Tag key={y.year}>{y.year}</Tag>)
            : t('holidays.noAdminYears')}
        </p>
      </Card>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <label htmlFor="holiday-year">{t('holidays.year')}</label>
          <InputNumber
            id="holiday-year"
            min={2000}
            max={2100}
            precision={0}
            value={input}
            onChange={(v) => setInput(v)}
            data-testid="holiday-year"
          />
          <Button onClick={() => input && setYear(input)} data-testid="holiday-year-load">
            {t('holidays.load')}
          </Button>
          {data ? (
            <Tag color={data.source === 'none' ? undefined : 'blue'} data-testid="holiday-source">
              {t(`holidays.source.${data.source}`)}
            </Tag>
          ) : null}
        </Space>
        {data?.updatedAt ? (
          <p className="muted">
            {t('holidays.updated', { name: data.updatedByName ?? '—', at: formatDateTime(data.updatedAt) })}
          </p>
        ) : null}
        {!canEdit ? <Alert type="info" style={{ marginBottom: 12 }} message={t('holidays.readOnly')} /> : null}
        {isPending && year !== null ? (
          <Spin />
        ) : (
          <Form
            form={form}
            name="holiday-year"
            layout="vertical"
            onFinish={(v) => save.mutate({ holidays: v.holidays ?? [], workdays: v.workdays ?? [] })}
          >
            <DayList
              name="holidays"
              title={t('holidays.holidays')}
              add={t('holidays.addHoliday')}
              disabled={!canEdit}
            />
            <DayList
              name="workdays"
              title={t('holidays.workdays')}
              add={t('holidays.addWorkday')}
              disabled={!canEdit}
            />
            {canEdit ? (
              <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="holiday-save">
                {t('holidays.save', { year: year ?? '' })}
              </Button>
            ) : null}
          </Form>
        )}
      </Card>
    </>
  );
}
