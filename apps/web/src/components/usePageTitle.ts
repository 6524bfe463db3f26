import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Every page sets a descriptive <title> (WCAG 2.4.2), suffixed with the product name. */
export function usePageTitle(title: string | undefined): void {
  const { t } = useTranslation();
  const app = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} - ${app}` : app;
  }, [title, app]);
}
