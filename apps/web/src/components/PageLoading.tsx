import { useTranslation } from 'react-i18next';

/**
 * The loading state before antd has loaded (the sign-in page, and while the app's main part arrives):
 * a CSS spinner, so the first paint needs no component library.
 */
export function PageLoading({ asMain = true }: { asMain?: boolean }) {
  const { t } = useTranslation();
  const Tag = asMain ? 'main' : 'div';
  return (
    <Tag className="page-loading" aria-busy="true">
      <span className="page-loading-dot" aria-hidden />
      <span className="muted">{t('common.loading')}</span>
    </Tag>
  );
}
