import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import type { Me } from '../../api/types';
import { usePageTitle } from '../../components/usePageTitle';
import { homePath } from '../../app/roles';
import { FullPageSpin } from '../../app/guards';
import { AuthShell } from './AuthShell';
import { adoptMe, meKey, useMe } from './useMe';

interface LoginValues {
  username: string;
  password: string;
}

/** Only same-site paths are accepted as ?next= so the login page can't be used as an open redirect. */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

export default function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.loginTitle'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { data: me, isPending } = useMe();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (isPending) return <FullPageSpin asMain />;
  if (me) return <Navigate to={safeNext(params.get('next')) ?? homePath(me)} replace />;

  const onFinish = async (values: LoginValues) => {
    setBusy(true);
    setError(null);
    try {
      // silent: the reason (bad password, locked account…) is shown in the form, not as a toast
      const signedIn = adoptMe(await api<Me>('/auth/login', { body: values, silent: true }));
      qc.removeQueries(); // nothing cached from a previous user may leak into this session
      qc.setQueryData(meKey, signedIn);
      navigate(signedIn.mustChangePassword ? '/change-password' : (safeNext(params.get('next')) ?? homePath(signedIn)), { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.detail : t('error.unknown'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthShell title={t('auth.loginTitle')}>
      <Form<LoginValues> layout="vertical" name="login" onFinish={onFinish} requiredMark={false}>
        {error ? <Alert type="error" showIcon message={error} role="alert" data-testid="login-error" style={{ marginBottom: 16 }} /> : null}
        <Form.Item label={t('auth.username')} name="username" rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}>
          <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus data-testid="login-username" />
        </Form.Item>
        <Form.Item label={t('auth.password')} name="password" rules={[{ required: true, message: t('auth.passwordRequired') }]}>
          <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
          {t('auth.login')}
        </Button>
      </Form>
    </AuthShell>
  );
}
