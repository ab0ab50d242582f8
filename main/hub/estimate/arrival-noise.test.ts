import { describe, expect, it } from 'vitest';
import { noisyArrivals } from './arrival-noise.js';
import type { PriorityRate } from './arrival-rates.js';
import { seededRandom, standardNormal } from './sampling.js';
import { CLASS_RANK } from '../queue/dispatch.js';

const cash: PriorityRate = { service: 'cash', rank: CLASS_RANK.normal, perMinute: 0.5 };
// A learnt profile: nothing in the first hour, then 1 a minute.
const profile: PriorityRate = { service: 'cash', rank: CLASS_RANK.vip, perMinute: 0.5, arrivedBy: (t) => Math.max(0, t - 60) };

describe('later arrivals drawn with Poisson noise', () => {
  it('keep the expected count on average, with the variance of a Poisson count', () => {
    const normal = ((u) => () => standardNormal(u))(seededRandom(7));
    const at60: number[] = [];
    const at120: number[] = [];
    for (let i = 0; i < 4000; i++) {
      const [r] = noisyArrivals([cash], 120, normal);
      at60.push(r!.arrivedBy!(60));
      at120.push(r!.arrivedBy!(120));
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = (xs: number[]) => xs.reduce((a, b) => a + (b - mean(xs)) ** 2, 0) / (xs.length - 1);
    // 30 expected by the hour, 60 by two hours; a Poisson count's variance is its mean.
    expect(mean(at60)).toBeCloseTo(30, 0);
    expect(mean(at120)).toBeCloseTo(60, 0);
    expect(variance(at60)).toBeGreaterThan(25);
    expect(variance(at60)).toBeLessThan(35);
    expect(variance(at120)).toBeGreaterThan(50);
    expect(variance(at120)).toBeLessThan(70);
  });

  it('follow the profile\'s shape: none where none are expected, never fewer as time goes on', () => {
    const normal = ((u) => () => standardNormal(u))(seededRandom(3));
    for (let i = 0; i < 50; i++) {
      const [r] = noisyArrivals([profile], 180, normal);
      expect(r!.arrivedBy!(45)).toBe(0);
      let last = 0;
      for (let t = 0; t <= 180; t += 7) {
        const x = r!.arrivedBy!(t);
        expect(x).toBeGreaterThanOrEqual(last - 1e-9);
        last = x;
      }
    }
  });
});
