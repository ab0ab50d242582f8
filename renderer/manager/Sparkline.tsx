// A tiny ECharts line of one queue's new-ticket estimate over the last half hour. Where the
// service was closed the line breaks and the stretch is shaded and says so (sparkline-series.ts).
import { LineChart } from 'echarts/charts';
import { GridComponent, MarkAreaComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { TrendPoint } from './estimate-trend';
import { sparklineSeries } from './sparkline-series';

echarts.use([LineChart, GridComponent, MarkAreaComponent, CanvasRenderer]);

export function Sparkline({ points, color, now, closedLabel }: { points: TrendPoint[]; color: string; now: number; closedLabel: string }) {
  const el = useRef<HTMLDivElement | null>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!el.current) return;
    chart.current = echarts.init(el.current, undefined, { renderer: 'canvas' });
    return () => chart.current?.dispose();
  }, []);
  const { line, closed, labelled } = sparklineSeries(points, now);
  useEffect(() => {
    chart.current?.setOption({
      animation: false,
      grid: { left: 2, right: 2, top: 4, bottom: 4 },
      xAxis: { type: 'time', show: false },
      yAxis: { type: 'value', show: false, min: 0 },
      series: [
        {
          type: 'line',
          data: line,
          connectNulls: false,
          showSymbol: false,
          lineStyle: { width: 2, color },
          areaStyle: { color, opacity: 0.15 },
          markArea: {
            silent: true,
            itemStyle: { color: 'rgba(0, 0, 0, 0.08)' },
            label: { show: true, position: 'inside', color: '#595959', fontSize: 10, formatter: closedLabel },
            data: closed.map(([from, until], i) => [{ xAxis: from, label: { show: labelled[i] } }, { xAxis: until }]),
          },
        },
      ],
    });
  }, [line, closed, labelled, color, closedLabel]);
  return <div ref={el} className="sparkline" aria-hidden data-closed-stretches={closed.length} data-closed-now={labelled.length > 0 && line.at(-1)?.[1] === null ? (labelled.at(-1) ? 'labelled' : 'shaded') : undefined} />;
}
