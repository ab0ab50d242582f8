// A tiny ECharts line of one queue's new-ticket estimate over the last half hour.
import { LineChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { TrendPoint } from './estimate-trend';

echarts.use([LineChart, GridComponent, CanvasRenderer]);

export function Sparkline({ points, color }: { points: TrendPoint[]; color: string }) {
  const el = useRef<HTMLDivElement | null>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!el.current) return;
    chart.current = echarts.init(el.current, undefined, { renderer: 'canvas' });
    return () => chart.current?.dispose();
  }, []);
  useEffect(() => {
    chart.current?.setOption({
      animation: false,
      grid: { left: 2, right: 2, top: 4, bottom: 4 },
      xAxis: { type: 'time', show: false },
      yAxis: { type: 'value', show: false, min: 0 },
      series: [{ type: 'line', data: points.map((p) => [p.at, p.minutes]), showSymbol: false, lineStyle: { width: 2, color }, areaStyle: { color, opacity: 0.15 } }],
    });
  }, [points, color]);
  return <div ref={el} className="sparkline" aria-hidden />;
}
