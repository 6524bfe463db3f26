import { App, Button, Card, Col, DatePicker, Form, Input, Row } from 'antd';
import { FormSelect } from '../../components/formControls';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { CHANNELS } from '../../api/enums';
import { api, applyFormError } from '../../api/client';
import { useAssignees, useProjects } from '../../api/queries';
import type { Channel, FaultLevel, Ticket, TicketCreate } from '../../api/types';
import { LevelRadioGroup } from '../../components/LevelRadioGroup';
import { PageHeader } from '../../components/PageHeader';
import { AssetPicker } from '../assets/AssetPicker';
import { KbSuggestions } from '../knowledge/KbSuggestions';
import type { Asset } from '../../api/types';
import type { ReporterLookup } from '../start/api';
import { CallerLookup } from './CallerLookup';
import { SearchSelect } from '../../components/SearchSelect';

/** A call logged more than this long after it came in needs a reason (sla-semantics: entry vs reported time). */
const LATE_ENTRY_MS = 24 * 3600_000;

interface Values {
  projectId: string;
  reporterName: string;
  reporterPhone: string;
  reportedAt: Dayjs;
  reportedAtReason?: string;
  channel: Channel;
  level: FaultLevel;
  title: string;
  description?: string;
  location?: string;
  assigneeId?: string;
  assetId?: string;
}

