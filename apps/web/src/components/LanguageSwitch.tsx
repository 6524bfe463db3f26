import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLang, setLanguage, type Lang } from '../i18n';

/** Options are written in their own language so a user who can't read the current one finds theirs. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Select<Lang>
      size="middle"
      value={currentLang()}
      key={i18n.language}
      onChange={(v) => setLanguage(v)}
      aria-label={t('header.language')}
      data-testid="lang-switch"
      style={{ width: 96 }}
      options={[
        { value: 'zh-CN', label: <span lang="zh-CN">{t('lang.zhCN')}</span> },
        { value: 'en', label: <span lang="en">{t('lang.en')}</span> },
      ]}
    />
  );
}
