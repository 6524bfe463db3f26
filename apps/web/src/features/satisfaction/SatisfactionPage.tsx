import { lazy, Suspense, useState } from 'react';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Progress,
  Row,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { ProjectPicker, useProjectParam } from '../../components/ProjectPicker';
import { formatDateTime } from '../../components/format';
import { useUrlState } from '../../components/useUrlState';
import { LEVEL_COLOR, STATUS_COLOR } from '../../app/theme';
import { ticketPath } from '../../app/roles';
import { useCurrentUser } from '../auth/useMe';
import type { SatisfactionReport, SurveyInput } from './api';
import { CHANNELS, subjectOf, useCreateSurvey, useSatisfaction, useSurveys } from './api';
import { ScoreTag } from './RatingForm';
import { SurveySchedulesCard } from './SurveySchedules';
import { closeOrShowErrors, FormModal } from '../../components/FormModal';

const ScoreChart = lazy(() => import('./ScoreChart'));
const h2 = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;
const pct = (v: number | null) => (v === null ? '—' : `${v}%`);

/** 达标 / 未达标 / 无数据: no data is grey and never reads as met. */
function MetTag({ met }: { met: boolean | null }) {
  const { t } = useTranslation();
  const key = met === null ? 'noData' : met ? 'met' : 'notMet';
  const color = met === null ? '#595959' : met ? STATUS_COLOR.resolved! : LEVEL_COLOR[1]!;
  return (
    <Tag
      color={color}
      data-testid="satisfaction-met"
      data-met={met === null ? 'none' : String(met)}
      style={{ fontSize: 14, padding: '2px 10px' }}
    >
      {t(`satisfaction.report.${key}`)}
    </Tag>
  );
}

function Headline({ r }: { r: SatisfactionReport }) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="satisfaction-headline">
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 16 }}>
        <div>
          <div className="muted">{t('satisfaction.report.rate')}</div>
          <div
            style={{ fontSize: 40, fontWeight: 600, lineHeight: 1.2 }}
            data-testid="satisfaction-rate"
            data-rate={r.ratePct ?? ''}
          >
            {r.ratePct === null ? t('satisfaction.report.noData') : `${r.ratePct}%`}
          </div>
        </div>
        <div>
          <div className="muted">{t('satisfaction.report.target')}</div>
          <div style={{ fontSize: 24, fontWeight: 600 }} data-testid="satisfaction-target">{`${r.targetPct}%`}</div>
        </div>
        <MetTag met={r.met} />
      </div>
      <Typography.Paragraph style={{ margin: '8px 0 0' }} data-testid="satisfaction-counts">
        {t('satisfaction.report.counts', { satisfied: r.satisfied, rated: r.rated, requested: r.requested })}
      </Typography.Paragraph>
    </Card>
  );
}