/** 电话报修: everything a dispatcher needs while on the phone, on one screen. */
export default function IntakePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  // 报修 from an asset's page: /intake?projectId=…&assetId=… opens the form with both chosen.
  const [params] = useSearchParams();
  const projectId = Form.useWatch('projectId', form);
  const reportedAt = Form.useWatch('reportedAt', form);
  const reporterPhone = Form.useWatch('reporterPhone', form);
  const { data: projects = [], isPending: projectsLoading } = useProjects();
  const { data: assignees = [], isFetching: assigneesLoading } = useAssignees(projectId);
  const project = projects.find((p) => p.id === projectId);
  const late = !!reportedAt && Date.now() - reportedAt.valueOf() > LATE_ENTRY_MS;

  const create = useMutation({
    mutationFn: (body: TicketCreate) => api<Ticket>('/tickets', { body }),
    onSuccess: (ticket) => {
      void qc.invalidateQueries({ queryKey: ['tickets'] });
      navigate(`/tickets/${encodeURIComponent(ticket.id)}`);
    },
    onError: (e) => applyFormError(form, e),
  });

  /** The asset's location is where the engineer goes, unless the caller said otherwise. */
  const fillLocation = (a: Asset | undefined) => {
    if (a?.location && !form.getFieldValue('location')) form.setFieldValue('location', a.location);
  };

  /** A known caller: their name, project and place from their latest ticket (all still editable). */
  const fillFromCaller = (c: ReporterLookup) => {
    const known = projects.some((p) => p.id === c.projectId);
    if (known && c.projectId !== form.getFieldValue('projectId'))
      form.setFieldsValue({ projectId: c.projectId!, assigneeId: undefined, assetId: undefined });
    form.setFieldsValue({ reporterName: c.reporterName ?? form.getFieldValue('reporterName') });
    if (c.location && !form.getFieldValue('location')) form.setFieldValue('location', c.location);
    void message.success(t('start.caller.filled', { name: c.reporterName }));
  };

  const onFinish = (v: Values) => {
    create.mutate({
      projectId: v.projectId,
      reporterName: v.reporterName.trim(),
      reporterPhone: v.reporterPhone.trim(),
      reportedAt: v.reportedAt.valueOf(),
      reportedAtReason: late ? v.reportedAtReason?.trim() : undefined,
      channel: v.channel,
      level: v.level,
      title: v.title.trim(),
      description: v.description?.trim() ?? '',
      location: v.location?.trim() || undefined,
      assigneeId: v.assigneeId || undefined,
      assetId: v.assetId || undefined,
    });
  };

  const required = { required: true, message: t('common.required') };
  const half = { xs: 24, md: 12 };
  return (
    <>
      <PageHeader title={t('intake.title')} />
      <Card>
        <Form<Values>
          form={form}
          name="intake"
          layout="vertical"
          onFinish={onFinish}
          initialValues={{
            channel: 'phone',
            reportedAt: dayjs(),
            projectId: params.get('projectId') ?? undefined,
            assetId: params.get('assetId') ?? undefined,
          }}
          scrollToFirstError
        >
          <Row gutter={16}>
            <Col {...half}>
              <Form.Item
                name="projectId"
                label={t('intake.project')}
                rules={[required]}
                extra={project ? t('intake.customerIs', { name: project.customerName }) : undefined}
              >
                <SearchSelect
                  loading={projectsLoading}
                  options={projects.map((p) => ({ value: p.id, label: `${p.name} (${p.customerName})` }))}
                  onChange={() => form.setFieldsValue({ assigneeId: undefined, assetId: undefined })}
                  data-testid="intake-project"
                />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="assetId" label={t('intake.asset')} extra={t('intake.assetHelp')}>
                <AssetPicker projectId={projectId} onChange={(_, a) => fillLocation(a)} data-testid="intake-asset" />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="channel" label={t('intake.channel')} rules={[required]}>
                <FormSelect
                  options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
                  data-testid="intake-channel"
                />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item
                name="reporterName"
                label={t('intake.reporterName')}
                rules={[{ ...required, whitespace: true }]}
              >
                <Input maxLength={80} autoComplete="off" data-testid="intake-reporter-name" />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item
                name="reporterPhone"
                label={t('intake.reporterPhone')}
                rules={[required, { min: 3, max: 32, message: t('intake.phoneInvalid') }]}
              >
                <Input type="tel" maxLength={32} autoComplete="off" data-testid="intake-reporter-phone" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <CallerLookup phone={reporterPhone} onUse={fillFromCaller} />
            </Col>
            <Col {...half}>
              <Form.Item
                name="reportedAt"
                label={t('intake.reportedAt')}
                extra={t('intake.reportedAtHelp')}
                rules={[
                  required,
                  {
                    validator: (_, v?: Dayjs) =>
                      v && v.valueOf() > Date.now() + 60_000
                        ? Promise.reject(new Error(t('intake.reportedAtFuture')))
                        : Promise.resolve(),
                  },
                ]}
              >
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  className="full-width"
                  disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                  data-testid="intake-reported-at"
                />
              </Form.Item>
            </Col>
            {late ? (
              <Col {...half}>
                <Form.Item
                  name="reportedAtReason"
                  label={t('intake.reportedAtReason')}
                  rules={[{ ...required, whitespace: true }]}
                  extra={t('intake.lateHelp')}
                >
                  <Input.TextArea rows={2} maxLength={500} data-testid="intake-reported-at-reason" />
                </Form.Item>
              </Col>
            ) : null}
          </Row>
          <Form.Item name="level" label={t('intake.level')} rules={[required]}>
            <LevelRadioGroup testPrefix="intake" />
          </Form.Item>
          <Form.Item name="title" label={t('intake.ticketTitle')} rules={[{ ...required, whitespace: true }]}>
            <Input maxLength={200} data-testid="intake-title" />
          </Form.Item>
          <KbSuggestions form={form} projectId={projectId} />
          <Form.Item name="description" label={t('intake.description')}>
            <Input.TextArea rows={4} maxLength={20000} data-testid="intake-description" />
          </Form.Item>
          <Row gutter={16}>
            <Col {...half}>
              <Form.Item name="location" label={t('intake.location')}>
                <Input maxLength={200} data-testid="intake-location" />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="assigneeId" label={t('intake.assignee')} extra={t('intake.assigneeHelp')}>
                <SearchSelect
                  allowClear
                  disabled={!projectId}
                  loading={assigneesLoading}
                  options={assignees.map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))}
                  data-testid="intake-assignee"
                />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="intake-submit">
            {t('intake.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
