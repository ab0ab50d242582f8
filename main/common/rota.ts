// The staffing rota (who pauses when), as the settings route takes it and the estimator
// plans with it. Clock times are the branch's local time.
import { z } from 'zod';
import { PAUSE_REASONS } from './domain.js';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a clock time is HH:MM');

export const PlannedPause = z
  .strictObject({
    counter: z.string().min(1).max(32),
    from: clock,
    until: clock,
    reason: z.enum(PAUSE_REASONS).default('lunch'),
  })
  .refine((p) => p.from < p.until, { message: 'a planned pause ends after it starts', path: ['until'] });
export type PlannedPause = z.infer<typeof PlannedPause>;

/** A branch has a handful of counters with a few pauses each; the cap only refuses nonsense. */
export const StaffRota = z.array(PlannedPause).max(200);
export type StaffRota = z.infer<typeof StaffRota>;
