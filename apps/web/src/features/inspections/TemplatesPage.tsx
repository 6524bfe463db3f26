import { useState } from 'react';
import { Button, Card, Empty, Form, Input, InputNumber, List, Select, Space, Spin, Switch, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../components/format';
import { useCurrentUser } from '../auth/useMe';
import type { ChecklistTemplate, ChecklistTemplateInput } from './setupApi';
import { useSaveTemplate, useTemplates } from './setupApi';
import { FormModal } from '../../components/FormModal';

/** 巡检模板 (R16): checklists; revising one makes a new version, tasks keep the version they started with. */
export default function TemplatesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const manager = me.roles.includes('service_manager');
  const { data = [], isPending } = useTemplates();
  const [editing, setEditing] = useState<ChecklistTemplate | 'new' | null>(null);
  return (
    <div>
      <PageHeader
        title={t('insp.templatesTitle')}
        extra={
          manager ? (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setEditing('new')}
              data-testid="tpl-new"
            >
              {t('insp.tpl.new')}
            </Button>
          ) : null
        }
      />
      {isPending ? (
        <Spin />
      ) : data.length === 0 ? (
        <Empty description={t('insp.tpl.empty')} />
      ) : (
        <List
          bordered
          dataSource={data}
          renderItem={(tpl) => (
            <List.Item
              data-testid="tpl-row"
              actions={
                manager
                  ? [
                      <Button key="e" onClick={() => setEditing(tpl)} data-testid="tpl-edit">
                        {t('insp.tpl.revise')}
                      </Button>,
                    ]
                  : []
              }
            >
              <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                <Typography.Text strong>{tpl.name}</Typography.Text>{' '}
                <Typography.Text type="secondary">v{tpl.version}</Typography.Text>
                <div>
                  <Typography.Text type="secondary">
                    {[
                      t(`insp.scope.${tpl.scope}`),
                      tpl.assetType,
                      t('insp.tpl.items', { n: tpl.items.length }),
                      `${tpl.createdByName} ${formatDateTime(tpl.createdAt)}`,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                </div>
              </div>
            </List.Item>
          )}
        />
      )}
      {editing ? (
        <TemplateModal template={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </div>
  );
}

const EMPTY_ITEM = {
  key: '',
  title: '',
  method: '',
  expected: '',
  min: null,
  max: null,
  unit: '',
  photoRequired: false,
};

function TemplateModal({ template, onClose }: { template: ChecklistTemplate | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveTemplate();
  const [form] = Form.useForm<ChecklistTemplateInput>();
  const scope = Form.useWatch('scope', form);
  const initial: ChecklistTemplateInput = template
    ? { name: template.name, scope: template.scope, assetType: template.assetType, items: template.items }
    : { name: '', scope: 'system', assetType: null, items: [{ ...EMPTY_ITEM }] };
  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  const submit = (v: ChecklistTemplateInput) => {
    const body = { ...v, assetType: v.scope === 'asset_type' ? (v.assetType ?? null) : null };
    save.mutate({ id: template?.id, body }, { onSuccess: onClose });
  };
  return (
    <FormModal
      form={form}
      title={template ? t('insp.tpl.reviseTitle', { name: template.name }) : t('insp.tpl.new')}
      onClose={onClose}
      onFinish={submit}
      saving={save.isPending}
      initialValues={initial}
      okTestId="tpl-save"
      formTestId="tpl-form"
      width={720}
    >
      <Form.Item name="name" label={t('insp.tpl.name')} rules={required}>
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="scope" label={t('insp.tpl.scope')}>
        <Select options={(['system', 'asset_type'] as const).map((s) => ({ value: s, label: t(`insp.scope.${s}`) }))} />
      </Form.Item>
      {scope === 'asset_type' ? (
        <Form.Item name="assetType" label={t('insp.tpl.assetType')} rules={required}>
          <Input maxLength={60} />
        </Form.Item>
      ) : null}
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Card
                key={f.key}
                size="small"
                style={{ marginBottom: 8 }}
                data-testid="tpl-item"
                title={t('insp.tpl.itemN', { n: i + 1 })}
                extra={
                  fields.length > 1 ? (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined aria-hidden />}
                      aria-label={t('insp.tpl.removeItem', { n: i + 1 })}
                      onClick={() => remove(f.name)}
                    />
                  ) : null
                }
              >
                <Form.Item
                  name={[f.name, 'key']}
                  label={t('insp.tpl.key')}
                  rules={[...required, { pattern: /^[A-Za-z0-9_.-]{1,40}$/, message: t('insp.tpl.keyRule') }]}
                >
                  <Input maxLength={40} />
                </Form.Item>
                <Form.Item name={[f.name, 'title']} label={t('insp.tpl.title')} rules={required}>
                  <Input maxLength={120} />
                </Form.Item>
                <Form.Item name={[f.name, 'method']} label={t('insp.method')}>
                  <Input maxLength={500} />
                </Form.Item>
                <Form.Item name={[f.name, 'expected']} label={t('insp.expected')}>
                  <Input maxLength={200} />
                </Form.Item>
                <Space wrap>
                  <Form.Item name={[f.name, 'min']} label={t('insp.tpl.min')}>
                    <InputNumber style={{ width: 110 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'max']} label={t('insp.tpl.max')}>
                    <InputNumber style={{ width: 110 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'unit']} label={t('insp.tpl.unit')}>
                    <Input maxLength={20} style={{ width: 90 }} />
                  </Form.Item>
                </Space>
                <Form.Item name={[f.name, 'photoRequired']} label={t('insp.photoRequired')} valuePropName="checked">
                  <Switch />
                </Form.Item>
              </Card>
            ))}
            <Button
              icon={<PlusOutlined aria-hidden />}
              onClick={() => add({ ...EMPTY_ITEM })}
              data-testid="tpl-add-item"
            >
              {t('insp.tpl.addItem')}
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
