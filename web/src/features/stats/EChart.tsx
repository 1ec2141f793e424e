import type { EChartsCoreOption } from 'echarts/core';
import * as echarts from 'echarts/core';
import { type CSSProperties, useEffect, useRef } from 'react';

/**
 * One chart on a div: created once, given each new option whole (notMerge), resized with
 * its box, disposed on unmount. (echarts-for-react does the same but imports `tslib`,
 * which it does not declare and this install does not hoist.)
 */
export function EChart({
  option,
  style,
  label,
}: {
  option: EChartsCoreOption;
  style: CSSProperties;
  /** What the chart shows, for screen readers. */
  label: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} style={style} role="img" aria-label={label} />;
}
