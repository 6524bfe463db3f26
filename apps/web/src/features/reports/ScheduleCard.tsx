import { useEffect } from 'react';
import { App, Button, Card, Checkbox, Form, InputNumber, Select, Spin, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFormError } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { REPORT_FORMATS, type ReportFormat, useReportSchedule, useSaveReportSchedule } from './api';

interface Values {
  enabled: boolean;
  dayOfMonth: number;
  formats: ReportFormat[];
  recipients: string[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** 定时发送 (service manager): the report is generated on a day of each month and e-mailed to the recipients. */
export function ScheduleCard({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const q = useReportSchedule(projectId);
  const save = useSaveReportSchedule(projectId);
  const [form] = Form.useForm<Values>();
  const s = q.data;
  useEffect(() => {
    if (s)
      form.setFieldsValue({
        enabled: s.enabled,
        dayOfMonth: s.dayOfMonth,
        formats: s.formats,
        recipients: s.recipients,
      });
  }, [s, form]);
  const submit = (v: Values) =>
    save.mutate(
      {
        enabled: v.enabled,
        dayOfMonth: v.dayOfMonth,
        formats: v.formats,
        recipients: (v.recipients ?? []).map((x) => x.trim()).filter(Boolean),
      },
      { onSuccess: () => void message.success(t('reports.schedule.saved')), onError: (e) => applyFormError(form, e) },
    );
  return (
    <Card
      size="small"
      title={<h2 className="card-h2">{t('reports.schedule.title')}</h2>}
      style={{ marginTop: 12 }}
      data-testid="schedule-card"
    >
      {q.isPending ? (
        <Spin />
      ) : (
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          style={{ maxWidth: 560 }}
          data-testid="report-schedule-form"
          initialValues={{ enabled: false, dayOfMonth: 3, formats: [...REPORT_FORMATS], recipients: [] }}
        >
          <Form.Item name="enabled" label={t('reports.schedule.enabled')} valuePropName="checked">
            <Switch data-testid="report-schedule-enabled" />
          </Form.Item>
          <Form.Item
            name="dayOfMonth"
            label={t('reports.schedule.dayOfMonth')}
            extra={<span className="muted">{t('reports.schedule.dayHelp')}</span>}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <InputNumber min={1} max={28} precision={0} style={{ width: 120 }} data-testid="report-schedule-day" />
          </Form.Item>
          <Form.Item
            name="formats"
            label={t('reports.schedule.formats')}
            rules={[
              {
                validator: (_, v: ReportFormat[] | undefined) =>
                  v?.length ? Promise.resolve() : Promise.reject(new Error(t('reports.schedule.formatsRequired'))),
              },
            ]}
          >
            <Checkbox.Group
              options={REPORT_FORMATS.map((f) => ({ value: f, label: t(`reports.format.${f}`) }))}
              data-testid="report-schedule-formats"
            />
          </Form.Item>
          <Form.Item
            name="recipients"
            label={t('reports.schedule.recipients')}
            extra={<span className="muted">{t('reports.schedule.recipientsHelp')}</span>}
            rules={[
              {
                validator: (_, v: string[] | undefined) =>
                  (v ?? []).every((x) => EMAIL.test(x.trim()))
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('reports.schedule.badEmail'))),
              },
            ]}
          >
            <Select
              mode="tags"
              tokenSeparators={[',', ';', ' ']}
              open={false}
              suffixIcon={null}
              placeholder="name@example.cn"
              data-testid="report-schedule-recipients"
            />
          </Form.Item>
          {s ? (
            <p className="muted" data-testid="report-schedule-runs">
              {t('reports.schedule.nextRun', { at: formatDateTime(s.nextRunAt) })} ·{' '}
              {t('reports.schedule.lastRun', { at: formatDateTime(s.lastRunAt) })}
            </p>
          ) : null}
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="report-schedule-save">
            {t('common.save')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
