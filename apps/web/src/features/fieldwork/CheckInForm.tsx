import { useEffect, useRef, useState } from 'react';
import { App, Button, Card, Form, Input, Switch } from 'antd';
import { LoginOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError, applyFormError } from '../../api/client';
import { useProjects } from '../../api/queries';
import { useCurrentUser } from '../auth/useMe';
import { useTicket } from '../tickets/api';
import { backdatedAt } from '../tickets/actionSpec';
import { OccurredAtFields } from '../tickets/OccurredAtFields';
import { useCheckIn, useMyOpenTickets, visitsKey } from './api';
import { currentPosition, geoPreference, setGeoPreference } from './geo';
import { SearchSelect } from '../../components/SearchSelect';

interface Values {
  projectId: string;
  ticketId?: string;
  location: string;
  note?: string;
  useGeo: boolean;
  /** 发生时间: only for a check-in that is the ticket's arrival, logged after regaining signal. */
  occurredAt?: Dayjs;
  occurredAtReason?: string;
}

const h2 = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

/** 签到: project, optionally one of my open tickets of it, where I am, and (if allowed) the GPS position. */
export function CheckInForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const projectId = Form.useWatch('projectId', form);
  const { data: projects = [], isPending: projectsLoading } = useProjects();
  const { data: tickets = [], isFetching: ticketsLoading } = useMyOpenTickets(projectId);
  const checkIn = useCheckIn();
  const [locating, setLocating] = useState(false);
  const me = useCurrentUser();
  const ticketId = Form.useWatch('ticketId', form);
  const { data: ticket } = useTicket(ticketId ?? '', !!ticketId);
  // The server makes the assignee's check-in the arrival while the ticket still allows 'arrive'; only that one can be back-dated.
  const arrival =
    !!ticket && ticket.id === ticketId && ticket.assigneeId === me.id && ticket.allowedActions.includes('arrive')
      ? ticket
      : undefined;
  /** When "happened at" appeared: it starts there and is only sent when the engineer moved it. */
  const shownAt = useRef(0);
  useEffect(() => {
    if (!arrival) return;
    shownAt.current = Date.now();
    form.setFieldsValue({ occurredAt: dayjs(shownAt.current), occurredAtReason: undefined });
    // Reset when another ticket becomes the arrival, not on every refetch of the same one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [arrival?.id]);

  const onFinish = async (v: Values) => {
    setGeoPreference(v.useGeo);
    let position;
    if (v.useGeo) {
      setLocating(true);
      position = await currentPosition();
      setLocating(false);
      if (!position) void message.info(t('field.noPosition'));
    }
    const occurredAt = arrival ? backdatedAt(v.occurredAt, shownAt.current) : undefined;
    const late =
      occurredAt === undefined ? {} : { occurredAt, occurredAtReason: v.occurredAtReason?.trim() || undefined };
    checkIn.mutate(
      {
        projectId: v.projectId,
        ticketId: v.ticketId || undefined,
        location: v.location.trim(),
        note: v.note?.trim() || undefined,
        position,
        ...late,
      },
      {
        onSuccess: () => void message.success(t('field.checkedInDone')),
        onError: (e) => {
          // Checked in elsewhere (another tab or device): show that visit instead of this form.
          if (e instanceof ApiError && e.status === 409) void qc.invalidateQueries({ queryKey: visitsKey });
          applyFormError(form, e);
        },
      },
    );
  };

  const required = { required: true, message: t('common.required') };
  return (
    <Card title={h2(t('field.checkInTitle'))} data-testid="check-in-card">
      <Form<Values>
        form={form}
        name="check-in"
        layout="vertical"
        onFinish={(v) => void onFinish(v)}
        initialValues={{ useGeo: geoPreference(), projectId: projects.length === 1 ? projects[0]?.id : undefined }}
        key={projects.length === 1 ? 'single' : 'multi'}
        scrollToFirstError
      >
        <Form.Item name="projectId" label={t('field.project')} rules={[required]}>
          <SearchSelect
            loading={projectsLoading}
            options={projects.map((p) => ({ value: p.id, label: `${p.name} (${p.customerName})` }))}
            onChange={() => form.setFieldValue('ticketId', undefined)}
            data-testid="check-in-project"
          />
        </Form.Item>
        <Form.Item name="ticketId" label={t('field.ticket')} extra={t('field.ticketHelp')}>
          <SearchSelect
            allowClear
            disabled={!projectId}
            loading={ticketsLoading}
            notFoundContent={<span className="muted">{t('field.noOpenTickets')}</span>}
            options={tickets.map((tk) => ({ value: tk.id, label: `${tk.number} ${tk.title}` }))}
            data-testid="check-in-ticket"
          />
        </Form.Item>
        {arrival ? <OccurredAtFields reasonMinutes={arrival.occurredAtReasonMinutes} testPrefix="check-in" /> : null}
        <Form.Item name="location" label={t('field.location')} rules={[{ ...required, whitespace: true }]}>
          <Input maxLength={200} placeholder={t('field.locationPlaceholder')} data-testid="check-in-location" />
        </Form.Item>
        <Form.Item name="useGeo" label={t('field.useGeo')} valuePropName="checked" extra={t('field.useGeoHelp')}>
          <Switch data-testid="check-in-geo" />
        </Form.Item>
        <Form.Item name="note" label={t('field.note')}>
          <Input.TextArea rows={2} maxLength={500} data-testid="check-in-note" />
        </Form.Item>
        <Button
          type="primary"
          size="large"
          block
          htmlType="submit"
          icon={<LoginOutlined aria-hidden />}
          loading={locating || checkIn.isPending}
          data-testid="check-in-submit"
        >
          {locating ? t('field.locating') : t('field.checkIn')}
        </Button>
      </Form>
    </Card>
  );
}
