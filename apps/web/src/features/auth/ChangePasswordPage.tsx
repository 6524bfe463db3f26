import { Alert, App, Button, Form, Input, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, applyFormError } from '../../api/client';
import { usePageTitle } from '../../components/usePageTitle';
import { homePath } from '../../app/roles';
import { AuthShell } from './AuthShell';
import { meKey, useCurrentUser } from './useMe';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.changePassword'));
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();

  const change = useMutation({
    mutationFn: (v: Values) =>
      api<void>('/auth/password', { body: { currentPassword: v.currentPassword, newPassword: v.newPassword } }),
    onSuccess: async () => {
      void message.success(t('auth.passwordChanged'));
      // The server may rotate the session on a password change: reload Me (and the CSRF token).
      await qc.invalidateQueries({ queryKey: meKey });
      navigate(homePath(me), { replace: true });
    },
    onError: (e) => applyFormError(form, e),
  });

  return (
    <AuthShell title={t('auth.changePassword')}>
      {me.mustChangePassword ? (
        <Alert
          type="warning"
          showIcon
          message={t('auth.mustChangePassword')}
          style={{ marginBottom: 16 }}
          data-testid="pwd-forced"
        />
      ) : null}
      <Form<Values> form={form} layout="vertical" name="change-password" onFinish={(v) => change.mutate(v)}>
        <Form.Item
          label={t('auth.currentPassword')}
          name="currentPassword"
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input.Password autoComplete="current-password" data-testid="pwd-current" />
        </Form.Item>
        <Form.Item
          label={t('auth.newPassword')}
          name="newPassword"
          extra={t('auth.passwordRule')}
          rules={[
            { required: true, message: t('common.required') },
            { min: 8, message: t('auth.passwordTooShort') },
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="pwd-new" />
        </Form.Item>
        <Form.Item
          label={t('auth.confirmPassword')}
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('common.required') },
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                v === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('auth.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="pwd-confirm" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="pwd-submit">
            {t('common.save')}
          </Button>
          {!me.mustChangePassword ? <Button onClick={() => navigate(-1)}>{t('common.back')}</Button> : null}
        </Space>
      </Form>
    </AuthShell>
  );
}
