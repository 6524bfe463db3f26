import { useState } from 'react';
import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useProjects, useUsers } from '../../api/queries';
import { ResponsiveList } from '../../components/ResponsiveList';
import type { Trainee, TraineeInput, TrainingPlan, TrainingRole } from './api';
import { useAddTrainee } from './api';
import { CourseStatusTag, NeedsBatchTag } from './tags';
import { closeOrShowErrors, FormModal } from '../../components/FormModal';
import { SearchSelect } from '../../components/SearchSelect';

/** 学员: the trainee × course matrix, who is not yet independent, and adding trainees (manager). */
export function TraineesTab({ plan, role }: { plan: TrainingPlan; role: TrainingRole }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const courseTitle = new Map(plan.courses.map((c) => [c.id, c.title]));
  const notYet = plan.trainees.filter((x) => !x.independent);
  const status = (tr: Trainee, courseId: string) => tr.courses.find((c) => c.courseId === courseId);
  const who = (tr: Trainee) => (
    <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
      <strong data-testid="training-trainee-name">{tr.name}</strong>
      {tr.needsBatch ? (
        <>
          {' '}
          <NeedsBatchTag />
        </>
      ) : null}
      {tr.unit || tr.phone ? <div className="muted">{[tr.unit, tr.phone].filter(Boolean).join(' · ')}</div> : null}
    </div>
  );
  const overall = (tr: Trainee) => (
    <CourseStatusTag
      status={
        tr.independent ? 'independent' : tr.courses.some((c) => c.status === 'not_yet') ? 'not_yet' : 'not_assessed'
      }
    />
  );
  const columns: ColumnsType<Trainee> = [
    { key: 'name', title: t('training.trainee.name'), render: (_, tr) => who(tr) },
    ...plan.courses.map((c) => ({
      key: c.id,
      title: c.title,
      render: (_: unknown, tr: Trainee) => {
        const s = status(tr, c.id);
        if (!s) return <span className="muted">{t('training.trainee.notRequired')}</span>;
        return (
          <div>
            <CourseStatusTag status={s.status} />
            {s.assessedOn ? (
              <div className="muted">
                {s.assessedOn}
                {s.assessorName ? ` · ${s.assessorName}` : ''}
              </div>
            ) : null}
          </div>
        );
      },
    })),
    { key: 'overall', title: t('training.trainee.overall'), render: (_, tr) => overall(tr) },
  ];
  return (
    <div className="stack">
      {role.manager ? (
        <div>
          <Button
            icon={<UserAddOutlined aria-hidden />}
            onClick={() => setAdding(true)}
            data-testid="training-trainee-new"
          >
            {t('training.trainee.new')}
          </Button>
        </div>
      ) : null}
      {notYet.length ? (
        <Alert
          type="warning"
          showIcon
          data-testid="training-not-yet"
          message={t('training.trainee.notYetTitle', { n: notYet.length })}
          description={
            <ul className="problem-list">
              {notYet.map((tr) => (
                <li key={tr.id} data-testid="training-not-yet-item" data-trainee-id={tr.id}>
                  <strong>{tr.name}</strong>
                  {': '}
                  {tr.courses
                    .filter((c) => c.status !== 'independent')
                    .map((c) => `${courseTitle.get(c.courseId) ?? ''} (${t(`training.status.${c.status}`)})`)
                    .join(t('training.listSep'))}
                  {tr.needsBatch ? (
                    <>
                      {' '}
                      <NeedsBatchTag />
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      <ResponsiveList<Trainee>
        items={plan.trainees}
        columns={columns}
        rowKey={(tr) => tr.id}
        label={t('training.trainee.matrix')}
        rowTestId="training-trainee-row"
        emptyText={t('training.trainee.empty')}
        renderCard={(tr) => (
          <div
            style={{
              width: '100%',
              minWidth: 0,
              border: '1px solid #f0f0f0',
              borderRadius: 8,
              padding: 12,
              background: '#fff',
            }}
          >
            <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
              {who(tr)}
              {overall(tr)}
            </Space>
            <ul style={{ listStyle: 'none', margin: '8px 0 0', padding: 0 }}>
              {tr.courses.map((c) => (
                <li key={c.courseId} style={{ marginBottom: 4, overflowWrap: 'anywhere' }}>
                  <span>{courseTitle.get(c.courseId)}</span> <CourseStatusTag status={c.status} />
                  {c.assessedOn ? <Typography.Text type="secondary">{c.assessedOn}</Typography.Text> : null}
                </li>
              ))}
            </ul>
          </div>
        )}
      />
      {adding ? <TraineeModal plan={plan} onClose={() => setAdding(false)} /> : null}
    </div>
  );
}

interface TraineeForm {
  userId?: string;
  name?: string;
  unit?: string;
  phone?: string;
  courseIds?: string[];
}

/** A customer user of the project's customer, or a named person without a login. */
function TraineeModal({ plan, onClose }: { plan: TrainingPlan; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddTrainee(plan.id);
  const projects = useProjects();
  const customerId = projects.data?.find((p) => p.id === plan.projectId)?.customerId;
  const users = useUsers(customerId, !!customerId);
  const taken = new Set(plan.trainees.map((x) => x.userId).filter(Boolean));
  const [form] = Form.useForm<TraineeForm>();
  const userId = Form.useWatch('userId', form);
  const submit = (v: TraineeForm) => {
    const body: TraineeInput = {
      userId: v.userId ?? null,
      name: v.name?.trim() ?? '',
      unit: v.unit?.trim() ?? '',
      phone: v.phone?.trim() ?? '',
      courseIds: v.courseIds?.length ? v.courseIds : null,
    };
    add.mutate(body, closeOrShowErrors(form, onClose));
  };
  return (
    <FormModal
      form={form}
      title={t('training.trainee.new')}
      onClose={onClose}
      onFinish={submit}
      saving={add.isPending}
      okTestId="training-trainee-save"
      formTestId="training-trainee-form"
    >
      <Form.Item
        name="userId"
        label={t('training.trainee.user')}
        extra={<span className="muted">{t('training.trainee.userHelp')}</span>}
      >
        <SearchSelect
          allowClear
          loading={users.isPending && !!customerId}
          options={(users.data ?? [])
            .filter((u) => !u.disabled && !taken.has(u.id))
            .map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))}
        />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('training.trainee.name')}
        rules={userId ? [] : [{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input maxLength={80} />
      </Form.Item>
      <Form.Item name="unit" label={t('training.trainee.unit')}>
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="phone" label={t('training.trainee.phone')}>
        <Input maxLength={40} inputMode="tel" />
      </Form.Item>
      <Form.Item
        name="courseIds"
        label={t('training.trainee.courses')}
        extra={<span className="muted">{t('training.trainee.coursesHelp')}</span>}
      >
        <SearchSelect mode="multiple" options={plan.courses.map((c) => ({ value: c.id, label: c.title }))} />
      </Form.Item>
    </FormModal>
  );
}
