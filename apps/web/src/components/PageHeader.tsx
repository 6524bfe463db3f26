import type { ReactNode } from 'react';
import { usePageTitle } from './usePageTitle';

/** The page's single <h1>, its document title, and optional actions on the right (plain markup: the queue paints before antd). */
export function PageHeader({ title, extra, docTitle }: { title: ReactNode; extra?: ReactNode; docTitle?: string }) {
  usePageTitle(docTitle ?? (typeof title === 'string' ? title : undefined));
  return (
    <div className="page-head">
      <h1>{title}</h1>
      {extra ? <div className="page-head-extra">{extra}</div> : null}
    </div>
  );
}
