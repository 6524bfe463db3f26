import { useState } from 'react';
import { App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { applyFormError, submitReportingFailures } from '../../api/client';
import type { OmRecord, OmRecordAction } from '../../api/types';
import { useRecordCommand, type RecordCommand } from './api';
import { recordPath } from './RecordList';
import { SignatureModal } from './SignatureModal';
import { OM_RECORD_ACTIONS } from '@weibao/schema/enum-values';

type ModalAction = 'submit' | 'review' | 'reject' | 'amend';
const ORDER = OM_RECORD_ACTIONS;
const PRIMARY = new Set<OmRecordAction>(['submit', 'sign', 'review']);

/** Buttons for exactly the actions the server lists in record.allowedActions. */
export function RecordActions({ record }: { record: OmRecord }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState<ModalAction | 'sign' | null>(null);
  const actions = ORDER.filter((a) => record.allowedActions.includes(a));
  if (!actions.length) return null;
  const click = (a: OmRecordAction) => (a === 'edit' ? navigate(`${recordPath(record.id)}/edit`) : setOpen(a));
  return (
    <div role="group" aria-label={t('action.barLabel')} style={{ marginBottom: 16 }}>
      <Space wrap>
        {actions.map((a) => (
          <Button
            key={a}
            type={PRIMARY.has(a) ? 'primary' : 'default'}
            danger={a === 'reject'}
            onClick={() => click(a)}
            data-testid={`record-action-${a}`}
          >
            {t(`record.action.${a}`)}
          </Button>
        ))}
      </Space>
      {open === 'sign' ? (
        <SignatureModal records={[{ id: record.id, number: record.number }]} onClose={() => setOpen(null)} />
      ) : null}
      {open && open !== 'sign' ? (
        <RecordActionModal record={record} action={open} onClose={() => setOpen(null)} />
      ) : null}
    </div>
  );
}

interface Values {
  text?: string;
}

/** The text each action asks for: reject and amend need a reason, a review takes an optional note. */
const FIELD: Record<ModalAction, { label: string; required: boolean } | null> = {
  submit: null,
  review: { label: 'record.reviewNote', required: false },
  reject: { label: 'record.rejectReason', required: true },
  amend: { label: 'record.amendReason', required: true },
};

function RecordActionModal({
  record,
  action,
  onClose,
}: {
  record: OmRecord;
  action: ModalAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const run = useRecordCommand(record.id);
  const field = FIELD[action];
  const label = t(`record.action.${action}`);

  const submit = async () => {
    const { text = '' }: Values = field ? await form.validateFields() : {};
    const v = text.trim();
    const body: RecordCommand =
      action === 'reject'
        ? { action, reason: v }
        : action === 'amend'
          ? { action, amendReason: v }
          : action === 'review'
            ? { action, note: v || undefined }
            : { action };
    run.mutate(body, {
      onSuccess: (r) => {
        void message.success(t('record.done', { action: label }));
        onClose();
        // An amendment is a new draft version: continue editing it.
        if (action === 'amend') navigate(`${recordPath(r.id)}/edit`);
      },
      onError: (e) => applyFormError(form, e, () => 'text'),
    });
  };

  return (
    <Modal
      open
      title={`${label} · ${record.number}`}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          danger={action === 'reject'}
          loading={run.isPending}
          onClick={() => submitReportingFailures(submit, () => void message.error(t('error.unknown')))}
          data-testid="record-action-ok"
        >
          {t('action.confirmButton', { action: label })}
        </Button>,
      ]}
    >
      <div data-testid="record-action-modal" data-action={action}>
        <Typography.Paragraph>{t(`record.confirm.${action}`, { number: record.number })}</Typography.Paragraph>
        {field ? (
          <Form<Values> form={form} layout="vertical" name={`record-${action}`}>
            <Form.Item
              name="text"
              label={t(field.label)}
              rules={field.required ? [{ required: true, whitespace: true, message: t('common.required') }] : []}
            >
              <Input.TextArea rows={3} maxLength={1000} data-testid="record-action-text" />
            </Form.Item>
          </Form>
        ) : null}
      </div>
    </Modal>
  );
}
