import type { ReactNode } from 'react';
import { Space } from 'antd';
import { usePageTitle } from './usePageTitle';

/** The page's single <h1>, its document title, and optional actions on the right. */
export function PageHeader({ title, extra, docTitle }: { title: ReactNode; extra?: ReactNode; docTitle?: string }) {
  usePageTitle(docTitle ?? (typeof title === 'string' ? title : undefined));
  return (
    <div className="page-head">
      <h1>{title}</h1>
      {extra ? <Space wrap>{extra}</Space> : null}
    </div>
  );
}
