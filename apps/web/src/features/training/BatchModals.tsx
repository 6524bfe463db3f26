import { useState } from 'react';
import { Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { SESSION_MODES } from '@weibao/schema/enum-values';
import { useStaff } from '../../api/queries';
import { FormRadioGroup } from '../../components/formControls';
import { formatDateTime } from '../../components/format';
import { DateTimeField } from '../../components/DateField';
import { closeOrShowErrors, FormModal } from '../../components/FormModal';
import type { AttendanceStatus, Batch, SessionMode, TrainingPlan, TrainingSession } from './api';
import { ATTENDANCE, useAddBatch, useAddSession, useRecordAttendance, useUpdateBatch } from './api';
import { AttendanceTag } from './tags';
import { SearchSelect } from '../../components/SearchSelect';

// The dialogs of the batches tab (BatchesTab.tsx): a batch, a session, a session's attendance.

interface BatchForm {
  name: string;
  traineeIds?: string[];
}

export function BatchModal({ plan, batch, onClose }: { plan: TrainingPlan; batch: Batch | null; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddBatch(plan.id);
  const update = useUpdateBatch(plan.id);
  const [form] = Form.useForm<BatchForm>();
  const submit = (v: BatchForm) => {
    const body = { name: v.name, traineeIds: v.traineeIds ?? [] };
    const opts = closeOrShowErrors(form, onClose);
    if (batch) update.mutate({ id: batch.id, ...body }, opts);
    else add.mutate(body, opts);
  };
  const initial: Partial<BatchForm> = batch
    ? { name: batch.name, traineeIds: batch.traineeIds }
    : {
        name: t('training.batch.defaultName', { n: plan.batches.length + 1 }),
        traineeIds: plan.batches.length
          ? plan.trainees.filter((x) => x.needsBatch).map((x) => x.id)
          : plan.trainees.map((x) => x.id),
      };
  return (
    <FormModal
      form={form}
      title={batch ? t('training.batch.editTitle', { name: batch.name }) : t('training.batch.new')}
      onClose={onClose}
      onFinish={submit}
      saving={add.isPending || update.isPending}
      initialValues={initial}
      okTestId="training-batch-save"
      formTestId="training-batch-form"
    >
      <Form.Item
        name="name"
        label={t('training.batch.name')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input maxLength={80} />
      </Form.Item>
      <Form.Item name="traineeIds" label={t('training.batch.trainees')}>
        <SearchSelect mode="multiple" options={plan.trainees.map((x) => ({ value: x.id, label: x.name }))} />
      </Form.Item>
    </FormModal>
  );
}

interface SessionForm {
  courseId: string;
  startsAt: number;
  endsAt: number;
  mode: SessionMode;
  place: string;
  trainerId?: string;
  trainerName?: string;
}

export function SessionModal({ plan, batch, onClose }: { plan: TrainingPlan; batch: Batch; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddSession(plan.id);
  const staff = useStaff();
  const [form] = Form.useForm<SessionForm>();
  const trainerId = Form.useWatch('trainerId', form);
  const mode = Form.useWatch('mode', form);
  const required = [{ required: true, message: t('common.required') }];
  const hour = 3_600_000;
  const start = Math.ceil(Date.now() / hour) * hour;
  const submit = (v: SessionForm) =>
    add.mutate(
      {
        batchId: batch.id,
        courseId: v.courseId,
        startsAt: v.startsAt,
        endsAt: v.endsAt,
        mode: v.mode,
        place: v.place.trim(),
        trainerId: v.trainerId ?? null,
        trainerName: v.trainerId ? '' : (v.trainerName ?? '').trim(),
      },
      closeOrShowErrors(form, onClose),
    );
  return (
    <FormModal
      form={form}
      title={t('training.session.newIn', { batch: batch.name })}
      onClose={onClose}
      onFinish={submit}
      saving={add.isPending}
      initialValues={{
        courseId: plan.courses.length === 1 ? plan.courses[0]!.id : undefined,
        startsAt: start,
        endsAt: start + 2 * hour,
        mode: 'onsite',
      }}
      okTestId="training-session-save"
      formTestId="training-session-form"
    >
      <Form.Item name="courseId" label={t('training.session.course')} rules={required}>
        <SearchSelect options={plan.courses.map((c) => ({ value: c.id, label: c.title }))} />
      </Form.Item>
      <Form.Item name="startsAt" label={t('training.session.startsAt')} rules={required}>
        <DateTimeField data-testid="training-session-start" />
      </Form.Item>
      <Form.Item name="endsAt" label={t('training.session.endsAt')} rules={required}>
        <DateTimeField data-testid="training-session-end" />
      </Form.Item>
      <Form.Item name="mode" label={t('training.session.mode')} rules={required}>
        <FormRadioGroup
          optionType="button"
          options={SESSION_MODES.map((m) => ({ value: m, label: t(`training.mode.${m}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="place"
        label={mode === 'online' ? t('training.session.link') : t('training.session.place')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="trainerId" label={t('training.session.trainer')}>
        <SearchSelect
          allowClear
          loading={staff.isPending}
          options={(staff.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
        />
      </Form.Item>
      {!trainerId ? (
        <Form.Item
          name="trainerName"
          label={t('training.session.outsideTrainer')}
          rules={[{ required: true, whitespace: true, message: t('training.session.trainerRequired') }]}
        >
          <Input maxLength={80} />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}

/** 签到: each trainee of the batch present, late, absent or excused. */
export function AttendanceModal({
  plan,
  batch,
  session,
  onClose,
}: {
  plan: TrainingPlan;
  batch: Batch;
  session: TrainingSession;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const record = useRecordAttendance(plan.id);
  const names = new Map(plan.trainees.map((x) => [x.id, x.name]));
  const before = new Map(session.attendance.map((a) => [a.traineeId, a]));
  const [entries, setEntries] = useState(() =>
    batch.traineeIds.map((id) => ({
      traineeId: id,
      status: before.get(id)?.status ?? ('present' as AttendanceStatus),
      note: before.get(id)?.note ?? '',
    })),
  );
  const patch = (i: number, p: Partial<(typeof entries)[number]>) =>
    setEntries((list) => list.map((e, j) => (j === i ? { ...e, ...p } : e)));
  return (
    <Modal
      open
      title={t('training.attendance.title', { course: session.courseTitle, at: formatDateTime(session.startsAt) })}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={record.isPending}
      destroyOnHidden
      okButtonProps={{ disabled: !entries.length, 'data-testid': 'training-attendance-save' }}
      onOk={() => record.mutate({ sessionId: session.id, entries }, { onSuccess: onClose })}
    >
      {!entries.length ? <div className="muted">{t('training.batch.noTrainees')}</div> : null}
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="training-attendance-form">
        {entries.map((e, i) => {
          const name = names.get(e.traineeId) ?? e.traineeId;
          return (
            <li
              key={e.traineeId}
              data-testid="training-attendance-row"
              data-trainee-id={e.traineeId}
              style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}
            >
              <div style={{ marginBottom: 4 }}>
                <strong id={`att-name-${e.traineeId}`}>{name}</strong>{' '}
                {before.has(e.traineeId) ? <AttendanceTag status={before.get(e.traineeId)!.status} /> : null}
              </div>
              <div role="radiogroup" aria-labelledby={`att-name-${e.traineeId}`}>
                <Radio.Group
                  value={e.status}
                  onChange={(ev) => patch(i, { status: ev.target.value as AttendanceStatus })}
                  optionType="button"
                  size="small"
                  options={ATTENDANCE.map((a) => ({ value: a, label: t(`training.attendance.${a}`) }))}
                  style={{ display: 'flex', flexWrap: 'wrap' }}
                />
              </div>
              <Input
                size="small"
                value={e.note}
                maxLength={300}
                onChange={(ev) => patch(i, { note: ev.target.value })}
                style={{ marginTop: 4 }}
                aria-label={t('training.attendance.noteFor', { name })}
                placeholder={t('training.attendance.note')}
              />
            </li>
          );
        })}
      </ul>
    </Modal>
  );
}
