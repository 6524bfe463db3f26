import { useEffect } from 'react';
import { App, Form } from 'antd';
import { FormSelect } from '../../components/formControls';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, applyFormError } from '../../api/client';
import type { Role, User } from '../../api/types';
import { CUSTOMER_ROLES } from '../../app/roles';
import { roleOptions, soleTriadRole, triadRule } from './roleOptions';
import { FormModal } from '../../components/FormModal';

/** Role assignment (PUT /users/:id/roles): security_admin only, separate from user management. */
export function RolesModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ roles: Role[] }>();
  useEffect(() => {
    if (user) form.setFieldsValue({ roles: user.roles });
  }, [user, form]);

  const save = useMutation({
    mutationFn: (roles: Role[]) =>
      api<User>(`/users/${encodeURIComponent(user!.id)}/roles`, { method: 'PUT', body: { roles } }),
    onSuccess: (u) => {
      void message.success(t('admin.saved', { name: u.displayName }));
      void qc.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
    onError: (e) => applyFormError(form, e),
  });

  // Users carry orgName but not the org kind; their current roles tell which side they are on.
  const kind = user ? (user.roles.some((r) => CUSTOMER_ROLES.includes(r)) ? 'customer' : 'provider') : undefined;
  return (
    <FormModal
      open={!!user}
      form={form}
      title={user ? t('user.rolesFor', { name: user.displayName }) : ''}
      onClose={onClose}
      onFinish={(v) => save.mutate(v.roles)}
      saving={save.isPending}
      okTestId="roles-modal-ok"
      formName="roles"
      keepMounted
    >
      <Form.Item
        name="roles"
        label={t('user.roles')}
        extra={kind === 'customer' ? undefined : t('user.triadHint')}
        normalize={soleTriadRole}
        rules={[{ required: true, type: 'array', min: 1, message: t('common.required') }, triadRule(t)]}
      >
        <FormSelect mode="multiple" options={roleOptions(t, kind)} data-testid="roles-select" />
      </Form.Item>
    </FormModal>
  );
}
