import { useState } from 'react';
import { Button, Empty, Form, Input, List, Progress, Spin, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { applyFormError } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { ProjectPicker, useProjectParam } from '../../components/ProjectPicker';
import { formatDateTime } from '../../components/format';
import { useCurrentUser } from '../auth/useMe';
import type { PlanInput, TrainingPlanSummary } from './api';
import { useCreatePlan, usePlans, useUpdatePlan } from './api';
import { CompletionTag } from './tags';
import { FormModal } from '../../components/FormModal';

/** 培训计划 (R18): a project's training plans, each complete only when every trainee is independent. */
export default function TrainingPlansPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const manager = me.roles.includes('service_manager');
  const { projectId, projects, loading, setProjectId } = useProjectParam();
  const plans = usePlans(projectId);
  const [creating, setCreating] = useState(false);
  return (
    <div>
      <PageHeader
        title={t('training.title')}
        extra={
          manager && projectId ? (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setCreating(true)}
              data-testid="training-plan-new"
            >
              {t('training.plan.new')}
            </Button>
          ) : null
        }
      />
      <div role="search" aria-label={t('filter.project')} style={{ marginBottom: 12 }}>
        <ProjectPicker
          value={projectId}
          onChange={setProjectId}
          projects={projects}
          loading={loading}
          testId="training-project"
        />
      </div>
      {!projectId ? (
        <Empty description={<span className="muted">{t('common.chooseProjectFirst')}</span>} />
      ) : plans.isPending ? (
        <Spin />
      ) : !plans.data?.length ? (
        <Empty description={<span className="muted">{t('training.plan.empty')}</span>} />
      ) : (
        <List
          bordered
          dataSource={plans.data}
          rowKey="id"
          renderItem={(p) => {
            const { trainees, independent, complete } = p.progress;
            const ratio = t('training.progress.ratio', { n: independent, m: trainees });
            return (
              <List.Item data-testid="training-plan-row" data-plan-id={p.id} data-complete={String(complete)}>
                <div style={{ minWidth: 0, width: '100%', overflowWrap: 'anywhere' }}>
                  <Link to={`/training/plans/${encodeURIComponent(p.id)}`} data-testid="training-plan-link">
                    <strong>{p.name}</strong>
                  </Link>{' '}
                  <CompletionTag complete={complete} />
                  {p.description ? <div className="muted pre-wrap">{p.description}</div> : null}
                  <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
                    <span data-testid="training-plan-ratio">{ratio}</span>
                    <div style={{ flex: '1 1 140px', minWidth: 0, maxWidth: 320 }}>
                      <Progress
                        percent={trainees ? Math.round((independent / trainees) * 100) : 0}
                        showInfo={false}
                        aria-label={ratio}
                      />
                    </div>
                  </div>
                  <Typography.Text type="secondary">
                    {complete && p.progress.completedAt
                      ? t('training.progress.completedAt', { at: formatDateTime(p.progress.completedAt) })
                      : p.progress.needsBatch
                        ? t('training.progress.needsBatchN', { n: p.progress.needsBatch })
                        : t('training.createdAt', { at: formatDateTime(p.createdAt) })}
                  </Typography.Text>
                </div>
              </List.Item>
            );
          }}
        />
      )}
      {creating && projectId ? <PlanModal projectId={projectId} onClose={() => setCreating(false)} /> : null}
    </div>
  );
}

/** New plan (then opens it), or the name and description of an existing one. */
export function PlanModal({
  projectId,
  plan,
  onClose,
}: {
  projectId: string;
  plan?: TrainingPlanSummary;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreatePlan(projectId);
  const update = useUpdatePlan(plan?.id ?? '');
  const [form] = Form.useForm<PlanInput>();
  const submit = (v: PlanInput) => {
    const body = { name: v.name, description: v.description ?? '' };
    const onError = (e: unknown) => applyFormError(form, e);
    if (plan) update.mutate(body, { onSuccess: onClose, onError });
    else
      create.mutate(body, {
        onSuccess: (created) => {
          onClose();
          navigate(`/training/plans/${encodeURIComponent(created.id)}`);
        },
        onError,
      });
  };
  return (
    <FormModal
      form={form}
      title={plan ? t('training.plan.editTitle', { name: plan.name }) : t('training.plan.new')}
      onClose={onClose}
      onFinish={submit}
      saving={create.isPending || update.isPending}
      initialValues={plan ? { name: plan.name, description: plan.description } : {}}
      okTestId="training-plan-save"
      formTestId="training-plan-form"
    >
      <Form.Item
        name="name"
        label={t('training.plan.name')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="description" label={t('training.plan.description')}>
        <Input.TextArea maxLength={4000} autoSize={{ minRows: 2 }} />
      </Form.Item>
    </FormModal>
  );
}
