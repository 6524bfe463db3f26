import '../i18n';
import './app.css';
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { unstableSetRender } from 'antd';
import { Providers } from './Providers';
import { App } from './App';

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

const el = document.getElementById('root');
if (!el) throw new Error('#root missing');
createRoot(el).render(
  <StrictMode>
    <Providers>
      <App />
    </Providers>
  </StrictMode>,
);
