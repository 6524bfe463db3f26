import { useState } from 'react';
import { Button, Card, Empty, Form, Input, InputNumber, List, Spin, Switch, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { applyFormError } from '../../api/client';
import { beijingDay } from '../fieldwork/api';
import type { SurveySchedule, SurveyScheduleInput, SurveyScheduleUpdate } from './api';
import { useCreateSurveySchedule, useSurveySchedules, useUpdateSurveySchedule } from './api';
import { DateField } from '../../components/DateField';
import { FormModal } from '../../components/FormModal';

const h2 = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

/**
 * 定期满意度调查: a project's recurring surveys. On each `nextOn` the server sends "<title>（YYYY-MM）" to every
 * user of the customer, open for `openDays`, and moves `nextOn` on by `everyMonths`. Managers create, edit and
 * switch them on and off; the project's other staff and its customer users read them.
 */
export function SurveySchedulesCard({ projectId, manager }: { projectId: string; manager: boolean }) {
  const { t } = useTranslation();
  const schedules = useSurveySchedules(projectId);
  const update = useUpdateSurveySchedule(projectId);
  const [editing, setEditing] = useState<SurveySchedule | 'new' | null>(null);
  const [toggling, setToggling] = useState<string | null>(null);

  const toggle = (s: SurveySchedule, active: boolean) => {
    setToggling(s.id);
    update.mutate({ id: s.id, active }, { onSettled: () => setToggling(null) });
  };

  return (
    <Card
      size="small"
      title={h2(t('satisfaction.schedule.title'))}
      style={{ marginTop: 16 }}
      data-testid="schedule-card"
    >
      <Typography.Paragraph className="muted" style={{ marginBottom: 8 }}>
        {t('satisfaction.schedule.intro')}
      </Typography.Paragraph>
      {manager ? (
        <div style={{ marginBottom: 8 }}>
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')} data-testid="schedule-new">
            {t('satisfaction.schedule.new')}
          </Button>
        </div>
      ) : null}
      {schedules.isPending ? (
        <Spin />
      ) : !schedules.data?.length ? (
        <Empty description={<span className="muted">{t('satisfaction.schedule.empty')}</span>} />
      ) : (
        <List
          dataSource={schedules.data}
          rowKey="id"
          data-testid="schedule-list"
          renderItem={(s) => (
            <List.Item
              data-testid="schedule-row"
              data-schedule-id={s.id}
              data-active={String(s.active)}
              data-next={s.nextOn}
              data-last={s.lastSentOn ?? ''}
            >
              <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, width: '100%' }}>
                <div style={{ flex: '1 1 220px', minWidth: 0, overflowWrap: 'anywhere' }}>
                  <strong data-testid="schedule-title">{s.title}</strong>{' '}
                  <Tag data-testid="schedule-state">
                    {t(s.active ? 'satisfaction.schedule.on' : 'satisfaction.schedule.off')}
                  </Tag>
                  <div className="muted">
                    <span data-testid="schedule-every">
                      {s.everyMonths === 1
                        ? t('satisfaction.schedule.everyOne')
                        : t('satisfaction.schedule.every', { n: s.everyMonths })}
                    </span>
                    {' · '}
                    <span data-testid="schedule-open-days">
                      {s.openDays === 1
                        ? t('satisfaction.schedule.openOne')
                        : t('satisfaction.schedule.open', { n: s.openDays })}
                    </span>
                  </div>
                  <div className="muted">
                    <span data-testid="schedule-next">{t('satisfaction.schedule.next', { date: s.nextOn })}</span>
                    {' · '}
                    <span data-testid="schedule-last">
                      {s.lastSentOn
                        ? t('satisfaction.schedule.last', { date: s.lastSentOn })
                        : t('satisfaction.schedule.neverSent')}
                    </span>
                  </div>
                </div>
                {manager ? (
                  <div style={{ display: 'flex', alignItems: 'center', gap: 8, flex: 'none' }}>
                    <Switch
                      checked={s.active}
                      loading={toggling === s.id}
                      onChange={(on) => toggle(s, on)}
                      aria-label={t('satisfaction.schedule.activeFor', { title: s.title })}
                      data-testid="schedule-active"
                    />
                    <Button
                      size="small"
                      icon={<EditOutlined aria-hidden />}
                      onClick={() => setEditing(s)}
                      aria-label={t('satisfaction.schedule.editOne', { title: s.title })}
                      data-testid="schedule-edit"
                    >
                      {t('common.edit')}
                    </Button>
                  </div>
                ) : null}
              </div>
            </List.Item>
          )}
        />
      )}
      {editing ? (
        <ScheduleModal
          projectId={projectId}
          schedule={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Card>
  );
}

interface ScheduleValues {
  title: string;
  everyMonths: number;
  openDays: number;
  /** firstOn when new, nextOn when editing. */
  on: string;
}

/** 新建 / 编辑定期调查. */
function ScheduleModal({
  projectId,
  schedule,
  onClose,
}: {
  projectId: string;
  schedule: SurveySchedule | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateSurveySchedule(projectId);
  const update = useUpdateSurveySchedule(projectId);
  const [form] = Form.useForm<ScheduleValues>();
  const today = beijingDay();
  const initial: ScheduleValues = schedule
    ? { title: schedule.title, everyMonths: schedule.everyMonths, openDays: schedule.openDays, on: schedule.nextOn }
    : { title: t('satisfaction.schedule.defaultTitle'), everyMonths: 3, openDays: 14, on: today };
  // The date goes to the server under its own name, so the server's field errors land on it.
  const rename = (f: string) => (f === 'firstOn' || f === 'nextOn' ? 'on' : f);
  const submit = (v: ScheduleValues) => {
    const onError = (e: unknown) => applyFormError(form, e, rename);
    if (schedule) {
      const body: SurveyScheduleUpdate = { title: v.title.trim(), everyMonths: v.everyMonths, openDays: v.openDays };
      if (v.on !== schedule.nextOn) body.nextOn = v.on;
      update.mutate({ id: schedule.id, ...body }, { onSuccess: onClose, onError });
    } else {
      const body: SurveyScheduleInput = {
        title: v.title.trim(),
        everyMonths: v.everyMonths,
        openDays: v.openDays,
        firstOn: v.on,
      };
      create.mutate(body, { onSuccess: onClose, onError });
    }
  };
  const required = { required: true, message: t('common.required') };
  return (
    <FormModal
      form={form}
      title={
        schedule ? t('satisfaction.schedule.editTitle', { title: schedule.title }) : t('satisfaction.schedule.newTitle')
      }
      onClose={onClose}
      onFinish={submit}
      saving={create.isPending || update.isPending}
      initialValues={initial}
      intro={<Typography.Paragraph className="muted">{t('satisfaction.schedule.help')}</Typography.Paragraph>}
      okTestId="schedule-save"
      formTestId="schedule-form"
    >
      <Form.Item
        name="title"
        label={t('satisfaction.schedule.name')}
        rules={[{ ...required, whitespace: true }]}
        extra={t('satisfaction.schedule.nameHelp')}
      >
        <Input maxLength={150} data-testid="schedule-form-title" />
      </Form.Item>
      <Form.Item
        name="everyMonths"
        label={t('satisfaction.schedule.everyMonths')}
        rules={[required]}
        extra={t('satisfaction.schedule.everyMonthsHelp')}
      >
        <InputNumber min={1} max={12} precision={0} style={{ width: 120 }} data-testid="schedule-form-every" />
      </Form.Item>
      <Form.Item
        name="openDays"
        label={t('satisfaction.schedule.openDays')}
        rules={[required]}
        extra={t('satisfaction.schedule.openDaysHelp')}
      >
        <InputNumber min={1} max={60} precision={0} style={{ width: 120 }} data-testid="schedule-form-open-days" />
      </Form.Item>
      <Form.Item
        name="on"
        label={t(schedule ? 'satisfaction.schedule.nextOn' : 'satisfaction.schedule.firstOn')}
        rules={[
          required,
          {
            validator: (_, v: string | undefined) =>
              !v || v >= today || (schedule && v === schedule.nextOn)
                ? Promise.resolve()
                : Promise.reject(new Error(t('satisfaction.schedule.notPast'))),
          },
        ]}
      >
        <DateField data-testid={schedule ? 'schedule-form-next-on' : 'schedule-form-first-on'} />
      </Form.Item>
    </FormModal>
  );
}
