import { useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space } from 'antd';
import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { applyFormError } from '../../api/client';
import { useDeleteFilter, useSavedFilters, useSaveFilter } from './queueApi';

/** The page's URL query as a plain object (repeated keys become arrays): what a saved filter stores. */
function queryOf(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length > 1 || key === 'status' ? all : all[0]!;
  }
  return out;
}

/** 我的筛选: apply, save (named, per user) and delete the queue's filters. */
export function SavedFilters() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const saved = useSavedFilters();
  const save = useSaveFilter();
  const remove = useDeleteFilter();
  const [chosen, setChosen] = useState<string | undefined>();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ name: string }>();
  const current = saved.data?.find((f) => f.id === chosen);

  const apply = (id: string) => {
    setChosen(id);
    const f = saved.data?.find((x) => x.id === id);
    if (!f) return;
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(f.query)) (Array.isArray(v) ? v : [v]).forEach((x) => p.append(k, String(x)));
    setParams(p, { replace: true });
  };

  const submit = async () => {
    let name: string;
    try {
      ({ name } = await form.validateFields());
    } catch {
      return;
    }
    try {
      const f = await save.mutateAsync({ name: name.trim(), query: queryOf(params) });
      setChosen(f.id);
      void message.success(t('queue.saved.saved', { name: f.name }));
      setOpen(false);
      form.resetFields();
    } catch (e) {
      applyFormError(form, e);
    }
  };

  return (
    <Space wrap style={{ marginBottom: 8 }}>
      <Select
        aria-label={t('queue.saved.label')}
        placeholder={t('queue.saved.placeholder')}
        style={{ minWidth: 200 }}
        value={chosen}
        onChange={apply}
        loading={saved.isPending}
        options={(saved.data ?? []).map((f) => ({ value: f.id, label: f.name }))}
        data-testid="saved-filters"
      />
      {current ? (
        <Popconfirm
          title={t('queue.saved.deleteConfirm', { name: current.name })}
          onConfirm={() =>
            remove.mutate(current.id, {
              onSuccess: () => {
                setChosen(undefined);
                void message.success(t('queue.saved.deleted'));
              },
            })
          }
          okText={t('common.yes')}
          cancelText={t('common.no')}
        >
          <Button
            icon={<DeleteOutlined aria-hidden />}
            aria-label={t('queue.saved.delete')}
            data-testid="saved-filter-delete"
          />
        </Popconfirm>
      ) : null}
      <Button icon={<SaveOutlined aria-hidden />} onClick={() => setOpen(true)} data-testid="saved-filter-save">
        {t('queue.saved.save')}
      </Button>
      <Modal
        open={open}
        title={t('queue.saved.save')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onOk={() => void submit()}
        confirmLoading={save.isPending}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={() => void submit()}>
          <Form.Item
            name="name"
            label={t('queue.saved.name')}
            rules={[{ required: true, whitespace: true, message: t('queue.saved.nameRequired') }, { max: 60 }]}
          >
            <Input maxLength={60} data-testid="saved-filter-name" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
