// The worlds of the sensitivity table (issue 15): each variant changes every day of the
// branch's calendar (the hub learns from the changed past days too), Atrium unchanged.
// - patience ×0.5 and ×2 (the estimator's leaving-rate prior is 1/300 per minute, every
//   scenario's own patience);
// - a closed counter back after 60 or 180 min instead of 120 (lunch-unannounced: the
//   estimator assumes 120 for a counter closed mid-day);
// - service-time CV ×0.5 and ×1.5.
import { clockMinutes, type Scenario } from './sim/scenario.js';

export interface Variant {
  name: string;
  /** Scenarios it applies to (all when absent). */
  only?: string[];
  change: (s: Scenario) => Scenario;
}

const lunchLength = (s: Scenario, minutes: number): Scenario => {
  if (!s.lunch) return s;
  const from = clockMinutes(s.lunch.from) + minutes;
  const until = `${String(Math.floor(from / 60)).padStart(2, '0')}:${String(from % 60).padStart(2, '0')}`;
  return { ...s, lunch: { ...s.lunch, until } };
};

export const VARIANTS: Variant[] = [
  { name: 'as scored', change: (s) => s },
  { name: 'patience ×0.5', change: (s) => ({ ...s, patienceMeanMinutes: s.patienceMeanMinutes === null ? null : s.patienceMeanMinutes * 0.5 }) },
  { name: 'patience ×2', change: (s) => ({ ...s, patienceMeanMinutes: s.patienceMeanMinutes === null ? null : s.patienceMeanMinutes * 2 }) },
  { name: 'closed counter back after 60 min', only: ['lunch-unannounced'], change: (s) => (s.lunch?.mode === 'close' ? lunchLength(s, 60) : s) },
  { name: 'closed counter back after 180 min', only: ['lunch-unannounced'], change: (s) => (s.lunch?.mode === 'close' ? lunchLength(s, 180) : s) },
  { name: 'service CV ×0.5', change: (s) => ({ ...s, kinds: s.kinds.map((k) => ({ ...k, cv: k.cv * 0.5 })) }) },
  { name: 'service CV ×1.5', change: (s) => ({ ...s, kinds: s.kinds.map((k) => ({ ...k, cv: k.cv * 1.5 })) }) },
];

export const SENSITIVITY_SCENARIOS = ['ordinary-day', 'lunch-unannounced', 'month-end', 'pension-day'];

export function variantNamed(name: string): Variant {
  const v = VARIANTS.find((x) => x.name === name);
  if (!v) throw new Error(`no sensitivity variant ${name}`);
  return v;
}

/** A file-name-safe name of the variant (its stored days' folder). */
export function variantSlug(name: string): string {
  return name.replace('×', 'x').replace(/[^A-Za-z0-9.]+/g, '-').replace(/^-|-$/g, '');
}
