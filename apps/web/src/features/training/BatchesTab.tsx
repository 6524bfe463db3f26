import { useState } from 'react';
import { Button, Card, Empty, Form, Input, List, Modal, Radio, Space, Tag, Typography } from 'antd';
import { FileExcelOutlined, FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { SESSION_MODES } from '@weibao/schema/enum-values';
import { applyFormError } from '../../api/client';
import { filterByLabel, useStaff } from '../../api/queries';
import { FormRadioGroup, FormSelect } from '../../components/formControls';
import { formatDateTime } from '../../components/format';
import { useNow } from '../../components/useNow';
import { DateTimeField } from '../../components/DateField';
import type { AttendanceStatus, Batch, SessionMode, TrainingPlan, TrainingRole, TrainingSession } from './api';
import {
  ATTENDANCE,
  attendanceSheetUrl,
  SIGN_IN_OPENS_MS,
  useAddBatch,
  useAddSession,
  useRecordAttendance,
  useUpdateBatch,
  useUpdateSession,
} from './api';
import { AttendanceTag } from './tags';

/** 批次与场次: training in batches (分批), each in sessions (分次), with attendance. */
export function BatchesTab({ plan, role }: { plan: TrainingPlan; role: TrainingRole }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Batch | 'new' | null>(null);
  const [scheduling, setScheduling] = useState<Batch | null>(null);
  const [attending, setAttending] = useState<{ batch: Batch; session: TrainingSession } | null>(null);
  const names = new Map(plan.trainees.map((x) => [x.id, x.name]));
  const needsBatch = plan.trainees.filter((x) => x.needsBatch);
  return (
    <div className="stack">
      {role.manager ? (
        <div>
          <Button
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setEditing('new')}
            data-testid="training-batch-new"
          >
            {t('training.batch.new')}
          </Button>
        </div>
      ) : null}
      {needsBatch.length ? (
        <Typography.Text type="warning" data-testid="training-batch-needed">
          {t('training.banner.needsBatch', { names: needsBatch.map((x) => x.name).join(t('training.listSep')) })}
        </Typography.Text>
      ) : null}
      {!plan.batches.length ? <Empty description={<span className="muted">{t('training.batch.empty')}</span>} /> : null}
      {plan.batches.map((b) => (
        <Card
          key={b.id}
          size="small"
          data-testid="training-batch"
          data-batch-id={b.id}
          title={
            <h2 className="card-h2" style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}>
              {b.name}
            </h2>
          }
        >
          <div style={{ overflowWrap: 'anywhere' }} data-testid="training-batch-trainees">
            <Typography.Text type="secondary">{t('training.batch.trainees')}: </Typography.Text>
            {b.traineeIds.length ? (
              b.traineeIds.map((id) => (
                <Tag key={id} data-testid="training-batch-trainee" data-trainee-id={id} style={{ marginBottom: 4 }}>
                  {names.get(id) ?? id}
                  {b.retrainIds.includes(id) ? ` (${t('training.batch.retrain')})` : ''}
                </Tag>
              ))
            ) : (
              <span className="muted">{t('training.batch.noTrainees')}</span>
            )}
          </div>
          {role.manager ? (
            <Space wrap style={{ margin: '8px 0' }}>
              <Button size="small" onClick={() => setEditing(b)} data-testid="training-batch-edit">
                {t('training.batch.edit')}
              </Button>
              <Button
                size="small"
                icon={<PlusOutlined aria-hidden />}
                onClick={() => setScheduling(b)}
                data-testid="training-session-new"
              >
                {t('training.session.new')}
              </Button>
            </Space>
          ) : null}
          {b.sessions.length ? (
            <List
              size="small"
              dataSource={b.sessions}
              rowKey="id"
              renderItem={(s) => (
                <SessionItem
                  plan={plan}
                  session={s}
                  role={role}
                  onAttend={() => setAttending({ batch: b, session: s })}
                />
              )}
            />
          ) : (
            <div className="muted">{t('training.session.empty')}</div>
          )}
        </Card>
      ))}
      {editing ? (
        <BatchModal plan={plan} batch={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
      {scheduling ? <SessionModal plan={plan} batch={scheduling} onClose={() => setScheduling(null)} /> : null}
      {attending ? (
        <AttendanceModal
          plan={plan}
          batch={attending.batch}
          session={attending.session}
          onClose={() => setAttending(null)}
        />
      ) : null}
    </div>
  );
}

function SessionItem({
  plan,
  session: s,
  role,
  onAttend,
}: {
  plan: TrainingPlan;
  session: TrainingSession;
  role: TrainingRole;
  onAttend: () => void;
}) {
  const { t } = useTranslation();
  const now = useNow();
  const cancel = useUpdateSession(plan.id);
  const open = now >= s.startsAt - SIGN_IN_OPENS_MS;
  const counts = ATTENDANCE.map((a) => [a, s.attendance.filter((x) => x.status === a).length] as const).filter(
    ([, n]) => n > 0,
  );
  return (
    <List.Item
      data-testid="training-session"
      data-session-id={s.id}
      data-cancelled={String(s.cancelled)}
      data-attendance={s.attendance.length}
    >
      <div style={{ minWidth: 0, width: '100%', overflowWrap: 'anywhere' }}>
        <strong>{s.courseTitle}</strong>{' '}
        {s.cancelled ? (
          <Tag color="#595959" data-testid="training-session-cancelled">
            {t('training.session.cancelled')}
          </Tag>
        ) : null}
        <div>
          {formatDateTime(s.startsAt)} – {formatDateTime(s.endsAt)}
        </div>
        <div className="muted">
          {[t(`training.mode.${s.mode}`), s.place, t('training.session.trainerIs', { name: s.trainerName })].join(
            ' · ',
          )}
        </div>
        <div data-testid="training-session-attendance">
          {s.attendance.length ? (
            counts.map(([a, n]) => (
              <span key={a} style={{ marginInlineEnd: 8 }}>
                {t(`training.attendance.${a}`)} {n}
              </span>
            ))
          ) : (
            <span className="muted">{t('training.attendance.none')}</span>
          )}
        </div>
        <Space wrap size="small" style={{ marginTop: 4 }}>
          {role.trainer && !s.cancelled ? (
            <Button
              size="small"
              type="primary"
              disabled={!open}
              onClick={onAttend}
              data-testid="training-attendance-open"
            >
              {t('training.attendance.take')}
            </Button>
          ) : null}
          <Button
            size="small"
            href={attendanceSheetUrl(s.id, 'pdf')}
            download
            icon={<FilePdfOutlined aria-hidden />}
            data-testid="training-sheet-pdf"
          >
            {t('training.attendance.sheetPdf')}
          </Button>
          <Button
            size="small"
            href={attendanceSheetUrl(s.id, 'xlsx')}
            download
            icon={<FileExcelOutlined aria-hidden />}
            data-testid="training-sheet-xlsx"
          >
            {t('training.attendance.sheetXlsx')}
          </Button>
          {role.manager && !s.cancelled ? (
            <Button
              size="small"
              danger
              loading={cancel.isPending}
              data-testid="training-session-cancel"
              onClick={() =>
                Modal.confirm({
                  title: t('training.session.cancelConfirm'),
                  okText: t('training.session.cancel'),
                  cancelText: t('common.cancel'),
                  okButtonProps: { danger: true },
                  onOk: () => cancel.mutateAsync({ id: s.id, cancelled: true }),
                })
              }
            >
              {t('training.session.cancel')}
            </Button>
          ) : null}
        </Space>
        {role.trainer && !s.cancelled && !open ? (
          <div className="muted">
            {t('training.attendance.opensAt', { at: formatDateTime(s.startsAt - SIGN_IN_OPENS_MS) })}
          </div>
        ) : null}
      </div>
    </List.Item>
  );
}

interface BatchForm {
  name: string;
  traineeIds?: string[];
}

function BatchModal({ plan, batch, onClose }: { plan: TrainingPlan; batch: Batch | null; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddBatch(plan.id);
  const update = useUpdateBatch(plan.id);
  const [form] = Form.useForm<BatchForm>();
  const submit = (v: BatchForm) => {
    const body = { name: v.name, traineeIds: v.traineeIds ?? [] };
    const opts = { onSuccess: onClose, onError: (e: unknown) => applyFormError(form, e) };
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
    <Modal
      open
      title={batch ? t('training.batch.editTitle', { name: batch.name }) : t('training.batch.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending || update.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'training-batch-save' }}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initial} data-testid="training-batch-form">
        <Form.Item
          name="name"
          label={t('training.batch.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="traineeIds" label={t('training.batch.trainees')}>
          <FormSelect
            mode="multiple"
            filterOption={filterByLabel}
            options={plan.trainees.map((x) => ({ value: x.id, label: x.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
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

function SessionModal({ plan, batch, onClose }: { plan: TrainingPlan; batch: Batch; onClose: () => void }) {
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
      { onSuccess: onClose, onError: (e) => applyFormError(form, e) },
    );
  return (
    <Modal
      open
      title={t('training.session.newIn', { batch: batch.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'training-session-save' }}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="training-session-form"
        initialValues={{
          courseId: plan.courses.length === 1 ? plan.courses[0]!.id : undefined,
          startsAt: start,
          endsAt: start + 2 * hour,
          mode: 'onsite',
        }}
      >
        <Form.Item name="courseId" label={t('training.session.course')} rules={required}>
          <FormSelect
            showSearch
            filterOption={filterByLabel}
            options={plan.courses.map((c) => ({ value: c.id, label: c.title }))}
          />
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
          <FormSelect
            allowClear
            showSearch
            filterOption={filterByLabel}
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
      </Form>
    </Modal>
  );
}

/** 签到: each trainee of the batch present, late, absent or excused. */
function AttendanceModal({
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
