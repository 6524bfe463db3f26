import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Progress,
  Result,
  Space,
  Spin,
  Typography,
} from 'antd';
import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../components/format';
import { useCurrentUser } from '../auth/useMe';
import { hasRole } from '../../app/roles';
import type { AdjustmentInput, InspectionTaskDetail } from './api';
import { reportUrl, useAddAdjustment, useFinishTask, useTask } from './api';
import { ItemCard } from './ItemCard';
import { useOfferRecordSubmit } from './submitRecord';
import { StateTag } from './StateTag';

/** 巡检执行 (R16): a phone-first checklist, each item saved at once so a run can be resumed. */
export default function TaskRunPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: task, isPending, error } = useTask(id);
  const [photoVersion, setPhotoVersion] = useState(0);
  const me = useCurrentUser();

  if (isPending) return <Spin />;
  if (error || !task) return <Result status="404" title={t('insp.notFound')} />;
  const results = new Map(task.results.map((r) => [r.key, r]));
  const total = task.template.items.length;
  const checked = task.template.items.filter((i) => results.has(i.key)).length;
  const canWork =
    hasRole(me, ['engineer', 'service_manager']) && (task.assigneeId === me.id || me.roles.includes('service_manager'));
  const readOnly = !canWork || task.status === 'done' || task.status === 'cancelled';

  return (
    <div data-testid="insp-run" data-task-id={task.id} data-status={task.status}>
      <PageHeader
        title={task.planName}
        extra={
          <>
            <StateTag state={task.state} />
            <Link to={`/inspections?month=${task.dueOn.slice(0, 7)}`} data-testid="insp-back">
              {t('insp.backToTasks')}
            </Link>
          </>
        }
      />
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('insp.project')}>{task.projectName}</Descriptions.Item>
        {task.assetName ? <Descriptions.Item label={t('insp.asset')}>{task.assetName}</Descriptions.Item> : null}
        <Descriptions.Item label={t('insp.dueOn')}>{task.dueOn}</Descriptions.Item>
        <Descriptions.Item label={t('insp.assignee')}>{task.assigneeName ?? '—'}</Descriptions.Item>
        <Descriptions.Item
          label={t('insp.template')}
        >{`${task.template.name} v${task.template.version}`}</Descriptions.Item>
      </Descriptions>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button
          href={reportUrl(task.id, 'pdf')}
          download
          icon={<FilePdfOutlined aria-hidden />}
          data-testid="insp-report-pdf"
        >
          {t('insp.report.pdf')}
        </Button>
        <Button
          href={reportUrl(task.id, 'docx')}
          download
          icon={<FileWordOutlined aria-hidden />}
          data-testid="insp-report-docx"
        >
          {t('insp.report.docx')}
        </Button>
      </Space>
      <div style={{ marginBottom: 12 }}>
        <Typography.Text strong data-testid="insp-progress">
          {t('insp.progress', { n: checked, m: total })}
        </Typography.Text>
        <Progress
          percent={total ? Math.round((checked / total) * 100) : 0}
          showInfo={false}
          aria-label={t('insp.progress', { n: checked, m: total })}
        />
      </div>
      {task.recordId ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('insp.finished')}
          description={
            <span>
              {t('insp.record')}:{' '}
              <Link to={`/records/${encodeURIComponent(task.recordId)}`} data-testid="insp-record-link">
                {task.recordNumber}
              </Link>
              {task.recordStatus ? <> · {t(`record.status.${task.recordStatus}`)}</> : null}
            </span>
          }
        />
      ) : null}
      {task.template.items.map((item) => (
        <ItemCard
          key={item.key}
          taskId={task.id}
          item={item}
          result={results.get(item.key)}
          readOnly={readOnly}
          photoVersion={photoVersion}
          onPhoto={() => setPhotoVersion((v) => v + 1)}
        />
      ))}
      <Adjustments task={task} readOnly={readOnly} />
      {!readOnly ? <Finish task={task} /> : null}
    </div>
  );
}

