// Summary figures of a benchmark's samples.
export interface Figures {
  n: number;
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
}

export interface BenchResult {
  name: string;
  description: string;
  figures: Figures | Record<string, number | string>;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

export function summarise(samples: number[]): Figures {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    mean: r3(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)),
    p50: r3(percentile(sorted, 50)),
    p90: r3(percentile(sorted, 90)),
    p95: r3(percentile(sorted, 95)),
    p99: r3(percentile(sorted, 99)),
    max: r3(sorted[sorted.length - 1] ?? NaN),
  };
}
