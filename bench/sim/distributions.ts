// Service-time distributions: lognormal given by mean and coefficient of variation (bank
// service times are lognormal: Brown et al., JASA 2005), or exponential for the M/M/s
// validation. The oracle also needs a draw conditioned on the time already spent.
import type { Random } from './random.js';

export interface Duration {
  kind: 'lognormal' | 'exponential';
  meanMinutes: number;
  /** Coefficient of variation; ignored for exponential (always 1). */
  cv: number;
}

function lognormalParams(d: Duration): { mu: number; sigma: number } {
  const sigma2 = Math.log(1 + d.cv * d.cv);
  return { mu: Math.log(d.meanMinutes) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
}

export function draw(d: Duration, random: Random): number {
  if (d.kind === 'exponential') return random.exponential(d.meanMinutes);
  const { mu, sigma } = lognormalParams(d);
  return Math.exp(mu + sigma * random.normal());
}

/** A draw of the whole duration given that it has already lasted `elapsed` minutes. */
export function drawGiven(d: Duration, elapsed: number, random: Random): number {
  if (elapsed <= 0) return draw(d, random);
  if (d.kind === 'exponential') return elapsed + random.exponential(d.meanMinutes);
  const { mu, sigma } = lognormalParams(d);
  const z0 = (Math.log(elapsed) - mu) / sigma;
  const p0 = normalCdf(z0);
  // Inverse transform on the upper tail: exact, and never loops like rejection would.
  const u = p0 + (1 - p0) * random.uniform();
  if (u >= 1 - 1e-12) return elapsed * 1.05;
  return Math.max(elapsed, Math.exp(mu + sigma * normalQuantile(u)));
}

export function normalCdf(z: number): number {
  // Abramowitz–Stegun 7.1.26 on erf: error below 1.5e-7.
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** Acklam's rational approximation (relative error below 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}
