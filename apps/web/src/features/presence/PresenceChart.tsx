// Loaded lazily with echarts (see dashboard/Charts.tsx, whose wrapper it reuses): bars of the
// engineers on site per day against the committed headcount as a dashed line.
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { MonthlyPresence } from '../../api/types';
import { EChart } from '../dashboard/Charts';

echarts.use([BarChart, GridComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

interface Props {
  data: MonthlyPresence;
  /** Series and line names in the page's language. */
  presentLabel: string;
  requiredLabel: string;
}

const BAR_OK = '#237804';
const BAR_BELOW = '#cf1322';
const BAR_OFF = '#8c8c8c';

export default function PresenceChart({ data, presentLabel, requiredLabel }: Props) {
  const option = {
    grid: { left: 32, right: 12, top: 24, bottom: 28 },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: data.days.map((d) => String(Number(d.day.slice(8)))),
      axisTick: { alignWithLabel: true },
    },
    yAxis: { type: 'value', minInterval: 1, max: (v: { max: number }) => Math.max(v.max, data.required) + 1 },
    series: [
      {
        type: 'bar',
        name: presentLabel,
        barMaxWidth: 18,
        data: data.days.map((d) => ({
          value: d.present,
          itemStyle: { color: !d.workday ? BAR_OFF : d.present < data.required ? BAR_BELOW : BAR_OK },
        })),
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: '#ad4e00', type: 'dashed', width: 2 },
          label: { formatter: `${requiredLabel} ${data.required}`, position: 'insideEndTop', color: '#ad4e00' },
          data: [{ yAxis: data.required }],
        },
      },
    ],
  };
  return <EChart option={option} />;
}
