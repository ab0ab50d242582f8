// One ECharts chart, drawn with the SVG renderer so that a printed report (Chromium's PDF)
// keeps sharp vector charts; resized with its box.
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer]);

/** CSS pixels: half the printable width of A4 landscape with 10 mm margins, less a gutter. */
const PRINT_WIDTH = 500;
const PRINT_HEIGHT = 230;

export type ChartOption = echarts.EChartsCoreOption;

export function EChart({ option, height = 280, testId }: { option: ChartOption; height?: number; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!box.current) return;
    const c = echarts.init(box.current, undefined, { renderer: 'svg' });
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(box.current);
    // The print layout is the paper's, not the window's: redraw for half of an A4 landscape
    // page (records.css prints two charts side by side) before printing, and back after.
    const beforePrint = () => c.resize({ width: PRINT_WIDTH, height: PRINT_HEIGHT });
    const afterPrint = () => c.resize();
    window.addEventListener('beforeprint', beforePrint);
    window.addEventListener('afterprint', afterPrint);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', beforePrint);
      window.removeEventListener('afterprint', afterPrint);
      c.dispose();
    };
  }, []);
  useEffect(() => {
    // No animation: the chart is complete at once, for the screen and for printing.
    chart.current?.setOption({ animation: false, textStyle: { fontFamily: "'Noto Sans CJK SC', sans-serif" }, ...option }, true);
  }, [option]);
  return <div ref={box} className="echart" style={{ height }} data-testid={testId} />;
}
