import { useEffect } from 'react';
import { App, Form, Input, InputNumber, Switch } from 'antd';
import { FormSelect } from '../../components/formControls';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, applyFormError } from '../../api/client';
import { useOrgs } from '../../api/queries';
import type { Role, User, UserCreate, UserUpdate } from '../../api/types';
import { roleOptions, triadRule } from './roleOptions';
import { SearchSelect } from '../../components/SearchSelect';
import { FormModal } from '../../components/FormModal';

interface Values {
  username: string;
  displayName: string;
  orgId: string;
  roles: Role[];
  level: number;
  email?: string;
  phone?: string;
  password: string;
  disabled?: boolean;
}

/** sys_admin creates users (with initial roles) and edits their profile; roles later change via security_admin. */
export function UserFormModal({ user, open, onClose }: { user: User | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const { data: orgs = [] } = useOrgs(open);
  const orgId = Form.useWatch('orgId', form);
  const orgKind = orgs.find((o) => o.id === orgId)?.kind;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (user) form.setFieldsValue({ ...user, email: user.email ?? undefined, phone: user.phone ?? undefined });
  }, [open, user, form]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const profile = {
        displayName: v.displayName.trim(),
        level: v.level,
        email: v.email?.trim() || null,
        phone: v.phone?.trim() || null,
      };
      if (user) {
        const body: UserUpdate = { ...profile, disabled: !!v.disabled };
        return api<User>(`/users/${encodeURIComponent(user.id)}`, { method: 'PATCH', body });
      }
      const body: UserCreate = {
        ...profile,
        username: v.username.trim(),
        orgId: v.orgId,
        roles: v.roles,
        password: v.password,
      };
      return api<User>('/users', { body });
    },
    onSuccess: (u) => {
      void message.success(t(user ? 'admin.saved' : 'admin.created', { name: u.displayName }));
      void qc.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
    onError: (e) => applyFormError(form, e),
  });

  const required = { required: true, message: t('common.required') };
  return (
    <FormModal
      open={open}
      form={form}
      title={user ? t('user.edit', { name: user.displayName }) : t('user.new')}
      onClose={onClose}
      onFinish={(v) => save.mutate(v)}
      saving={save.isPending}
      initialValues={{ level: 1, roles: [] }}
      okTestId="user-modal-ok"
      formName="user"
      keepMounted
    >
      {!user ? (
        <>
          <Form.Item
            name="username"
            label={t('user.username')}
            extra={t('user.usernameHelp')}
            rules={[required, { pattern: /^[A-Za-z0-9_.-]{3,64}$/, message: t('user.usernameHelp') }]}
          >
            <Input autoComplete="off" data-testid="user-username" />
          </Form.Item>
          <Form.Item name="orgId" label={t('user.org')} rules={[required]}>
            <SearchSelect
              options={orgs.map((o) => ({ value: o.id, label: `${o.name} (${t(`orgKind.${o.kind}`)})` }))}
              onChange={() => form.setFieldValue('roles', [])}
              data-testid="user-org"
            />
          </Form.Item>
          <Form.Item
            name="roles"
            label={t('user.roles')}
            rules={[{ ...required, type: 'array', min: 1 }, triadRule(t)]}
          >
            <FormSelect
              mode="multiple"
              options={roleOptions(t, orgKind, false)}
              disabled={!orgId}
              data-testid="user-roles"
            />
          </Form.Item>
        </>
      ) : null}
      <Form.Item name="displayName" label={t('user.displayName')} rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={80} data-testid="user-display-name" />
      </Form.Item>
      <Form.Item name="level" label={t('user.level')} extra={t('user.levelHelp')} rules={[required]}>
        <InputNumber min={1} max={9} precision={0} data-testid="user-level" />
      </Form.Item>
      <Form.Item name="email" label={t('user.email')} rules={[{ type: 'email', message: t('user.emailInvalid') }]}>
        <Input type="email" maxLength={200} autoComplete="off" data-testid="user-email" />
      </Form.Item>
      <Form.Item name="phone" label={t('user.phone')}>
        <Input type="tel" maxLength={32} autoComplete="off" data-testid="user-phone" />
      </Form.Item>
      {!user ? (
        <Form.Item
          name="password"
          label={t('user.initialPassword')}
          extra={t('user.initialPasswordHelp')}
          rules={[required]}
        >
          <Input.Password autoComplete="new-password" data-testid="user-password" />
        </Form.Item>
      ) : (
        <Form.Item name="disabled" label={t('user.disabled')} valuePropName="checked">
          <Switch data-testid="user-disabled" />
        </Form.Item>
      )}
    </FormModal>
  );
}
