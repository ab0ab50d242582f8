// Draws for the estimator's Monte Carlo runs. Service times are taken as lognormal with an
// assumed coefficient of variation (bank service times are lognormal: Brown et al., JASA
// 2005); a job already in progress is drawn conditioned on the time it has run, whose mean
// rest grows with it, unlike "mean − elapsed".
//
// The generator is seeded from the state, so the same state always gives the same estimate
// (screens do not flicker between two events).

/** mulberry32: small and fast; quality is ample for a few hundred draws. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function normalCdf(z: number): number {
  // Abramowitz–Stegun 7.1.26.
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** Acklam's approximation of the standard normal quantile. */
export function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - 0.02425) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

/**
 * A lognormal service time of mean `mean` and coefficient of variation `cv`, given that it has
 * already lasted `elapsed` minutes; returns what is left of it. Inverse transform on the tail.
 */
export function drawRemaining(mean: number, cv: number, elapsed: number, uniform: () => number): number {
  if (mean <= 0) return 0;
  const sigma2 = Math.log(1 + cv * cv);
  const sigma = Math.sqrt(sigma2);
  const mu = Math.log(mean) - sigma2 / 2;
  const p0 = elapsed > 0 ? normalCdf((Math.log(elapsed) - mu) / sigma) : 0;
  const u = Math.min(p0 + (1 - p0) * uniform(), 1 - 1e-9);
  return Math.max(0, Math.exp(mu + sigma * normalQuantile(Math.max(u, 1e-12))) - elapsed);
}

/** A standard normal draw by inverse transform (one uniform, so the run's sequence stays simple). */
export function standardNormal(uniform: () => number): number {
  return normalQuantile(Math.min(Math.max(uniform(), 1e-12), 1 - 1e-12));
}
