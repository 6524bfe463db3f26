import { useEffect, useMemo } from 'react';
import { Alert, Button, Card, Col, Form, Input, InputNumber, Radio, Result, Row, Space, Spin, Switch } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { applyFormError } from '../../api/client';
import { useProjects } from '../../api/queries';
import { MANUAL_RECORD_KINDS } from '../../api/enums';
import type { OmRecord } from '../../api/types';
import { FormRadioGroup, FormSelect } from '../../components/formControls';
import { PageHeader } from '../../components/PageHeader';
import { useCurrentVisit, useSiteVisits } from '../fieldwork/api';
import { useCreateRecord, useProjectTickets, useRecord, useUpdateRecord } from './api';
import { DateTimeField } from '../../components/DateField';
import { recordPath } from './RecordList';
import {
  derivedHeadcount,
  fromRecord,
  fromSiteVisit,
  localDay,
  toFields,
  windowOf,
  withVisitTickets,
  type RecordValues,
  type VisitOption,
} from './recordForm';
import { VisitPicker } from './VisitPicker';
import { DateField } from '../../components/DateField';
import { SearchSelect } from '../../components/SearchSelect';

/** /records/new and /records/:id/edit (a draft or a rejected record). */
export default function RecordEditorPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { data: record, isPending, error } = useRecord(id);
  if (!id) return <RecordEditor />;
  if (isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (!record)
    return (
      <Result
        status={error ? '404' : 'error'}
        title={<h1 style={{ fontSize: 22, margin: 0 }}>{t('record.notFound')}</h1>}
      />
    );
  if (!record.allowedActions.includes('edit'))
    return (
      <Result
        status="403"
        title={<h1 style={{ fontSize: 22, margin: 0 }}>{t('record.notEditable')}</h1>}
        extra={<Button href={recordPath(record.id)}>{t('common.back')}</Button>}
      />
    );
  return <RecordEditor key={record.id} record={record} />;
}

