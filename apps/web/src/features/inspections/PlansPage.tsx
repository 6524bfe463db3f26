import { useState } from 'react';
import { Button, Empty, Form, Input, InputNumber, List, Modal, Select, Space, Spin, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAssignees } from '../../api/queries';
import { PageHeader } from '../../components/PageHeader';
import { ProjectPicker, useProjectParam } from '../../components/ProjectPicker';
import { useCurrentUser } from '../auth/useMe';
import { beijingDay } from '../fieldwork/api';
import type { InspectionPlan, InspectionPlanInput } from './setupApi';
import { useCreatePlan, usePausePlan, usePlans, useResumePlan, useTemplates, useUpdatePlan } from './setupApi';
import { STATE_COLOR } from './StateTag';
import { DateField } from '../../components/DateField';
import { FormModal } from '../../components/FormModal';
import { SearchSelect } from '../../components/SearchSelect';

/** 巡检计划 (R16, R17): recurring plans of a project; tasks are generated ahead of their due day. */
export default function PlansPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const manager = me.roles.includes('service_manager');
  const { projectId, projects, loading, setProjectId } = useProjectParam();
  const plans = usePlans(projectId);
  const [editing, setEditing] = useState<InspectionPlan | 'new' | null>(null);
  const [pausing, setPausing] = useState<InspectionPlan | null>(null);
  const resume = useResumePlan();
  return (
    <div>
      <PageHeader
        title={t('insp.plansTitle')}
        extra={
          manager && projectId ? (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setEditing('new')}
              data-testid="plan-new"
            >
              {t('insp.plan.new')}
            </Button>
          ) : null
        }
      />
      <div style={{ marginBottom: 12 }}>
        <ProjectPicker
          value={projectId}
          onChange={setProjectId}
          projects={projects}
          loading={loading}
          testId="plan-project"
        />
      </div>
      {!projectId ? (
        <Empty description={t('common.chooseProject')} />
      ) : plans.isPending ? (
        <Spin />
      ) : !plans.data?.length ? (
        <Empty description={t('insp.plan.empty')} />
      ) : (
        <List
          bordered
          dataSource={plans.data}
          renderItem={(p) => (
            <List.Item data-testid="plan-row" data-plan-id={p.id}>
              <div style={{ minWidth: 0, overflowWrap: 'anywhere', width: '100%' }}>
                <Typography.Text strong>{p.name}</Typography.Text>{' '}
                {p.paused ? (
                  <Tag color={STATE_COLOR.overdue} data-testid="plan-paused">
                    {t('insp.plan.paused')}
                  </Tag>
                ) : null}
                <div>
                  <Typography.Text type="secondary">
                    {[
                      t(`insp.kind.${p.kind}`),
                      p.kind === 'annual' ? '' : t('insp.plan.dueDayN', { n: p.dueDay }),
                      p.kind === 'periodic' ? t('insp.plan.everyN', { n: p.intervalMonths }) : '',
                      p.templateName,
                      p.assigneeNames.join('、'),
                      t('insp.plan.startsOnX', { d: p.startsOn }),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                </div>
                {p.paused && p.pauses.length ? (
                  <Typography.Text type="secondary">
                    {t('insp.plan.pauseReason')}: {p.pauses[p.pauses.length - 1]!.reason}
                  </Typography.Text>
                ) : null}
                {manager ? (
                  <Space wrap style={{ marginTop: 6 }}>
                    <Button size="small" onClick={() => setEditing(p)} data-testid="plan-edit">
                      {t('common.edit')}
                    </Button>
                    {p.paused ? (
                      <Button
                        size="small"
                        loading={resume.isPending}
                        onClick={() => resume.mutate(p.id)}
                        data-testid="plan-resume"
                      >
                        {t('insp.plan.resume')}
                      </Button>
                    ) : (
                      <Button size="small" onClick={() => setPausing(p)} data-testid="plan-pause">
                        {t('insp.plan.pause')}
                      </Button>
                    )}
                  </Space>
                ) : null}
              </div>
            </List.Item>
          )}
        />
      )}
      {editing && projectId ? (
        <PlanModal projectId={projectId} plan={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
      {pausing ? <PauseModal plan={pausing} onClose={() => setPausing(null)} /> : null}
    </div>
  );
}

function PlanModal({
  projectId,
  plan,
  onClose,
}: {
  projectId: string;
  plan: InspectionPlan | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreatePlan(projectId);
  const update = useUpdatePlan();
  const templates = useTemplates();
  const assignees = useAssignees(projectId);
  const [form] = Form.useForm<InspectionPlanInput>();
  const kind = Form.useWatch('kind', form);
  const initial: Partial<InspectionPlanInput> = plan
    ? {
        name: plan.name,
        kind: plan.kind,
        templateId: templates.data?.find((x) => x.familyId === plan.templateFamilyId)?.id,
        dueDay: plan.dueDay,
        intervalMonths: plan.intervalMonths,
        startsOn: plan.startsOn,
        leadDays: plan.leadDays,
        assigneeIds: plan.assigneeIds,
      }
    : { kind: 'monthly', dueDay: 25, intervalMonths: 1, startsOn: beijingDay(), leadDays: 31, assigneeIds: [] };
  const required = [{ required: true, message: t('common.required') }];
  const submit = (v: InspectionPlanInput) => {
    if (plan)
      update.mutate(
        {
          id: plan.id,
          body: { name: v.name, templateId: v.templateId, leadDays: v.leadDays, assigneeIds: v.assigneeIds },
        },
        { onSuccess: onClose },
      );
    else create.mutate(v, { onSuccess: onClose });
  };
  if (plan && templates.isPending) return null;
  return (
    <FormModal
      form={form}
      title={plan ? t('insp.plan.editTitle', { name: plan.name }) : t('insp.plan.new')}
      onClose={onClose}
      onFinish={submit}
      saving={create.isPending || update.isPending}
      initialValues={initial}
      okTestId="plan-save"
      formTestId="plan-form"
    >
      <Form.Item
        name="name"
        label={t('insp.plan.name')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="kind" label={t('insp.plan.kind')}>
        <Select
          disabled={!!plan}
          options={(['monthly', 'annual', 'periodic'] as const).map((k) => ({
            value: k,
            label: t(`insp.kind.${k}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="templateId" label={t('insp.template')} rules={required}>
        <SearchSelect
          loading={templates.isPending}
          options={(templates.data ?? []).map((x) => ({ value: x.id, label: `${x.name} v${x.version}` }))}
        />
      </Form.Item>
      {kind !== 'annual' ? (
        <Form.Item name="dueDay" label={t('insp.plan.dueDay')} rules={required}>
          <InputNumber min={1} max={31} disabled={!!plan} />
        </Form.Item>
      ) : null}
      {kind === 'periodic' ? (
        <Form.Item name="intervalMonths" label={t('insp.plan.interval')} rules={required}>
          <InputNumber min={1} max={24} disabled={!!plan} />
        </Form.Item>
      ) : null}
      <Form.Item name="startsOn" label={t('insp.plan.startsOn')} rules={required}>
        <DateField disabled={!!plan} />
      </Form.Item>
      <Form.Item name="leadDays" label={t('insp.plan.leadDays')} rules={required}>
        <InputNumber min={0} max={92} />
      </Form.Item>
      <Form.Item
        name="assigneeIds"
        label={t('insp.plan.assignees')}
        rules={[{ required: true, type: 'array', min: 1, message: t('common.required') }]}
      >
        <SearchSelect
          mode="multiple"
          loading={assignees.isPending}
          options={(assignees.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
        />
      </Form.Item>
    </FormModal>
  );
}

function PauseModal({ plan, onClose }: { plan: InspectionPlan; onClose: () => void }) {
  const { t } = useTranslation();
  const pause = usePausePlan();
  const [reason, setReason] = useState('');
  return (
    <Modal
      open
      title={t('insp.plan.pauseTitle', { name: plan.name })}
      onCancel={onClose}
      okText={t('insp.plan.pause')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !reason.trim(), 'data-testid': 'plan-pause-ok' }}
      confirmLoading={pause.isPending}
      onOk={() => pause.mutate({ id: plan.id, reason: reason.trim() }, { onSuccess: onClose })}
    >
      <label htmlFor="plan-pause-reason">{t('insp.plan.pauseReason')}</label>
      <Input.TextArea
        id="plan-pause-reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={500}
        autoSize={{ minRows: 2 }}
      />
    </Modal>
  );
}
