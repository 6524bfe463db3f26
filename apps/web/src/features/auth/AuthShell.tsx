import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch';

/**
 * Centered single-card layout for the sign-in and forced password-change screens. Plain markup and CSS
 * (app.css, .auth-*): the sign-in page is the first paint and loads no component library.
 */
export function AuthShell({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="auth-shell">
      <header className="auth-top">
        <LanguageSwitch />
      </header>
      <main className="auth-card">
        <div className="auth-panel">
          <p className="app-brand auth-brand">{t('app.name')}</p>
          <h1 className="auth-title">{title}</h1>
          {children}
        </div>
      </main>
    </div>
  );
}