function RecordEditor({ record }: { record?: OmRecord }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<RecordValues>();
  const { data: projects = [], isPending: projectsLoading } = useProjects();
  const { data: current } = useCurrentVisit();
  const projectId = Form.useWatch('projectId', form);
  const day = Form.useWatch('day', form);
  const visitIds = Form.useWatch('visitIds', form) ?? [];
  const extraStaff = Form.useWatch('extraStaff', form) ?? [];
  const override = Form.useWatch('overrideHeadcount', form);
  const dayVisits = useSiteVisits({ projectId, day }, !!projectId && !!day);
  const { data: tickets = [], isFetching: ticketsLoading } = useProjectTickets(projectId);
  const create = useCreateRecord();
  const update = useUpdateRecord(record?.id ?? '');

  // Offer the visits of the chosen project and day, plus those the record already covers.
  const options = useMemo(() => {
    const map = new Map<string, VisitOption>();
    for (const v of record?.visits ?? []) map.set(v.id, v);
    for (const v of dayVisits.data?.items ?? []) map.set(v.id, fromSiteVisit(v));
    return [...map.values()].sort((a, b) => a.checkedInAt - b.checkedInAt);
  }, [record, dayVisits.data]);
  const picked = options.filter((v) => visitIds.includes(v.id));
  const derived = derivedHeadcount(picked, extraStaff);
  const visitTickets = [
    ...new Map(options.flatMap((v) => (v.ticket ? [[v.ticket.id, v.ticket] as const] : []))).values(),
  ];

  const initial = useMemo<Partial<RecordValues>>(() => {
    if (record) return fromRecord(record);
    const fromUrl = params.get('projectId') ?? undefined;
    return {
      kind: 'daily',
      projectId: fromUrl ?? current?.projectId ?? (projects.length === 1 ? projects[0]?.id : undefined),
      day: localDay(Date.now()),
      visitIds: params.getAll('visitId'),
      ticketIds: [],
      extraStaff: [],
      overrideHeadcount: false,
    };
    // Only the first render's values count; later changes are the user's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [record]);
  useEffect(() => {
    if (
      !record &&
      !form.isFieldTouched('projectId') &&
      initial.projectId === undefined &&
      (current?.projectId || projects.length === 1)
    )
      form.setFieldValue('projectId', current?.projectId ?? projects[0]?.id);
    // Fills the project once the lists arrive; the form and the first values are fixed for the page's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current, projects]);
  // Visits named in the URL (from the on-site page): once they are loaded, take their window and place.
  useEffect(() => {
    if (record || form.getFieldValue('serviceStart') !== undefined || !visitIds.length) return;
    const chosen = options.filter((v) => visitIds.includes(v.id));
    const win = windowOf(chosen);
    if (win)
      form.setFieldsValue({
        serviceStart: win.start,
        serviceEnd: win.end,
        location: form.getFieldValue('location') || chosen[0]?.location,
      });
    // The ticket chosen at check-in comes along into the record.
    if (win) form.setFieldValue('ticketIds', withVisitTickets(form.getFieldValue('ticketIds') ?? [], chosen));
    // Runs when the visit options load; the URL's visit ids and the record do not change on this page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [options]);

  /** Picking visits fills the service window and the place (still editable). */
  const onValuesChange = (changed: Partial<RecordValues>, all: RecordValues) => {
    if (changed.projectId !== undefined) form.setFieldsValue({ visitIds: [], ticketIds: [] });
    if (changed.visitIds) {
      const win = windowOf(options.filter((v) => changed.visitIds!.includes(v.id)));
      if (win) form.setFieldsValue({ serviceStart: win.start, serviceEnd: win.end });
      const first = options.find((v) => changed.visitIds!.includes(v.id));
      if (first && !all.location?.trim()) form.setFieldValue('location', first.location);
      const added = options.filter((v) => changed.visitIds!.includes(v.id));
      form.setFieldValue('ticketIds', withVisitTickets(all.ticketIds ?? [], added));
    }
  };

  const onFinish = (v: RecordValues) => {
    const fields = toFields(v);
    const done = (r: OmRecord) => navigate(recordPath(r.id), { replace: true });
    const onError = (e: unknown) => applyFormError(form, e);
    if (record) update.mutate(fields, { onSuccess: done, onError });
    else create.mutate({ ...fields, projectId: v.projectId }, { onSuccess: done, onError });
  };

  const required = { required: true, message: t('common.required') };
  const text = { ...required, whitespace: true };
  const half = { xs: 24, md: 12 };
  const title = record ? t('record.editTitle', { number: record.number }) : t('record.newTitle');
  return (
    <>
      <PageHeader title={title} />
      {record?.status === 'rejected' && record.rejectReason ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('record.rejectedBy', { name: record.rejectorName ?? '' })}
          description={
            <span className="pre-wrap" data-testid="editor-reject-reason">
              {record.rejectReason}
            </span>
          }
        />
      ) : null}
      <Card>
        <Form<RecordValues>
          form={form}
          name="om-record"
          layout="vertical"
          initialValues={initial}
          onValuesChange={onValuesChange}
          onFinish={onFinish}
          scrollToFirstError
        >
          <Row gutter={16}>
            <Col {...half}>
              <Form.Item name="kind" label={t('record.kindLabel')} rules={[required]}>
                <FormRadioGroup optionType="button" buttonStyle="solid">
                  {MANUAL_RECORD_KINDS.map((k) => (
                    <Radio.Button key={k} value={k}>
                      <span data-testid={`record-kind-${k}`}>{t(`record.kind.${k}`)}</span>
                    </Radio.Button>
                  ))}
                </FormRadioGroup>
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="projectId" label={t('record.project')} rules={[required]}>
                <SearchSelect
                  loading={projectsLoading}
                  disabled={!!record}
                  options={projects.map((p) => ({ value: p.id, label: `${p.name} (${p.customerName})` }))}
                  data-testid="record-project"
                />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="day" label={t('record.visitDay')} extra={t('record.visitDayHelp')}>
                <DateField data-testid="record-day" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="visitIds" label={t('record.pickVisits')} extra={t('record.pickVisitsHelp')}>
                <VisitPicker options={options} loading={!!projectId && dayVisits.isFetching && !dayVisits.data} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="serviceStart" label={t('record.serviceStart')} rules={[required]}>
                <DateTimeField data-testid="record-service-start-input" />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item
                name="serviceEnd"
                label={t('record.serviceEnd')}
                dependencies={['serviceStart']}
                rules={[
                  required,
                  ({ getFieldValue }) => ({
                    validator: (_, end?: number) => {
                      const start = getFieldValue('serviceStart') as number | undefined;
                      return end !== undefined && start !== undefined && end < start
                        ? Promise.reject(new Error(t('record.endBeforeStart')))
                        : Promise.resolve();
                    },
                  }),
                ]}
              >
                <DateTimeField data-testid="record-service-end-input" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="location" label={t('record.location')} rules={[text]}>
            <Input maxLength={200} data-testid="record-location" />
          </Form.Item>
          <Form.Item name="content" label={t('record.content')} rules={[text]}>
            <Input.TextArea rows={5} maxLength={20000} data-testid="record-content-input" />
          </Form.Item>
          <Form.Item name="result" label={t('record.result')} rules={[text]}>
            <Input.TextArea rows={3} maxLength={5000} data-testid="record-result-input" />
          </Form.Item>
          <Row gutter={16}>
            <Col {...half}>
              <Form.Item name="ticketIds" label={t('record.tickets')}>
                <SearchSelect
                  mode="multiple"
                  allowClear
                  disabled={!projectId}
                  loading={ticketsLoading}
                  options={[
                    ...(record?.tickets ?? [])
                      .filter((tk) => !tickets.some((x) => x.id === tk.id))
                      .map((tk) => ({ value: tk.id, label: `${tk.number} ${tk.title}` })),
                    ...tickets.map((tk) => ({ value: tk.id, label: `${tk.number} ${tk.title}` })),
                    // A visit's ticket assigned to someone else (a colleague's, the dispatcher's check-in) is offered by its number.
                    ...visitTickets
                      .filter(
                        (tk) => !tickets.some((x) => x.id === tk.id) && !record?.tickets.some((x) => x.id === tk.id),
                      )
                      .map((tk) => ({ value: tk.id, label: tk.number })),
                  ]}
                  data-testid="record-tickets-input"
                />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="extraStaff" label={t('record.extraStaff')} extra={t('record.extraStaffHelp')}>
                <FormSelect
                  mode="tags"
                  open={false}
                  suffixIcon={null}
                  tokenSeparators={[',', '，', '、']}
                  data-testid="record-extra-staff"
                />
              </Form.Item>
            </Col>
          </Row>
          <div className="muted" style={{ marginBottom: 8 }} data-testid="record-derived-headcount" aria-live="polite">
            {t('record.derivedHeadcount', { n: derived })}
          </div>
          <Form.Item name="overrideHeadcount" label={t('record.overrideHeadcount')} valuePropName="checked">
            <Switch data-testid="record-override" />
          </Form.Item>
          {override ? (
            <Row gutter={16}>
              <Col xs={24} md={6}>
                <Form.Item name="headcount" label={t('record.headcount')} rules={[required]}>
                  <InputNumber
                    min={0}
                    max={500}
                    precision={0}
                    className="full-width"
                    data-testid="record-headcount-input"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={18}>
                <Form.Item name="headcountReason" label={t('record.headcountReason')} rules={[text]}>
                  <Input maxLength={500} data-testid="record-headcount-reason" />
                </Form.Item>
              </Col>
            </Row>
          ) : null}
          <Space wrap>
            <Button
              type="primary"
              htmlType="submit"
              loading={create.isPending || update.isPending}
              data-testid="record-save"
            >
              {t('common.save')}
            </Button>
            <Button onClick={() => navigate(record ? recordPath(record.id) : '/records')}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
