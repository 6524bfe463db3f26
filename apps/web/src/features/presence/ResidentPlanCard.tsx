import { App, Button, Card, Checkbox, Col, Descriptions, Form, Input, InputNumber, Row, Spin, Switch } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { applyFormError } from '../../api/client';
import { WEEKDAYS } from '../../api/enums';
import { useStaff } from '../../api/queries';
import type { ResidentPlan, ResidentPlanUpdate } from '../../api/types';
import { formatDateTime } from '../../components/format';
import { useSaveResidentPlan } from './api';
import { SearchSelect } from '../../components/SearchSelect';

type Values = Required<ResidentPlanUpdate>;

const title = (text: string) => <h2 className="card-h2">{text}</h2>;

/** Weekday check boxes as one named group (the label of Form.Item cannot name a <div>). */
function WeekdayGroup({
  id,
  value,
  onChange,
  label,
}: {
  id?: string;
  value?: number[];
  onChange?: (v: number[]) => void;
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <div role="group" id={id} aria-label={label}>
      <Checkbox.Group
        value={value}
        onChange={(v) => onChange?.((v as number[]).slice().sort((a, b) => a - b))}
        options={WEEKDAYS.map((d) => ({
          value: d,
          label: <span data-testid={`plan-weekday-${d}`}>{t(`presence.weekday.${d}`)}</span>,
        }))}
      />
    </div>
  );
}

export function weekdayList(days: number[], t: (k: string) => string, sep: string): string {
  return days.map((d) => t(`presence.weekday.${d}`)).join(sep) || '—';
}

/** Read-only plan, for everyone but the service manager. */
function PlanView({ plan }: { plan: ResidentPlan }) {
  const { t } = useTranslation();
  const sep = t('record.listSep');
  return (
    <Card size="small" title={title(t('presence.planTitle'))} data-testid="plan-view">
      <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }}>
        <Descriptions.Item label={t('presence.headcount')}>{plan.headcount}</Descriptions.Item>
        <Descriptions.Item label={t('presence.weekdays')}>{weekdayList(plan.weekdays, t, sep)}</Descriptions.Item>
        <Descriptions.Item label={t('presence.chinaCalendar')}>
          {plan.chinaCalendar ? t('common.yes') : t('common.no')}
        </Descriptions.Item>
        <Descriptions.Item label={t('presence.hours')}>{`${plan.start}–${plan.end}`}</Descriptions.Item>
        <Descriptions.Item label={t('presence.grace')}>
          {t('presence.minutesN', { n: plan.lateGraceMin })}
        </Descriptions.Item>
        <Descriptions.Item label={t('presence.minOnSite')}>
          {t('presence.minutesN', { n: plan.minOnSiteMin })}
        </Descriptions.Item>
        <Descriptions.Item label={t('presence.roster')}>
          <span data-testid="plan-roster">{plan.engineers.map((e) => e.name).join(sep) || '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('presence.updatedAt')}>
          {plan.updatedAt ? formatDateTime(plan.updatedAt) : t('presence.defaults')}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** 驻场计划 for the service manager: headcount, working days, hours, grace and the roster. */
function PlanForm({ projectId, plan }: { projectId: string; plan: ResidentPlan }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { data: staff = [], isPending } = useStaff();
  const save = useSaveResidentPlan(projectId);
  const options = new Map<string, string>();
  for (const s of staff) if (s.roles.includes('engineer')) options.set(s.id, s.displayName);
  for (const e of plan.engineers) if (!options.has(e.id)) options.set(e.id, e.name);

  const onFinish = (v: Values) =>
    save.mutate(
      { ...v, engineerIds: v.engineerIds ?? [] },
      { onSuccess: () => void message.success(t('presence.planSaved')), onError: (e) => applyFormError(form, e) },
    );
  const required = { required: true, message: t('common.required') };
  const hhmm = { pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: t('presence.timeInvalid') };
  return (
    <Card size="small" title={title(t('presence.planTitle'))} data-testid="plan-card">
      <Form<Values>
        form={form}
        name="resident-plan"
        layout="vertical"
        key={`${projectId}-${plan.updatedAt ?? 'default'}`}
        initialValues={{
          headcount: plan.headcount,
          weekdays: plan.weekdays,
          chinaCalendar: plan.chinaCalendar,
          start: plan.start,
          end: plan.end,
          lateGraceMin: plan.lateGraceMin,
          minOnSiteMin: plan.minOnSiteMin,
          engineerIds: plan.engineerIds,
        }}
        onFinish={onFinish}
        scrollToFirstError
      >
        <Row gutter={12}>
          <Col xs={12} md={6}>
            <Form.Item name="headcount" label={t('presence.headcount')} rules={[required]}>
              <InputNumber min={0} max={100} precision={0} className="full-width" data-testid="plan-headcount" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="lateGraceMin" label={t('presence.graceMin')} rules={[required]}>
              <InputNumber min={0} max={240} precision={0} className="full-width" data-testid="plan-grace" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="minOnSiteMin"
              label={t('presence.minOnSiteMin')}
              rules={[required]}
              extra={t('presence.minOnSiteHelp')}
            >
              <InputNumber min={0} max={1440} precision={0} className="full-width" data-testid="plan-min-onsite" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="start" label={t('presence.start')} rules={[required, hhmm]}>
              <Input type="time" data-testid="plan-start" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="end"
              label={t('presence.end')}
              dependencies={['start']}
              rules={[
                required,
                hhmm,
                ({ getFieldValue }) => ({
                  validator: (_, v: string) =>
                    !v || !getFieldValue('start') || v > getFieldValue('start')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('presence.endBeforeStart'))),
                }),
              ]}
            >
              <Input type="time" data-testid="plan-end" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="weekdays" label={t('presence.weekdays')}>
          <WeekdayGroup label={t('presence.weekdays')} />
        </Form.Item>
        <Form.Item
          name="chinaCalendar"
          label={t('presence.chinaCalendar')}
          valuePropName="checked"
          extra={t('presence.chinaCalendarHelp')}
        >
          <Switch data-testid="plan-china-calendar" />
        </Form.Item>
        <Form.Item name="engineerIds" label={t('presence.roster')} extra={t('presence.rosterHelp')}>
          <SearchSelect
            mode="multiple"
            loading={isPending}
            options={[...options].map(([value, label]) => ({ value, label }))}
            data-testid="plan-engineers"
          />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          icon={<SaveOutlined aria-hidden />}
          loading={save.isPending}
          data-testid="plan-save"
        >
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}

export function ResidentPlanCard({
  projectId,
  plan,
  editable,
}: {
  projectId: string;
  plan: ResidentPlan | undefined;
  editable: boolean;
}) {
  if (!plan) return <Spin style={{ display: 'block', margin: 48 }} />;
  return editable ? <PlanForm projectId={projectId} plan={plan} /> : <PlanView plan={plan} />;
}
