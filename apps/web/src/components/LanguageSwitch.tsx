import { useTranslation } from 'react-i18next';
import { currentLang, isLang, setLanguage } from '../i18n';

/**
 * A native select (it is on the sign-in page, which loads no antd). Options are written in their own
 * language so a user who can't read the current one finds theirs.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  return (
    <select
      className="lang-switch"
      value={currentLang()}
      onChange={(e) => isLang(e.target.value) && setLanguage(e.target.value)}
      aria-label={t('header.language')}
      data-testid="lang-switch"
    >
      <option value="zh-CN" lang="zh-CN">
        {t('lang.zhCN')}
      </option>
      <option value="en" lang="en">
        {t('lang.en')}
      </option>
    </select>
  );
}
