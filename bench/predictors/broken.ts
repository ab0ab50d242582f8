// A deliberately broken estimator for the test that `npm run bench` exits non-zero when a
// target misses (tests/unit/bench-exit.test.ts): Atrium's own estimate, tripled. Chosen
// with `--estimator=broken`; never used otherwise.
import { atriumPredictor, type AtriumOptions, type WaitPredictor } from '../../main/hub/estimate/index.js';

export function brokenAtrium(options: AtriumOptions): WaitPredictor {
  const inner = atriumPredictor(options);
  return {
    name: 'atrium',
    predict(state, now) {
      const out = inner.predict(state, now);
      return Object.fromEntries(Object.entries(out).map(([id, e]) => [id, { ...e, minutes: e.minutes * 3, low: e.low * 3, high: e.high * 3 }]));
    },
  };
}
