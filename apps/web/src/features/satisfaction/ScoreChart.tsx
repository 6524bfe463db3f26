// Loaded lazily with echarts (see dashboard/Charts.tsx, whose wrapper it reuses): ratings per score,
// 5 (非常满意) to 1 (非常不满意), satisfied scores green and low ones red.
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { EChart } from '../dashboard/Charts';
import { scoreColor } from './RatingForm';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export default function ScoreChart({
  data,
  seriesName,
}: {
  data: { score: number; name: string; count: number }[];
  seriesName: string;
}) {
  const option = {
    grid: { left: 36, right: 12, top: 16, bottom: 48 },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: data.map((d) => d.name),
      axisLabel: { interval: 0, width: 64, overflow: 'break' },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: seriesName,
        barMaxWidth: 48,
        data: data.map((d) => ({ value: d.count, itemStyle: { color: scoreColor(d.score) } })),
      },
    ],
  };
  return <EChart option={option} />;
}
