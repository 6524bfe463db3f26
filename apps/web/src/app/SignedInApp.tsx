import { createRoot, type Root } from 'react-dom/client';
import { unstableSetRender } from 'antd';
import { App } from './App';
import { AntProviders } from './Providers';

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

/** Everything behind the sign-in page: antd, the layout and every page (one lazily loaded part of the bundle). */
export default function SignedInApp() {
  return (
    <AntProviders>
      <App />
    </AntProviders>
  );
}
