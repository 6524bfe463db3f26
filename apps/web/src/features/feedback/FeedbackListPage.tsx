import { useState } from 'react';
import { Button, Form, Input, Radio, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { applyFormError } from '../../api/client';
import { useProjects } from '../../api/queries';
import { PageHeader } from '../../components/PageHeader';
import { ProjectPicker } from '../../components/ProjectPicker';
import { ResponsiveList } from '../../components/ResponsiveList';
import { FormRadioGroup } from '../../components/formControls';
import { formatDateTime } from '../../components/format';
import { useUrlState } from '../../components/useUrlState';
import { isCustomer } from '../../app/roles';
import { useCurrentUser } from '../auth/useMe';
import type { Feedback, FeedbackInput, FeedbackStatus } from './api';
import { CATEGORIES, STATUSES, useFeedbackList, useSubmitFeedback } from './api';
import { CategoryTag, FeedbackStatusTag } from './tags';
import { FormModal } from '../../components/FormModal';
import { SearchSelect } from '../../components/SearchSelect';

const detailPath = (id: string) => `/feedback/${encodeURIComponent(id)}`;

/** 意见反馈 (R21): customers' opinions, suggestions, complaints and praise, newest first. */
export default function FeedbackListPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const customer = isCustomer(me);
  const { data: projects = [], isPending: projectsLoading } = useProjects();
  const [params, setParams] = useUrlState();
  const statusParam = params.get('status');
  const status = STATUSES.includes(statusParam as FeedbackStatus) ? (statusParam as FeedbackStatus) : undefined;
  const askedProject = params.get('projectId') ?? undefined;
  const projectId = askedProject && projects.some((p) => p.id === askedProject) ? askedProject : undefined;
  const list = useFeedbackList({ projectId, status });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const [creating, setCreating] = useState(false);

  const columns: ColumnsType<Feedback> = [
    {
      title: t('feedback.titleField'),
      key: 'title',
      render: (_, f) => (
        <Link to={detailPath(f.id)} data-testid="feedback-link">
          {f.title}
        </Link>
      ),
    },
    { title: t('feedback.categoryLabel'), key: 'category', render: (_, f) => <CategoryTag category={f.category} /> },
    { title: t('feedback.statusLabel'), key: 'status', render: (_, f) => <FeedbackStatusTag status={f.status} /> },
    { title: t('feedback.project'), dataIndex: 'projectName', key: 'project' },
    { title: t('feedback.author'), dataIndex: 'authorName', key: 'author' },
    { title: t('feedback.createdAt'), key: 'createdAt', render: (_, f) => formatDateTime(f.createdAt) },
  ];

  return (
    <div>
      <PageHeader
        title={t('feedback.title')}
        extra={
          customer ? (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setCreating(true)}
              data-testid="feedback-new"
            >
              {t('feedback.new')}
            </Button>
          ) : null
        }
      />
      <div
        role="search"
        aria-label={t('feedback.filters')}
        style={{ display: 'flex', flexWrap: 'wrap', gap: 12, marginBottom: 12 }}
      >
        <ProjectPicker
          value={projectId}
          onChange={(id) => setParams({ projectId: id })}
          projects={projects}
          loading={projectsLoading}
          testId="feedback-project"
          allowClear
        />
        <Select<FeedbackStatus | 'all'>
          value={status ?? 'all'}
          onChange={(v) => setParams({ status: v === 'all' ? undefined : v })}
          aria-label={t('feedback.statusLabel')}
          data-testid="feedback-status-filter"
          style={{ width: 160 }}
          options={[
            { value: 'all', label: t('feedback.allStatuses') },
            ...STATUSES.map((s) => ({ value: s, label: t(`feedback.status.${s}`) })),
          ]}
        />
      </div>
      <ResponsiveList<Feedback>
        items={items}
        columns={columns}
        rowKey={(f) => f.id}
        loading={list.isPending}
        label={t('feedback.listLabel')}
        rowTestId="feedback-row"
        hasMore={list.hasNextPage}
        loadingMore={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        emptyText={t('feedback.empty')}
        renderCard={(f) => (
          <div
            style={{
              minWidth: 0,
              width: '100%',
              overflowWrap: 'anywhere',
              border: '1px solid #f0f0f0',
              borderRadius: 6,
              padding: 12,
              background: '#fff',
            }}
          >
            <div>
              <Link to={detailPath(f.id)} data-testid="feedback-link">
                <strong>{f.title}</strong>
              </Link>
            </div>
            <div style={{ margin: '4px 0' }}>
              <CategoryTag category={f.category} /> <FeedbackStatusTag status={f.status} />
            </div>
            <div className="muted">
              {f.projectName} · {f.authorName} · {formatDateTime(f.createdAt)}
            </div>
          </div>
        )}
      />
      {creating ? <FeedbackModal onClose={() => setCreating(false)} /> : null}
    </div>
  );
}

/** Submit an opinion or suggestion; opens it afterwards. */
function FeedbackModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: projects = [] } = useProjects();
  const submit = useSubmitFeedback();
  const [form] = Form.useForm<FeedbackInput>();
  const finish = (v: FeedbackInput) =>
    submit.mutate(
      { projectId: v.projectId, category: v.category, title: v.title.trim(), body: v.body.trim() },
      {
        onSuccess: (f) => {
          onClose();
          navigate(detailPath(f.id));
        },
        onError: (e) => applyFormError(form, e),
      },
    );
  return (
    <FormModal
      form={form}
      title={t('feedback.new')}
      onClose={onClose}
      onFinish={finish}
      saving={submit.isPending}
      initialValues={{ projectId: projects.length === 1 ? projects[0]!.id : undefined, category: 'suggestion' }}
      okText={t('feedback.submit')}
      okTestId="feedback-save"
      formTestId="feedback-form"
    >
      <Form.Item
        name="projectId"
        label={t('feedback.project')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <SearchSelect
          placeholder={t('common.chooseProject')}
          options={projects.map((p) => ({ value: p.id, label: p.name }))}
          data-testid="feedback-form-project"
        />
      </Form.Item>
      <Form.Item
        name="category"
        label={t('feedback.categoryLabel')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <FormRadioGroup style={{ display: 'flex', flexWrap: 'wrap', rowGap: 8 }}>
          {CATEGORIES.map((c) => (
            <Radio key={c} value={c} data-testid={`feedback-category-${c}`}>
              {t(`feedback.category.${c}`)}
            </Radio>
          ))}
        </FormRadioGroup>
      </Form.Item>
      <Form.Item
        name="title"
        label={t('feedback.titleField')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input maxLength={200} data-testid="feedback-form-title" />
      </Form.Item>
      <Form.Item
        name="body"
        label={t('feedback.body')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input.TextArea maxLength={5000} autoSize={{ minRows: 3, maxRows: 10 }} data-testid="feedback-form-body" />
      </Form.Item>
    </FormModal>
  );
}
