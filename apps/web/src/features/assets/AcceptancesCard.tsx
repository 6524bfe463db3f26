import { useRef, useState } from 'react';
import { App, Button, Card, Form, Input, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PaperClipOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { applyFormError } from '../../api/client';
import type { Acceptance } from '../../api/types';
import { formatBytes, formatDateTime } from '../../components/format';
import { ResponsiveList } from '../../components/ResponsiveList';
import { beijingDay } from '../fieldwork/api';
import { acceptanceDocumentUrl, useAcceptances, useCreateAcceptance, useUploadAcceptanceDocument } from './api';
import { DateField } from '../../components/DateField';
import { FormModal } from '../../components/FormModal';

interface Values {
  batch: string;
  acceptedOn: string;
  note?: string;
}

/** 新建验收: a batch accepted on a day; its items' warranty starts then (R1). */
function AcceptanceModal({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateAcceptance(projectId);
  const required = { required: true, whitespace: true, message: t('common.required') };
  return (
    <FormModal
      form={form}
      title={t('acceptance.new')}
      onClose={onClose}
      onFinish={(v) =>
        create.mutate(
          { batch: v.batch.trim(), acceptedOn: v.acceptedOn, note: v.note?.trim() || undefined },
          {
            onSuccess: (a) => {
              void message.success(t('acceptance.created', { batch: a.batch }));
              onClose();
            },
            onError: (e) => applyFormError(form, e),
          },
        )
      }
      saving={create.isPending}
      initialValues={{ acceptedOn: beijingDay() }}
      okTestId="acceptance-save"
      formTestId="acceptance-form"
      formName="acceptance"
    >
      <Form.Item name="batch" label={t('acceptance.batch')} rules={[required]}>
        <Input maxLength={80} data-testid="acceptance-batch" />
      </Form.Item>
      <Form.Item
        name="acceptedOn"
        label={t('acceptance.acceptedOn')}
        rules={[required]}
        extra={t('acceptance.acceptedOnHelp')}
      >
        <DateField data-testid="acceptance-date" />
      </Form.Item>
      <Form.Item name="note" label={t('acceptance.note')}>
        <Input.TextArea rows={3} maxLength={1000} data-testid="acceptance-note" />
      </Form.Item>
    </FormModal>
  );
}

/** 验收记录 of a project: batches with their date, item count and the signed acceptance document. */
export function AcceptancesCard({ projectId, editable }: { projectId: string; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data = [], isPending } = useAcceptances(projectId);
  const upload = useUploadAcceptanceDocument();
  const [creating, setCreating] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const [target, setTarget] = useState<Acceptance | null>(null);

  const choose = (a: Acceptance) => {
    setTarget(a);
    input.current?.click();
  };
  const onFile = (file: File | undefined) => {
    if (!file || !target) return;
    upload.mutate(
      { id: target.id, file },
      { onSuccess: () => void message.success(t('acceptance.uploaded', { name: file.name })) },
    );
  };

  const doc = (a: Acceptance) =>
    a.documentName ? (
      <a
        href={acceptanceDocumentUrl(a.id)}
        download={a.documentName}
        data-testid="acceptance-document"
        style={{ overflowWrap: 'anywhere' }}
      >
        <PaperClipOutlined aria-hidden /> {a.documentName}
        {a.documentSize !== null ? ` (${formatBytes(a.documentSize)})` : ''}
      </a>
    ) : (
      <span className="muted">{t('acceptance.noDocument')}</span>
    );
  const uploadBtn = (a: Acceptance) =>
    editable ? (
      <Button
        size="small"
        icon={<UploadOutlined aria-hidden />}
        loading={upload.isPending && target?.id === a.id}
        onClick={() => choose(a)}
        aria-label={t('acceptance.uploadFor', { batch: a.batch })}
        data-testid="acceptance-upload"
      >
        {t('acceptance.upload')}
      </Button>
    ) : null;

  const columns: ColumnsType<Acceptance> = [
    {
      title: t('acceptance.batch'),
      key: 'batch',
      render: (_, a) => <strong data-testid="acceptance-batch-name">{a.batch}</strong>,
    },
    { title: t('acceptance.acceptedOn'), key: 'on', dataIndex: 'acceptedOn', width: 120 },
    { title: t('acceptance.assetCount'), key: 'count', dataIndex: 'assetCount', width: 90 },
    { title: t('acceptance.document'), key: 'doc', render: (_, a) => doc(a) },
    {
      title: t('acceptance.createdBy'),
      key: 'by',
      render: (_, a) => `${a.createdByName} · ${formatDateTime(a.createdAt)}`,
      width: 200,
    },
    ...(editable
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, a: Acceptance) => uploadBtn(a),
            width: 130,
          },
        ]
      : []),
  ];

  return (
    <Card
      size="small"
      title={<h2 className="card-h2">{t('acceptance.title')}</h2>}
      extra={
        editable ? (
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setCreating(true)}
            data-testid="acceptance-new"
          >
            {t('acceptance.new')}
          </Button>
        ) : null
      }
    >
      <ResponsiveList<Acceptance>
        items={data}
        columns={columns}
        rowKey={(a) => a.id}
        loading={isPending}
        rowTestId="acceptance-row"
        label={t('acceptance.title')}
        emptyText={t('acceptance.empty')}
        renderCard={(a) => (
          <Card size="small" className="ticket-card full-width">
            <Space wrap size={6}>
              <strong data-testid="acceptance-batch-name">{a.batch}</strong>
              <span>{a.acceptedOn}</span>
              <span className="muted">{t('acceptance.assetN', { n: a.assetCount })}</span>
            </Space>
            {a.note ? <div className="pre-wrap muted">{a.note}</div> : null}
            <div>{doc(a)}</div>
            <div style={{ marginTop: 6 }}>{uploadBtn(a)}</div>
          </Card>
        )}
      />
      <input
        ref={input}
        type="file"
        hidden
        aria-label={t('acceptance.upload')}
        data-testid="acceptance-input"
        onChange={(e) => {
          onFile(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      {creating ? <AcceptanceModal projectId={projectId} onClose={() => setCreating(false)} /> : null}
    </Card>
  );
}
