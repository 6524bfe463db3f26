import { useState } from 'react';
import { App, Button, Card, Form, Input, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, applyFormError } from '../../api/client';
import { useOrgs } from '../../api/queries';
import type { Org, OrgCreate } from '../../api/types';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { ResponsiveList } from '../../components/ResponsiveList';
import { FormModal } from '../../components/FormModal';

/** 客户单位: organisations served under contracts (the provider's own org is listed too, tagged). */
export default function CustomersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data = [], isPending } = useOrgs();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ name: string }>();

  const create = useMutation({
    mutationFn: (body: OrgCreate) => api<Org>('/orgs', { body }),
    onSuccess: (org) => {
      void message.success(t('admin.created', { name: org.name }));
      void qc.invalidateQueries({ queryKey: ['orgs'] });
      setOpen(false);
      form.resetFields();
    },
    onError: (e) => applyFormError(form, e),
  });

  const kind = (o: Org) => <Tag>{t(`orgKind.${o.kind}`)}</Tag>;
  const columns: ColumnsType<Org> = [
    { title: t('admin.orgName'), dataIndex: 'name', key: 'name' },
    { title: t('admin.orgKind'), key: 'kind', render: (_, o) => kind(o) },
    { title: t('admin.createdAt'), key: 'createdAt', render: (_, o) => formatDateTime(o.createdAt) },
  ];
  const sorted = [...data].sort((a, b) =>
    a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'provider' ? -1 : 1,
  );

  return (
    <>
      <PageHeader
        title={t('nav.customers')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setOpen(true)}
            data-testid="org-create"
          >
            {t('admin.newCustomer')}
          </Button>
        }
      />
      <ResponsiveList<Org>
        label={t('nav.customers')}
        items={sorted}
        loading={isPending}
        columns={columns}
        rowKey={(o) => o.id}
        rowTestId="org-row"
        renderCard={(o) => (
          <Card size="small" className="full-width">
            <strong>{o.name}</strong> {kind(o)}
            <div className="muted">{formatDateTime(o.createdAt)}</div>
          </Card>
        )}
      />
      <FormModal
        open={open}
        form={form}
        title={t('admin.newCustomer')}
        onClose={() => setOpen(false)}
        onFinish={(v) => create.mutate({ name: v.name.trim(), kind: 'customer' })}
        saving={create.isPending}
        okTestId="org-modal-ok"
        formName="org"
      >
        <Form.Item
          name="name"
          label={t('admin.orgName')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={120} data-testid="org-name" />
        </Form.Item>
      </FormModal>
    </>
  );
}
