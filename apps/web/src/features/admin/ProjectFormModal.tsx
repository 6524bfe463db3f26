import { useEffect } from 'react';
import { App, Form, Input } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, applyFormError } from '../../api/client';
import { useOrgs, useUsers } from '../../api/queries';
import type { Project, ProjectCreate, ProjectUpdate } from '../../api/types';
import { SearchSelect } from '../../components/SearchSelect';
import { FormModal } from '../../components/FormModal';

interface Values {
  customerId: string;
  code: string;
  name: string;
  serviceManagerId?: string | null;
  teamIds?: string[];
}

/** Create or edit a project: customer (fixed after creation), service manager (R13) and team (R13/R28). */
export function ProjectFormModal({
  project,
  open,
  onClose,
}: {
  project: Project | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const { data: orgs = [] } = useOrgs(open);
  const { data: users = [] } = useUsers(undefined, open);
  const active = users.filter((u) => !u.disabled);
  const managers = active.filter((u) => u.roles.includes('service_manager'));
  const engineers = active.filter((u) => u.roles.includes('engineer'));

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (project) form.setFieldsValue({ ...project, serviceManagerId: project.serviceManagerId ?? undefined });
  }, [open, project, form]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const common = {
        code: v.code.trim(),
        name: v.name.trim(),
        serviceManagerId: v.serviceManagerId ?? null,
        teamIds: v.teamIds ?? [],
      };
      return project
        ? api<Project>(`/projects/${encodeURIComponent(project.id)}`, {
            method: 'PATCH',
            body: common satisfies ProjectUpdate,
          })
        : api<Project>('/projects', { body: { ...common, customerId: v.customerId } satisfies ProjectCreate });
    },
    onSuccess: (p) => {
      void message.success(t(project ? 'admin.saved' : 'admin.created', { name: p.name }));
      void qc.invalidateQueries({ queryKey: ['projects'] });
      onClose();
    },
    onError: (e) => applyFormError(form, e),
  });

  const required = { required: true, message: t('common.required') };
  return (
    <FormModal
      open={open}
      form={form}
      title={project ? t('admin.editProject') : t('admin.newProject')}
      onClose={onClose}
      onFinish={(v) => save.mutate(v)}
      saving={save.isPending}
      okTestId="project-modal-ok"
      formName="project"
      keepMounted
    >
      <Form.Item name="customerId" label={t('admin.customer')} rules={project ? [] : [required]}>
        <SearchSelect
          disabled={!!project}
          options={orgs.filter((o) => o.kind === 'customer').map((o) => ({ value: o.id, label: o.name }))}
          data-testid="project-customer"
        />
      </Form.Item>
      <Form.Item name="code" label={t('admin.projectCode')} rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={64} data-testid="project-code" />
      </Form.Item>
      <Form.Item name="name" label={t('admin.projectName')} rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={200} data-testid="project-name" />
      </Form.Item>
      <Form.Item name="serviceManagerId" label={t('admin.serviceManager')}>
        <SearchSelect
          allowClear
          options={managers.map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))}
          data-testid="project-manager"
        />
      </Form.Item>
      <Form.Item name="teamIds" label={t('admin.team')} extra={t('admin.teamHelp')}>
        <SearchSelect
          mode="multiple"
          allowClear
          options={engineers.map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))}
          data-testid="project-team"
        />
      </Form.Item>
    </FormModal>
  );
}
