// Loaded lazily with echarts (only the parts used are registered, see dashboard/Charts.tsx). Every
// chart here is drawn on a canvas: the page puts the same figures in a table next to it.
import { useMemo } from 'react';
import { EChart } from '../dashboard/Charts';

export interface Series {
  name: string;
  color: string;
  /** One value per category; null leaves a gap (no data), never a zero or a full bar. */
  data: (number | null)[];
  stack?: string;
}
export interface ChartProps {
  kind: 'bar' | 'line';
  categories: string[];
  series: Series[];
  /** Percent axis from 0 to 100. */
  percent?: boolean;
  onBarClick?: (seriesIndex: number, dataIndex: number) => void;
}

/** One bar or line chart over categories; drawn by the shared EChart (sized with its box, re-drawn on change). */
export function ReportChart({ kind, categories, series, percent, onBarClick }: ChartProps) {
  const option = useMemo(
    () => ({
      grid: { left: 40, right: 12, top: 36, bottom: 28, containLabel: false },
      tooltip: { trigger: 'axis' },
      legend: series.length > 1 ? { top: 0, type: 'scroll' } : undefined,
      xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, hideOverlap: true } },
      yAxis: percent
        ? { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }
        : { type: 'value', minInterval: 1 },
      series: series.map((s) => ({
        type: kind,
        name: s.name,
        stack: s.stack,
        barMaxWidth: 28,
        connectNulls: false,
        cursor: onBarClick ? 'pointer' : 'default',
        itemStyle: { color: s.color },
        lineStyle: kind === 'line' ? { color: s.color, width: 2 } : undefined,
        data: s.data.map((v) => (v === null ? '-' : v)),
      })),
    }),
    [kind, categories, series, percent, onBarClick],
  );
  return <EChart option={option} onClick={onBarClick} />;
}

export default ReportChart;
