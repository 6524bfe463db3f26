import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TicketBulkRequest, TicketBulkResult, TicketSummary } from '../../api/types';
import { applyFormError } from '../../api/client';
import { useAssigneesOf, useBulkAction } from './queueApi';
import { BULK_ACTIONS } from '@weibao/schema/enum-values';

type BulkAction = TicketBulkRequest['action'];
const ACTIONS = BULK_ACTIONS;
const NEEDS_ASSIGNEE = new Set<BulkAction>(['dispatch', 'transfer']);
const NEEDS_REASON = new Set<BulkAction>(['transfer', 'cancel']);

interface Props {
  selected: TicketSummary[];
  onDone: () => void;
}

/** Bulk dispatch / transfer / urge / cancel of the selected rows, with a per-ticket summary of the outcome. */
export function BulkActions({ selected, onDone }: Props) {
  const { t } = useTranslation();
  const [action, setAction] = useState<BulkAction | null>(null);
  const [result, setResult] = useState<{ action: BulkAction; body: TicketBulkResult } | null>(null);
  const [form] = Form.useForm<{ assigneeId?: string; reason?: string }>();
  const bulk = useBulkAction();
  const assignees = useAssigneesOf(action && NEEDS_ASSIGNEE.has(action) ? selected.map((r) => r.projectId) : []);
  const name = (a: BulkAction) => t(`queue.bulk.${a}`);

  const run = async () => {
    if (!action) return;
    let values: { assigneeId?: string; reason?: string };
    try {
      values = await form.validateFields();
    } catch {
      return; // antd shows the messages under the fields
    }
    const reason = values.reason?.trim() || undefined;
    let body: TicketBulkResult;
    try {
      body = await bulk.mutateAsync({ action, ids: selected.map((r) => r.id), assigneeId: values.assigneeId, reason });
    } catch (e) {
      applyFormError(form, e); // the toast from api() names the problem too
      return;
    }
    setResult({ action, body });
    setAction(null);
    form.resetFields();
    onDone();
  };

  return (
    <>
      {selected.length > 0 ? (
        <Space wrap style={{ marginBottom: 8 }} data-testid="bulk-bar">
          <Typography.Text strong>{t('queue.selected', { count: selected.length })}</Typography.Text>
          {ACTIONS.map((a) => (
            <Button key={a} danger={a === 'cancel'} onClick={() => setAction(a)} data-testid={`bulk-${a}`}>
              {name(a)}
            </Button>
          ))}
          <Button type="link" onClick={onDone} data-testid="bulk-clear">
            {t('queue.clearSelection')}
          </Button>
        </Space>
      ) : null}
      {result ? (
        <Alert
          style={{ marginBottom: 8 }}
          type={result.body.refusedCount ? 'warning' : 'success'}
          closable
          onClose={() => setResult(null)}
          data-testid="bulk-summary"
          message={t('queue.bulk.summary', {
            action: name(result.action),
            ok: result.body.okCount,
            refused: result.body.refusedCount,
          })}
          description={
            result.body.refusedCount ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {result.body.results
                  .filter((r) => !r.ok)
                  .map((r) => (
                    <li key={r.id}>
                      {t('queue.bulk.refusedItem', {
                        number: r.number ?? t('queue.bulk.unknownTicket'),
                        message: r.message ?? r.code,
                      })}
                    </li>
                  ))}
              </ul>
            ) : undefined
          }
        />
      ) : null}
      <Modal
        open={action !== null}
        title={action ? t('queue.bulk.title', { action: name(action), count: selected.length }) : ''}
        okText={t('queue.bulk.run')}
        cancelText={t('common.cancel')}
        onOk={() => void run()}
        confirmLoading={bulk.isPending}
        onCancel={() => {
          setAction(null);
          form.resetFields();
        }}
        destroyOnHidden
        okButtonProps={{ danger: action === 'cancel', 'data-testid': 'bulk-run' } as never}
      >
        <Form form={form} layout="vertical">
          {action && NEEDS_ASSIGNEE.has(action) ? (
            <Form.Item
              name="assigneeId"
              label={t('queue.bulk.assignee')}
              rules={[{ required: true, message: t('queue.bulk.assigneeRequired') }]}
            >
              <Select
                showSearch
                optionFilterProp="label"
                loading={assignees.isPending}
                options={(assignees.data ?? []).map((u) => ({
                  value: u.id,
                  label: `${u.displayName} (${u.username})`,
                }))}
                data-testid="bulk-assignee"
              />
            </Form.Item>
          ) : null}
          {action ? (
            <Form.Item
              name="reason"
              label={t('queue.bulk.reason')}
              rules={
                NEEDS_REASON.has(action)
                  ? [{ required: true, whitespace: true, message: t('queue.bulk.reasonRequired') }]
                  : []
              }
            >
              <Input.TextArea rows={3} maxLength={2000} data-testid="bulk-reason" />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </>
  );
}
