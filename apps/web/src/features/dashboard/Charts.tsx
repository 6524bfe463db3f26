// Loaded lazily: echarts is large and only the dashboard needs it; only the parts used are
// registered (echarts/core). echarts is driven directly through a tiny wrapper: echarts-for-react's
// `lib/` entry breaks under Vite 8 and its `esm/` entry needs tslib, which is not installed.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { LEVEL_COLOR, STATUS_COLOR } from '../../app/theme';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Mounts one chart into a div that fills its parent, and keeps it sized and up to date; `onClick` gets the series and data index. */
export function EChart({
  option,
  onClick,
}: {
  option: Record<string, unknown>;
  onClick?: (seriesIndex: number, dataIndex: number) => void;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;
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
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  return <div ref={el} style={{ height: '100%', width: '100%' }} />;
}

export interface Datum {
  key: string;
  name: string;
  value: number;
}

/** Bar chart of open tickets per fault level. The text alternative is given by the caller. */
export function LevelBarChart({ data }: { data: Datum[] }) {
  const option = {
    grid: { left: 40, right: 16, top: 16, bottom: 32 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: data.map((d) => d.name) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        barMaxWidth: 48,
        data: data.map((d) => ({ value: d.value, itemStyle: { color: LEVEL_COLOR[Number(d.key)] ?? '#595959' } })),
      },
    ],
  };
  return <EChart option={option} />;
}

export function StatusPieChart({ data }: { data: Datum[] }) {
  const option = {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '44%'],
        label: { show: false },
        data: data.map((d) => ({
          name: d.name,
          value: d.value,
          itemStyle: { color: STATUS_COLOR[d.key] ?? '#595959' },
        })),
      },
    ],
  };
  return <EChart option={option} />;
}
