// A scenario is a data file in bench/scenarios/: the branch, its day and its customers, each
// parameter with the source it came from (the `sources` object). Parsed strictly, so a typo
// in a file fails the bench instead of silently simulating a default.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PAUSE_REASONS } from '../../main/common/domain.js';

const clock = z.string().regex(/^\d\d:\d\d$/);

const kind = z.object({
  name: z.string(),
  service: z.string(),
  share: z.number().min(0),
  meanMinutes: z.number().positive(),
  cv: z.number().min(0),
  /**
   * The kiosk choice (main/hub/kiosk/choices.ts, the demo branch's ids) a customer of this
   * business takes, which the ticket then carries and the hub sees; absent: none (the
   * scenario's kiosk offers one tile per service).
   */
  choice: z.string().min(1).optional(),
});

export const scenarioSchema = z.strictObject({
  name: z.string(),
  description: z.string(),
  sources: z.record(z.string(), z.string()),
  open: clock,
  close: clock,
  /**
   * The kind of day in the branch's calendar (bench/sim/calendar.ts): the scenario is scored
   * on the days of this kind and the hub learns from the 20 business days before each, of
   * any kind. `stationary`: a calendar of this scenario's days only (the M/M/8 validation).
   */
  dayKind: z.enum(['ordinary', 'month-end', 'pension', 'holiday-eve', 'stationary']),
  /** CV of the day's factor on its mean arrivals (Gamma, mean 1): busy and quiet days beyond Poisson. */
  dayFactorCv: z.number().min(0),
  /** Mean number of customers in the day (the count is Poisson given the day's factor), door crowd included. */
  customersPerDay: z.number().positive(),
  /** Customers already at the door at opening: uniform integer in [low, high]. */
  doorCrowd: z.tuple([z.number().int().min(0), z.number().int().min(0)]),
  /** Share of the day's arrivals in each hour from opening (any scale; normalised). */
  hourlyShares: z.array(z.number().min(0)).min(1),
  distribution: z.enum(['lognormal', 'exponential']),
  kinds: z.array(kind).min(1),
  /**
   * Share of customers whose ticket carries no choice although their business has one: they
   * took a generic tile (其他, "something else") and the lobby manager issued the ticket, or a
   * teller transferred them in. Drawn independently of the business.
   */
  genericChoiceShare: z.number().min(0).max(1).default(0.2),
  /** Share of older customers and how much longer their service takes. */
  older: z.strictObject({ share: z.number().min(0).max(1), factor: z.number().positive() }),
  priorities: z.strictObject({ vip: z.number().min(0).max(1), green: z.number().min(0).max(1) }),
  /** Mean patience (exponential); a customer not called by then leaves. null: nobody leaves. */
  patienceMeanMinutes: z.number().positive().nullable(),
  services: z.array(
    z.strictObject({
      code: z.string(),
      prefix: z.string(),
      priorServiceMinutes: z.number().positive(),
      maxWaitMinutes: z.number().positive(),
      targetWaitMinutes: z.number().positive(),
    }),
  ),
  counters: z.array(z.strictObject({ id: z.string(), services: z.array(z.string()).min(1) })).min(1),
  lunch: z
    .strictObject({
      counters: z.array(z.string()),
      from: clock,
      until: clock,
      /** pause: the teller presses "pause: lunch"; close: the counter just closes, unannounced. */
      mode: z.enum(['pause', 'close']),
    })
    .nullable(),
  pauses: z
    .strictObject({
      everyMinutes: z.number().positive(),
      minMinutes: z.number().min(0),
      maxMinutes: z.number().min(0),
      reason: z.enum(PAUSE_REASONS),
    })
    .nullable(),
  /** Time from the call to the customer at the counter: uniform [low, high] minutes. */
  walkMinutes: z.tuple([z.number().min(0), z.number().min(0)]),
  /** A called customer who has left: the teller recalls after the first figure, gives up after the second. */
  noShowMinutes: z.tuple([z.number().min(0), z.number().min(0)]),
  /** Predictions made earlier than this many minutes after opening are not scored (steady-state runs). */
  warmupMinutes: z.number().min(0),
  /** Screen updates are scored at this cadence of simulated minutes. */
  updateEveryMinutes: z.number().positive(),
  days: z.number().int().positive(),
  quickDays: z.number().int().positive(),
  /** Monte Carlo runs of the oracle per prediction (at least 50: its point is their median, its noise reported). */
  oracleRuns: z.number().int().min(50),
  /** Whether `npm run bench` also runs the oracle that knows only what the hub could (doubles the oracle's cost). */
  hubOracle: z.boolean().default(true),
});

export type Scenario = z.infer<typeof scenarioSchema>;

export const SCENARIO_DIR = path.join(import.meta.dirname, '..', 'scenarios');

export function loadScenario(file: string): Scenario {
  return scenarioSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

export function loadScenarios(dir = SCENARIO_DIR): Scenario[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => loadScenario(path.join(dir, f)));
}

/** Minutes from midnight of "HH:MM". */
export function clockMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}
