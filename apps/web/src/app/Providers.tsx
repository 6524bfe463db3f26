import { useEffect, useMemo, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { App as AntApp, ConfigProvider, unstableSetRender } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { setErrorNotifier, setUnauthorizedHandler } from '../api/client';
import { meKey } from '../features/auth/useMe';
import { useMediaQuery } from '../components/useMediaQuery';
import { appTheme } from './theme';

// antd v5 renders a few things (wave effect, static holders) with ReactDOM.render, gone in React 19.
// This is antd's documented React 19 hook-up (what @ant-design/v5-patch-for-react-19 does).
unstableSetRender((node, container) => {
  const host = container as (Element | DocumentFragment) & { _wbRoot?: Root };
  host._wbRoot ??= createRoot(container);
  const root = host._wbRoot;
  root.render(node);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    root.unmount();
    delete host._wbRoot;
  };
});

/** Connects the API client to antd's message API and to the session cache. Lives inside <AntApp>. */
function ApiBridge({ client }: { client: QueryClient }) {
  const { message } = AntApp.useApp();
  const { t } = useTranslation();
  useEffect(() => {
    // Same text => same key, so a burst of identical failures shows one toast, not a pile.
    setErrorNotifier((text) => void message.open({ type: 'error', content: text, key: `err:${text}`, duration: 5 }));
    setUnauthorizedHandler(() => {
      if (client.getQueryData(meKey))
        void message.open({ type: 'warning', key: 'session', content: t('auth.sessionExpired') });
      client.setQueryData(meKey, null);
    });
  }, [client, message, t]);
  return null;
}

/**
 * antd's theme, locale and message API around a part of the signed-in app (loaded lazily through
 * AntScope; the query client and router are above, in Root). `bridge`: this part's message API shows
 * the API client's error toasts (one scope per page does).
 */
export default function AntProviders({ children, bridge = false }: { children: ReactNode; bridge?: boolean }) {
  const client = useQueryClient();
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? enUS : zhCN;
  // Honour the OS "reduce motion" setting (WCAG 2.3.3): antd then skips all its animations.
  const reduced = useMediaQuery('(prefers-reduced-motion: reduce)');
  const theme = useMemo(() => ({ ...appTheme, token: { ...appTheme.token, motion: !reduced } }), [reduced]);
  return (
    // autoInsertSpace off: antd would render two-character labels as "认 领", which breaks both
    // accessible-name matching (axe label-content-name-mismatch) and text lookups in tests.
    <ConfigProvider locale={locale} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp component={false}>
        {bridge ? <ApiBridge client={client} /> : null}
        {children}
      </AntApp>
    </ConfigProvider>
  );
}
