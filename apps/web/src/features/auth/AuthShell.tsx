import type { ReactNode } from 'react';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch';

/** Centered single-card layout for the sign-in and forced password-change screens. */
export function AuthShell({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="auth-shell">
      <header className="auth-top">
        <LanguageSwitch />
      </header>
      <main className="auth-card">
        <Card>
          <p className="app-brand" style={{ margin: '0 0 4px' }}>{t('app.name')}</p>
          <h1 style={{ fontSize: 22, margin: '0 0 20px' }}>{title}</h1>
          {children}
        </Card>
      </main>
    </div>
  );
}
