import { Button, Card, Descriptions, Form, Input, Popconfirm, Result, Spin, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError, applyFormError } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../components/format';
import { useCurrentUser } from '../auth/useMe';
import { useAnswerFeedback, useCloseFeedback, useFeedback } from './api';
import { CategoryTag, FeedbackStatusTag } from './tags';

const h2 = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;
const DESK = ['service_manager', 'dispatcher'];

/** One piece of feedback with the provider's answer; the desk answers and closes, the author may withdraw an open one. */
export default function FeedbackDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { data: f, error, isPending } = useFeedback(id);
  const answer = useAnswerFeedback(id);
  const close = useCloseFeedback(id);
  const [form] = Form.useForm<{ answer: string }>();

  if (isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (!f) {
    const notFound = error instanceof ApiError && (error.status === 404 || error.status === 403);
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={<h1 style={{ fontSize: 22, margin: 0 }}>{notFound ? t('feedback.notFound') : t('error.loadFailed')}</h1>}
      />
    );
  }
  const desk = me.roles.some((r) => DESK.includes(r));
  const author = f.authorId === me.id;
  const canAnswer = desk && f.status !== 'closed';
  const canClose = desk && f.status === 'answered';
  const canWithdraw = author && f.status === 'open';

  return (
    <article data-testid="feedback-detail" data-feedback-id={f.id} data-status={f.status}>
      <PageHeader
        title={
          <>
            {f.title} <FeedbackStatusTag status={f.status} />
          </>
        }
        docTitle={f.title}
        extra={
          <>
            {canClose ? (
              <Popconfirm
                title={t('feedback.closeConfirm')}
                okText={t('feedback.close')}
                cancelText={t('common.cancel')}
                onConfirm={() => close.mutate()}
                okButtonProps={{ 'data-testid': 'feedback-close-confirm' }}
              >
                <Button loading={close.isPending} data-testid="feedback-close">
                  {t('feedback.close')}
                </Button>
              </Popconfirm>
            ) : null}
            {canWithdraw ? (
              <Popconfirm
                title={t('feedback.withdrawConfirm')}
                okText={t('feedback.withdraw')}
                cancelText={t('common.cancel')}
                onConfirm={() => close.mutate()}
                okButtonProps={{ 'data-testid': 'feedback-withdraw-confirm' }}
              >
                <Button danger loading={close.isPending} data-testid="feedback-withdraw">
                  {t('feedback.withdraw')}
                </Button>
              </Popconfirm>
            ) : null}
            <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate('/feedback')}>
              {t('feedback.backToList')}
            </Button>
          </>
        }
      />
      <Card size="small" title={h2(t('feedback.content'))} style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small" style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('feedback.categoryLabel')}>
            <CategoryTag category={f.category} />
          </Descriptions.Item>
          <Descriptions.Item label={t('feedback.project')}>{f.projectName}</Descriptions.Item>
          <Descriptions.Item label={t('feedback.author')}>{f.authorName}</Descriptions.Item>
          <Descriptions.Item label={t('feedback.createdAt')}>{formatDateTime(f.createdAt)}</Descriptions.Item>
          {f.closedAt ? (
            <Descriptions.Item
              label={t('feedback.closedAt')}
            >{`${f.closedByName ?? ''} · ${formatDateTime(f.closedAt)}`}</Descriptions.Item>
          ) : null}
        </Descriptions>
        <div className="pre-wrap" data-testid="feedback-body">
          {f.body}
        </div>
      </Card>
      <Card size="small" title={h2(t('feedback.answer'))}>
        {f.answer ? (
          <div data-testid="feedback-answer">
            <div className="pre-wrap" data-testid="feedback-answer-text">
              {f.answer}
            </div>
            <Typography.Text type="secondary">
              {t('feedback.answeredBy', { name: f.answeredByName ?? '', at: formatDateTime(f.answeredAt) })}
            </Typography.Text>
          </div>
        ) : (
          <Typography.Paragraph className="muted" style={{ margin: 0 }} data-testid="feedback-no-answer">
            {t('feedback.noAnswer')}
          </Typography.Paragraph>
        )}
        {canAnswer ? (
          <Form
            form={form}
            layout="vertical"
            style={{ marginTop: 16 }}
            data-testid="feedback-answer-form"
            onFinish={(v) =>
              answer.mutate(v.answer.trim(), {
                onSuccess: () => form.resetFields(),
                onError: (e) => applyFormError(form, e),
              })
            }
          >
            <Form.Item
              name="answer"
              label={f.answer ? t('feedback.reanswer') : t('feedback.answerLabel')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
            >
              <Input.TextArea
                maxLength={5000}
                autoSize={{ minRows: 3, maxRows: 10 }}
                data-testid="feedback-answer-input"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={answer.isPending} data-testid="feedback-answer-submit">
              {t('feedback.sendAnswer')}
            </Button>
          </Form>
        ) : null}
      </Card>
    </article>
  );
}
