import { Button, Form, Input, List, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useCategories, useCreateCategory } from './api';

/** 分类管理 (service manager): the categories in order, and a new one (a duplicate name is refused). */
export function CategoryDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const categories = useCategories();
  const create = useCreateCategory();
  const [form] = Form.useForm<{ name: string }>();
  const submit = ({ name }: { name: string }) =>
    create.mutate(name.trim(), {
      onSuccess: () => form.resetFields(),
      onError: (e) =>
        form.setFields([
          {
            name: 'name',
            errors: [e instanceof ApiError && e.status === 409 ? t('kb.category.duplicate') : (e as Error).message],
          },
        ]),
    });
  return (
    <Modal
      open
      title={t('kb.category.manage')}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('kb.close')}</Button>}
      destroyOnHidden
    >
      <div data-testid="kb-category-dialog">
        <List
          size="small"
          bordered
          loading={categories.isPending}
          dataSource={categories.data ?? []}
          locale={{ emptyText: <span className="muted">{t('kb.category.empty')}</span> }}
          renderItem={(c) => (
            <List.Item data-testid="kb-category-item" style={{ overflowWrap: 'anywhere' }}>
              {c.name}
            </List.Item>
          )}
          style={{ marginBottom: 16 }}
        />
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="name"
            label={t('kb.category.new')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input maxLength={60} data-testid="kb-category-name" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="kb-category-add">
            {t('kb.category.add')}
          </Button>
        </Form>
      </div>
    </Modal>
  );
}