function Adjustments({ task, readOnly }: { task: InspectionTaskDetail; readOnly: boolean }) {
  const { t } = useTranslation();
  const add = useAddAdjustment(task.id);
  const [form] = Form.useForm<AdjustmentInput>();
  return (
    <Card
      size="small"
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('insp.adjustments')}</h2>}
      style={{ marginBottom: 12 }}
      data-testid="insp-adjustments"
    >
      {task.adjustments.length ? (
        <List
          size="small"
          dataSource={task.adjustments}
          renderItem={(a) => (
            <List.Item data-testid="insp-adjustment">
              <div style={{ overflowWrap: 'anywhere' }}>
                <Typography.Text strong>{a.parameter}</Typography.Text>: {a.before} → {a.after}
                <div>
                  <Typography.Text type="secondary">
                    {a.reason} · {a.byName} · {formatDateTime(a.at)}
                  </Typography.Text>
                </div>
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('insp.noAdjustments')} />
      )}
      {!readOnly ? (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => add.mutate(v, { onSuccess: () => form.resetFields() })}
          style={{ marginTop: 12 }}
        >
          <Form.Item
            name="parameter"
            label={t('insp.adj.parameter')}
            rules={[{ required: true, whitespace: true, message: t('insp.required') }]}
          >
            <Input maxLength={120} data-testid="insp-adj-parameter" />
          </Form.Item>
          <Form.Item
            name="before"
            label={t('insp.adj.before')}
            rules={[{ required: true, whitespace: true, message: t('insp.required') }]}
          >
            <Input maxLength={200} data-testid="insp-adj-before" />
          </Form.Item>
          <Form.Item
            name="after"
            label={t('insp.adj.after')}
            rules={[{ required: true, whitespace: true, message: t('insp.required') }]}
          >
            <Input maxLength={200} data-testid="insp-adj-after" />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('insp.adj.reason')}
            rules={[{ required: true, whitespace: true, message: t('insp.required') }]}
          >
            <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} data-testid="insp-adj-reason" />
          </Form.Item>
          <Button htmlType="submit" loading={add.isPending} data-testid="insp-adj-add">
            {t('insp.adj.add')}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}

function Finish({ task }: { task: InspectionTaskDetail }) {
  const { t } = useTranslation();
  const finish = useFinishTask(task.id);
  const offerSubmit = useOfferRecordSubmit(task.id);
  const [summary, setSummary] = useState('');
  const err = finish.error;
  const title = (key: string) => task.template.items.find((i) => `results.${i.key}` === key)?.title;
  const messages =
    err instanceof ApiError
      ? (err.errors.length ? err.errors : [{ field: err.field ?? '', message: err.detail }]).map((e) => {
          // "字段 results.x 无效：…" / "Field results.x is invalid: …": the reason is what the user needs.
          const reason = e.message.replace(/^(\u5b57\u6bb5 \S+ \u65e0\u6548\uff1a|Field \S+ is invalid: )/, '');
          const item = title(e.field);
          return item && !reason.includes(item) ? `${item}: ${reason}` : reason;
        })
      : err
        ? [String(err.message)]
        : [];
  return (
    <Card
      size="small"
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('insp.finish')}</h2>}
      style={{ marginBottom: 24 }}
    >
      <Input.TextArea
        value={summary}
        onChange={(e) => setSummary(e.target.value)}
        maxLength={5000}
        autoSize={{ minRows: 2, maxRows: 6 }}
        placeholder={t('insp.summary')}
        aria-label={t('insp.summary')}
        data-testid="insp-summary"
        style={{ marginBottom: 8 }}
      />
      {messages.length ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 8 }}
          data-testid="insp-finish-error"
          message={t('insp.finishFailed')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {messages.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Button
        type="primary"
        size="large"
        block
        loading={finish.isPending}
        data-testid="insp-finish"
        onClick={() => finish.mutate(summary.trim() ? { summary: summary.trim() } : {}, { onSuccess: offerSubmit })}
      >
        {t('insp.finish')}
      </Button>
    </Card>
  );
}
