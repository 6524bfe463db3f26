import { lazy, Suspense, type ReactNode } from 'react';
import { Card, Spin } from 'antd';
import type { ChartProps } from './Charts';

const ReportChart = lazy(() => import('./Charts'));

export interface SummaryTable {
  /** Column headings; the first column names the row. */
  head: string[];
  rows: { key: string; cells: ReactNode[] }[];
}

/**
 * A chart card: the canvas is hidden from assistive technology and the same figures are given as a
 * table — visible (`showTable`) or visually hidden for screen readers only.
 */
export function ChartCard({
  title,
  chart,
  table,
  showTable,
  extra,
  testId,
}: {
  title: string;
  chart: ChartProps;
  table: SummaryTable;
  showTable?: boolean;
  extra?: ReactNode;
  testId: string;
}) {
  return (
    <Card
      size="small"
      title={<h2 className="card-h2">{title}</h2>}
      extra={extra}
      style={{ height: '100%' }}
      data-testid={testId}
    >
      <div className="chart-box" aria-hidden="true" data-testid={`${testId}-canvas`}>
        <Suspense fallback={<Spin />}>
          <ReportChart {...chart} />
        </Suspense>
      </div>
      <div
        className={showTable ? 'table-scroll' : 'visually-hidden'}
        tabIndex={showTable ? 0 : undefined}
        role={showTable ? 'region' : undefined}
        aria-label={showTable ? title : undefined}
      >
        <table className="report-summary" data-testid={`${testId}-table`}>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              {table.head.map((h, i) => (
                <th key={i} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r) => (
              <tr key={r.key} data-row={r.key}>
                {r.cells.map((c, i) =>
                  i === 0 ? (
                    <th key={i} scope="row">
                      {c}
                    </th>
                  ) : (
                    <td key={i}>{c}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