/** 顾客满意度 (R29): a project's satisfaction rate for a month against the contract's target. */
export default function SatisfactionPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const manager = me.roles.includes('service_manager');
  const { projectId, projects, loading, setProjectId } = useProjectParam();
  const [params, setParams] = useUrlState();
  const monthParam = params.get('month');
  const month = monthParam && /^\d{4}-\d{2}$/.test(monthParam) ? dayjs(`${monthParam}-01`) : dayjs().startOf('month');
  const from = month.startOf('month').format('YYYY-MM-DD');
  const to = month.endOf('month').format('YYYY-MM-DD');
  const report = useSatisfaction(projectId, from, to);
  const surveys = useSurveys(projectId);
  const [creating, setCreating] = useState(false);
  const r = report.data;

  const byScore = (r?.byScore ?? []).map((x) => ({
    score: x.score,
    count: x.count,
    name: t(`satisfaction.score.${x.score}`),
  }));
  const chartAlt = `${t('satisfaction.report.byScore')}: ${byScore.map((d) => `${d.score} ${d.name} ${d.count}`).join(', ')}`;

  return (
    <div>
      <PageHeader
        title={t('satisfaction.title')}
        extra={
          manager && projectId ? (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setCreating(true)}
              data-testid="survey-new"
            >
              {t('satisfaction.survey.new')}
            </Button>
          ) : null
        }
      />
      <div
        role="search"
        aria-label={t('satisfaction.filters')}
        style={{ display: 'flex', flexWrap: 'wrap', gap: 12, marginBottom: 12, alignItems: 'center' }}
      >
        <ProjectPicker
          value={projectId}
          onChange={setProjectId}
          projects={projects}
          loading={loading}
          testId="satisfaction-project"
        />
        <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
          <label htmlFor="satisfaction-month">{t('satisfaction.month')}</label>
          <DatePicker
            id="satisfaction-month"
            picker="month"
            allowClear={false}
            value={month}
            onChange={(d: Dayjs | null) => setParams({ month: d ? d.format('YYYY-MM') : undefined })}
            data-testid="satisfaction-month"
            style={{ width: 140 }}
          />
        </span>
      </div>
      {!projectId ? (
        <Empty description={<span className="muted">{t('common.chooseProjectFirst')}</span>} />
      ) : report.isPending ? (
        <Spin />
      ) : !r ? null : (
        <div data-testid="satisfaction-report" data-from={r.from} data-to={r.to}>
          <Headline r={r} />
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card size="small" title={h2(t('satisfaction.report.byScore'))}>
                <div className="chart-box" role="img" aria-label={chartAlt} data-testid="satisfaction-chart">
                  <Suspense fallback={<Spin />}>
                    <ScoreChart data={byScore} seriesName={t('satisfaction.report.count')} />
                  </Suspense>
                </div>
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={h2(t('satisfaction.report.byChannel'))} style={{ marginBottom: 16 }}>
                <Descriptions column={1} size="small" data-testid="satisfaction-channels">
                  {CHANNELS.map((c) => (
                    <Descriptions.Item key={c} label={t(`satisfaction.channel.${c}`)}>
                      <span data-testid={`satisfaction-channel-${c}`}>
                        {r.byChannel.find((x) => x.channel === c)?.count ?? 0}
                      </span>
                    </Descriptions.Item>
                  ))}
                </Descriptions>
              </Card>
              <Card size="small" title={h2(t('satisfaction.report.response'))}>
                <div data-testid="satisfaction-response" data-pct={r.responsePct ?? ''}>
                  <Progress
                    percent={r.responsePct ?? 0}
                    format={() => pct(r.responsePct)}
                    aria-label={t('satisfaction.report.response')}
                  />
                  <div className="muted">
                    {t('satisfaction.report.responseHelp', { rated: r.rated, requested: r.requested })}
                  </div>
                </div>
              </Card>
            </Col>
          </Row>
          <Card size="small" title={h2(t('satisfaction.report.low'))} style={{ marginTop: 16 }}>
            {!r.low.length ? (
              <Empty description={<span className="muted">{t('satisfaction.report.noLow')}</span>} />
            ) : (
              <List
                dataSource={r.low}
                rowKey="id"
                data-testid="satisfaction-low"
                renderItem={(x) => (
                  <List.Item data-testid="satisfaction-low-row" data-request-id={x.id}>
                    <div style={{ minWidth: 0, overflowWrap: 'anywhere', width: '100%' }}>
                      <div>
                        {x.score ? <ScoreTag score={x.score} /> : null}{' '}
                        {x.ticketId ? (
                          <Link to={ticketPath(me, x.ticketId)} data-testid="satisfaction-low-link">
                            {subjectOf(x)}
                          </Link>
                        ) : (
                          <strong>{subjectOf(x)}</strong>
                        )}
                      </div>
                      {x.comment ? (
                        <div className="pre-wrap" data-testid="satisfaction-low-comment">
                          {x.comment}
                        </div>
                      ) : null}
                      <div className="muted">
                        {[
                          x.userName,
                          x.channel ? t(`satisfaction.channel.${x.channel}`) : null,
                          formatDateTime(x.ratedAt),
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </div>
                    </div>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </div>
      )}
      {projectId ? (
        <Card size="small" title={h2(t('satisfaction.survey.title'))} style={{ marginTop: 16 }}>
          {surveys.isPending ? (
            <Spin />
          ) : !surveys.data?.length ? (
            <Empty description={<span className="muted">{t('satisfaction.survey.empty')}</span>} />
          ) : (
            <List
              dataSource={surveys.data}
              rowKey="id"
              renderItem={(s) => (
                <List.Item data-testid="survey-row" data-survey-id={s.id}>
                  <div style={{ minWidth: 0, overflowWrap: 'anywhere', width: '100%' }}>
                    <strong>{s.title}</strong>
                    <div className="muted">
                      {t('satisfaction.survey.closesOn', { date: s.closesOn })} ·{' '}
                      <span data-testid="survey-answered">
                        {t('satisfaction.survey.answered', { answered: s.answered, sent: s.sent })}
                      </span>
                    </div>
                  </div>
                </List.Item>
              )}
            />
          )}
        </Card>
      ) : null}
      {projectId ? <SurveySchedulesCard projectId={projectId} manager={manager} /> : null}
      {creating && projectId ? <SurveyModal projectId={projectId} onClose={() => setCreating(false)} /> : null}
    </div>
  );
}

interface SurveyValues {
  title: string;
  closesOn: Dayjs;
}

/** 发起满意度调查: every user of the project's customer gets a rating request. */
function SurveyModal({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateSurvey(projectId);
  const [form] = Form.useForm<SurveyValues>();
  const submit = (v: SurveyValues) => {
    const body: SurveyInput = { title: v.title.trim(), closesOn: v.closesOn.format('YYYY-MM-DD') };
    create.mutate(body, closeOrShowErrors(form, onClose));
  };
  return (
    <FormModal
      form={form}
      title={t('satisfaction.survey.new')}
      onClose={onClose}
      onFinish={submit}
      saving={create.isPending}
      initialValues={{ closesOn: dayjs().add(14, 'day') }}
      intro={<Typography.Paragraph className="muted">{t('satisfaction.survey.help')}</Typography.Paragraph>}
      okText={t('satisfaction.survey.send')}
      okTestId="survey-save"
      formTestId="survey-form"
    >
      <Form.Item
        name="title"
        label={t('satisfaction.survey.name')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input maxLength={200} data-testid="survey-title" />
      </Form.Item>
      <Form.Item
        name="closesOn"
        label={t('satisfaction.survey.closes')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <DatePicker
          allowClear={false}
          className="full-width"
          disabledDate={(d) => d.isBefore(dayjs(), 'day')}
          data-testid="survey-closes"
        />
      </Form.Item>
    </FormModal>
  );
}
