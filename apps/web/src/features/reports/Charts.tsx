// Loaded lazily with echarts (only the parts used are registered, see dashboard/Charts.tsx). Every
// chart here is drawn on a canvas: the page puts the same figures in a table next to it.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

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

/** One chart that fills its parent; re-drawn when the option changes, resized with its box. */
export function ReportChart({ kind, categories, series, percent, onBarClick }: ChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onBarClick);
  click.current = onBarClick;
  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current);
    chart.current = c;
    c.on('click', (p) => {
      const e = p as { seriesIndex?: number; dataIndex?: number };
      if (e.seriesIndex !== undefined && e.dataIndex !== undefined) click.current?.(e.seriesIndex, e.dataIndex);
    });
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(
      {
        grid: { left: 40, right: 12, top: 36, bottom: 28, containLabel: false },
        tooltip: { trigger: 'axis' },
        legend: series.length > 1 ? { top: 0, type: 'scroll' } : undefined,
        xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, hideOverlap: true } },
        yAxis: percent ? { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } } : { type: 'value', minInterval: 1 },
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
      },
      { notMerge: true },
    );
  }, [kind, categories, series, percent, onBarClick]);
  return <div ref={el} style={{ height: '100%', width: '100%' }} />;
}

export default ReportChart;
