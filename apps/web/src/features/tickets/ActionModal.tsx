import { useEffect, useRef, useState } from 'react';
import dayjs from 'dayjs';
import { App, Button, Descriptions, Form, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFormError } from '../../api/client';
import { useAssignees } from '../../api/queries';
import type { Ticket, TicketActionRequest } from '../../api/types';
import { FAULT_LEVEL_TEXT } from '@weibao/schema/levels';
import { formatDateTime } from '../../components/format';
import { currentLang } from '../../i18n';
import { useTicketAction } from './api';
import { ActionFields } from './ActionFields';
import { ACTION_FIELDS, backdatedAt, DANGER_ACTIONS, isKnownAction, type ActionValues } from './actionSpec';

interface Props {
  ticket: Ticket;
  action: string | null;
  onClose: () => void;
}

/**
 * One dialog per action, in two steps: the inputs the action needs, then a second confirmation
 * (二次确认) that repeats what will be sent. Actions without inputs go straight to the confirmation.
 */
export function ActionModal({ ticket, action, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ActionValues>();
  const fields = action && isKnownAction(action) ? ACTION_FIELDS[action] : [];
  const [step, setStep] = useState<'form' | 'confirm'>('form');
  const [values, setValues] = useState<ActionValues>({});
  const needsPeople = fields.includes('assignee');
  const { data: assignees = [], isPending: assigneesLoading } = useAssignees(needsPeople ? ticket.projectId : null);
  const run = useTicketAction(ticket.id);
  /** When the dialog opened: "happened at" starts there and is only sent when the user moved it. */
  const opened = useRef(0);

  useEffect(() => {
    if (!action) return;
    form.resetFields();
    if (action === 'change_level') form.setFieldsValue({ level: ticket.level });
    opened.current = Date.now();
    if (fields.includes('occurredAt')) form.setFieldsValue({ occurredAt: dayjs(opened.current) });
    setValues({});
    setStep(fields.length ? 'form' : 'confirm');
    // Reset only when a different action is opened, not on every ticket refetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [action]);

  if (!action) return null;
  const label = t(`action.${action}`, { defaultValue: action });

  const next = async () => {
    try {
      setValues(await form.validateFields());
      // Close any open dropdown of the form before it is hidden behind the confirmation.
      (document.activeElement as HTMLElement | null)?.blur();
      setStep('confirm');
    } catch {
      /* invalid: antd shows the messages under the fields */
    }
  };

  const backdated = backdatedAt(values.occurredAt, opened.current) !== undefined;
  const submit = () => {
    const { occurredAt, occurredAtReason, ...rest } = values;
    const body = {
      action,
      ...rest,
      ...(backdated ? { occurredAt: occurredAt!.valueOf(), occurredAtReason } : {}),
    } as TicketActionRequest;
    for (const k of ['reason', 'solution', 'note', 'occurredAtReason'] as const)
      if (typeof body[k] === 'string') body[k] = body[k].trim() || undefined;
    run.mutate(body, {
      onSuccess: () => {
        void message.success(t('action.done', { action: label }));
        onClose();
      },
      onError: (e) => {
        // A field-level problem goes back to the form and sits under the field it concerns.
        if (fields.length && applyFormError(form, e)) setStep('form');
      },
    });
  };

  const summary = Object.entries(values)
    .filter(([k, v]) => v !== undefined && v !== '' && (backdated || !k.startsWith('occurredAt')))
    .map(([k, v]) => {
      let text = String(v);
      if (k === 'assigneeId') text = assignees.find((u) => u.id === v)?.displayName ?? text;
      if (k === 'suspendReason') text = t(`suspendReason.${text}`);
      if (k === 'faultCause') text = t(`faultCause.${text}`);
      if (k === 'level') text = FAULT_LEVEL_TEXT[currentLang()][v as 1 | 2 | 3 | 4] ?? text;
      if (k === 'rating') text = t('action.ratingN', { n: v });
      if (k === 'occurredAt') text = formatDateTime((v as dayjs.Dayjs).valueOf());
      return {
        key: k,
        label: t(`action.field.${k === 'assigneeId' ? 'assignee' : k}`),
        children: <span className="pre-wrap">{text}</span>,
      };
    });

  const footer =
    step === 'form'
      ? [
          <Button key="cancel" onClick={onClose}>
            {t('common.cancel')}
          </Button>,
          <Button key="next" type="primary" onClick={() => void next()} data-testid="action-modal-ok">
            {t('common.next')}
          </Button>,
        ]
      : [
          fields.length ? (
            <Button key="back" onClick={() => setStep('form')} disabled={run.isPending}>
              {t('common.back')}
            </Button>
          ) : (
            <Button key="cancel" onClick={onClose}>
              {t('common.cancel')}
            </Button>
          ),
          <Button
            key="ok"
            type="primary"
            danger={DANGER_ACTIONS.has(action)}
            loading={run.isPending}
            onClick={submit}
            data-testid="action-confirm-ok"
          >
            {action === 'confirm' ? t('action.confirmButtonSelf') : t('action.confirmButton', { action: label })}
          </Button>,
        ];

  return (
    <Modal
      open
      title={`${label} · ${ticket.number}`}
      onCancel={onClose}
      footer={footer}
      destroyOnHidden
      maskClosable={false}
    >
      <div data-testid="action-modal" data-action={action}>
        {/* Keep the form mounted during the confirm step so its values and errors survive "back". */}
        <div style={{ display: step === 'form' ? 'block' : 'none' }}>
          <Form form={form} layout="vertical" name={`action-${action}`} preserve>
            <ActionFields
              fields={fields}
              action={action}
              ticket={ticket}
              assignees={assignees}
              assigneesLoading={assigneesLoading}
            />
          </Form>
        </div>
        {step === 'confirm' ? (
          <div data-testid="action-confirm">
            <Typography.Paragraph strong>
              {t('action.confirmText', { action: label, number: ticket.number })}
            </Typography.Paragraph>
            {summary.length ? <Descriptions column={1} size="small" bordered items={summary} /> : null}
          </div>
        ) : null}
      </div>
    </Modal>
  );
}
