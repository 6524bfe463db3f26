import { useState } from 'react';
import { Button, Empty, Form, Input, List, Tag, Typography } from 'antd';
import { AuditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { FormRadioGroup, FormSelect } from '../../components/formControls';
import { formatDateTime } from '../../components/format';
import { beijingDay } from '../fieldwork/api';
import type { TrainingPlan, TrainingRole } from './api';
import { useAssess } from './api';
import { COURSE_STATUS_COLOR } from './tags';
import { DateField } from '../../components/DateField';
import { SearchSelect } from '../../components/SearchSelect';
import { closeOrShowErrors, FormModal } from '../../components/FormModal';

/** 考核: can the trainee operate on their own? Not yet → trained again in a later batch. */
export function AssessmentsTab({ plan, role }: { plan: TrainingPlan; role: TrainingRole }) {
  const { t } = useTranslation();
  const [assessing, setAssessing] = useState(false);
  return (
    <div className="stack">
      {role.trainer ? (
        <div>
          <Button
            type="primary"
            icon={<AuditOutlined aria-hidden />}
            onClick={() => setAssessing(true)}
            disabled={!plan.trainees.length || !plan.batches.length}
            data-testid="training-assess-new"
          >
            {t('training.assess.new')}
          </Button>
        </div>
      ) : null}
      {!plan.assessments.length ? (
        <Empty description={<span className="muted">{t('training.assess.empty')}</span>} />
      ) : (
        <section aria-label={t('training.assess.history')}>
          <List
            bordered
            size="small"
            dataSource={plan.assessments}
            rowKey="id"
            renderItem={(a) => (
              <List.Item
                data-testid="training-assessment"
                data-trainee-id={a.traineeId}
                data-independent={String(a.independent)}
              >
                <div style={{ minWidth: 0, width: '100%', overflowWrap: 'anywhere' }}>
                  <strong>{a.traineeName}</strong> · {a.courseTitle}{' '}
                  <Tag color={COURSE_STATUS_COLOR[a.independent ? 'independent' : 'not_yet']}>
                    {t(a.independent ? 'training.status.independent' : 'training.status.not_yet')}
                  </Tag>
                  <div className="muted">
                    {[a.assessedOn, a.batchName, t('training.assess.byX', { name: a.assessorName })].join(' · ')}
                  </div>
                  {a.note ? <div className="pre-wrap">{a.note}</div> : null}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('training.assess.recordedAt', { at: formatDateTime(a.createdAt) })}
                  </Typography.Text>
                </div>
              </List.Item>
            )}
          />
        </section>
      )}
      {assessing ? <AssessModal plan={plan} onClose={() => setAssessing(false)} /> : null}
    </div>
  );
}

interface AssessForm {
  traineeId: string;
  courseId: string;
  batchId: string;
  independent: boolean;
  assessedOn: string;
  assessorName?: string;
  note?: string;
  retrainBatchId?: string;
}

function AssessModal({ plan, onClose }: { plan: TrainingPlan; onClose: () => void }) {
  const { t } = useTranslation();
  const assess = useAssess(plan.id);
  const [form] = Form.useForm<AssessForm>();
  const traineeId = Form.useWatch('traineeId', form);
  const batchId = Form.useWatch('batchId', form);
  const independent = Form.useWatch('independent', form);
  const trainee = plan.trainees.find((x) => x.id === traineeId);
  const courseTitle = new Map(plan.courses.map((c) => [c.id, c.title]));
  const batches = plan.batches.filter((b) => traineeId && b.traineeIds.includes(traineeId));
  const batch = plan.batches.find((b) => b.id === batchId);
  const later = batch ? plan.batches.filter((b) => b.position > batch.position) : [];
  const required = [{ required: true, message: t('common.required') }];
  const today = beijingDay();
  const submit = (v: AssessForm) =>
    assess.mutate(
      {
        traineeId: v.traineeId,
        courseId: v.courseId,
        batchId: v.batchId,
        independent: v.independent,
        assessedOn: v.assessedOn,
        assessorName: (v.assessorName ?? '').trim(),
        note: (v.note ?? '').trim(),
        retrainBatchId: v.independent ? null : (v.retrainBatchId ?? null),
      },
      closeOrShowErrors(form, onClose),
    );
  return (
    <FormModal
      form={form}
      title={t('training.assess.new')}
      onClose={onClose}
      onFinish={submit}
      saving={assess.isPending}
      initialValues={{ assessedOn: today }}
      okTestId="training-assess-save"
      formTestId="training-assess-form"
      onValuesChange={(changed: Partial<AssessForm>) => {
        if ('traineeId' in changed) {
          const tr = plan.trainees.find((x) => x.id === changed.traineeId);
          const own = plan.batches.filter((b) => changed.traineeId && b.traineeIds.includes(changed.traineeId));
          const open = tr?.courses.filter((c) => c.status !== 'independent') ?? [];
          form.setFieldsValue({
            courseId: (open.length === 1 ? open[0] : tr?.courses.length === 1 ? tr.courses[0] : undefined)?.courseId,
            batchId: own[own.length - 1]?.id,
            retrainBatchId: undefined,
          });
        }
        if ('batchId' in changed) form.setFieldsValue({ retrainBatchId: undefined });
      }}
    >
      <Form.Item name="traineeId" label={t('training.assess.trainee')} rules={required}>
        <SearchSelect options={plan.trainees.map((x) => ({ value: x.id, label: x.name }))} />
      </Form.Item>
      <Form.Item name="courseId" label={t('training.assess.course')} rules={required}>
        <SearchSelect
          disabled={!trainee}
          options={(trainee?.courses ?? []).map((c) => ({
            value: c.courseId,
            label: `${courseTitle.get(c.courseId) ?? ''} (${t(`training.status.${c.status}`)})`,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="batchId"
        label={t('training.assess.batch')}
        rules={required}
        extra={trainee && !batches.length ? <span className="danger-text">{t('training.assess.noBatch')}</span> : null}
      >
        <FormSelect disabled={!trainee} options={batches.map((b) => ({ value: b.id, label: b.name }))} />
      </Form.Item>
      <Form.Item name="independent" label={t('training.assess.independent')} rules={required}>
        <FormRadioGroup
          options={[
            { value: true, label: t('training.assess.yes') },
            { value: false, label: t('training.assess.no') },
          ]}
        />
      </Form.Item>
      {independent === false ? (
        <Form.Item
          name="retrainBatchId"
          label={t('training.assess.retrainBatch')}
          extra={
            <span className="muted">
              {later.length ? t('training.assess.retrainHelp') : t('training.assess.retrainNone')}
            </span>
          }
        >
          <FormSelect
            allowClear
            disabled={!later.length}
            options={later.map((b) => ({ value: b.id, label: b.name }))}
          />
        </Form.Item>
      ) : null}
      <Form.Item name="assessedOn" label={t('training.assess.date')} rules={required}>
        <DateField max={today} />
      </Form.Item>
      <Form.Item
        name="assessorName"
        label={t('training.assess.assessor')}
        extra={<span className="muted">{t('training.assess.assessorHelp')}</span>}
      >
        <Input maxLength={80} />
      </Form.Item>
      <Form.Item name="note" label={t('training.assess.note')}>
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} />
      </Form.Item>
    </FormModal>
  );
}
