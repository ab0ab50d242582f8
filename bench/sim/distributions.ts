// Service-time distributions: lognormal given by mean and coefficient of variation (bank
// service times are lognormal: Brown et al., JASA 2005), or exponential for the M/M/s
// validation. The oracle also needs a draw conditioned on the time already spent.
import { normalCdf, normalQuantile } from '../../main/hub/estimate/sampling.js';
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
