import { type FormEvent, type ReactElement, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import type { Me } from '../../api/types';
import { usePageTitle } from '../../components/usePageTitle';
import { homePath } from '../../app/roles';
import { AuthShell } from './AuthShell';
import { adoptMe, meKey, useMe } from './useMe';

/** Only same-site paths are accepted as ?next= so the login page can't be used as an open redirect. */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

type Field = 'username' | 'password';

/**
 * The sign-in page is every visitor's first paint, so it is plain React and CSS (app.css, .auth-*):
 * no antd, which loads only once signed in. It looks and behaves like the antd form it replaced:
 * labelled fields, messages under a field left empty, the server's reason above the fields.
 */
export default function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.loginTitle'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);
  const [showPassword, setShowPassword] = useState(false);
  const fields = { username: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };

  // The form shows at once; a visitor who turns out to be signed in is sent on when the probe answers.
  if (me) return <Navigate to={safeNext(params.get('next')) ?? homePath(me)} replace />;

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const username = fields.username.current?.value ?? '';
    const password = fields.password.current?.value ?? '';
    const empty: Partial<Record<Field, string>> = {};
    if (!username.trim()) empty.username = t('auth.usernameRequired');
    if (!password) empty.password = t('auth.passwordRequired');
    setMissing(empty);
    const first = (Object.keys(empty) as Field[])[0];
    if (first) return fields[first].current?.focus();
    setBusy(true);
    setError(null);
    try {
      // silent: the reason (bad password, locked account…) is shown in the form, not as a toast
      const signedIn = adoptMe(await api<Me>('/auth/login', { body: { username, password }, silent: true }));
      qc.removeQueries(); // nothing cached from a previous user may leak into this session
      qc.setQueryData(meKey, signedIn);
      navigate(
        signedIn.mustChangePassword ? '/change-password' : (safeNext(params.get('next')) ?? homePath(signedIn)),
        { replace: true },
      );
    } catch (err) {
      setError(err instanceof ApiError ? err.detail : t('error.unknown'));
      setBusy(false);
    }
  };

  const field = (name: Field, label: string, input: ReactElement) => (
    <div className={`auth-field${missing[name] ? ' has-error' : ''}`}>
      <label htmlFor={`login_${name}`}>{label}</label>
      {input}
      {missing[name] ? (
        <div id={`login_${name}_help`} className="auth-field-error" role="alert">
          {missing[name]}
        </div>
      ) : null}
    </div>
  );
  const inputProps = (name: Field) => ({
    id: `login_${name}`,
    name,
    ref: fields[name],
    'aria-invalid': missing[name] ? true : undefined,
    'aria-describedby': missing[name] ? `login_${name}_help` : undefined,
    'data-testid': `login-${name}`,
    onChange: () => missing[name] && setMissing((m) => ({ ...m, [name]: undefined })),
  });

  return (
    <AuthShell title={t('auth.loginTitle')}>
      <form name="login" noValidate onSubmit={(e) => void onSubmit(e)}>
        {error ? (
          <div className="auth-alert" role="alert" data-testid="login-error">
            {error}
          </div>
        ) : null}
        {field(
          'username',
          t('auth.username'),
          <input className="auth-input" type="text" autoComplete="username" autoFocus {...inputProps('username')} />,
        )}
        {field(
          'password',
          t('auth.password'),
          <span className="auth-password">
            <input
              className="auth-input"
              type={showPassword ? 'text' : 'password'}
              autoComplete="current-password"
              {...inputProps('password')}
            />
            <button
              type="button"
              className="auth-reveal"
              aria-pressed={showPassword}
              onClick={() => setShowPassword((v) => !v)}
            >
              {t('auth.showPassword')}
            </button>
          </span>,
        )}
        <button type="submit" className="auth-submit" disabled={busy} aria-busy={busy} data-testid="login-submit">
          {t('auth.login')}
        </button>
      </form>
    </AuthShell>
  );
}
