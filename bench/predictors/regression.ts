// The `regression` baseline: a ridge regression of the realised wait on state features, in
// the spirit of Q-Lasso (Ang, Bertsimas et al., MSOM 2016: statistical learning on top of
// queueing estimators). Trained, as the hub would have to, only on the branch's past days:
// the 20 business days of the calendar before the scored day, each simulated once and its
// predictions at ticket issue kept as sufficient statistics (XᵀX and Xᵀy), so training for
// a day sums 20 small matrices. It sees only what the hub sees.
import type { Estimate, LobbyState, Ticket } from '../../main/common/domain.js';
import type { WaitPredictor } from '../../main/hub/estimate/index.js';
import { orderFor } from '../../main/hub/queue/dispatch.js';
import { CLIP_FACTOR, learntServiceMinutes } from '../../main/hub/estimate/service-times.js';
import type { BranchCalendar, CalendarDay } from '../sim/calendar.js';
import { band } from './baselines.js';
import { runDay } from './evaluate.js';

const MINUTE = 60_000;
const LEARN = { priorWeight: 3, clipFactor: CLIP_FACTOR };
const HOURS = Array.from({ length: 12 }, (_, i) => 8 + i);
/** A small ridge: the service and hour indicators are collinear with the intercept. */
const LAMBDA = 1;

/** The features of every waiting ticket: queueing estimates, counts, class, service and hour. */
function features(state: LobbyState, now: number, services: readonly string[]): Map<string, number[]> {
  const means = learntServiceMinutes(state, LEARN);
  const waiting = Object.values(state.tickets).filter((t) => t.status === 'waiting');
  const counters = Object.values(state.counters);
  const paused = counters.filter((c) => c.status === 'paused' || c.status === 'closed').length;
  const hour = new Date(now).getUTCHours();
  const head = new Map<string, number>();
  for (const t of waiting) head.set(`${t.service}|${t.priority}`, Math.max(head.get(`${t.service}|${t.priority}`) ?? 0, (now - t.issuedAt) / MINUTE));
  const out = new Map<string, number[]>();
  for (const code of services) {
    if (!state.services[code]) continue;
    const open = counters.filter((c) => c.status === 'open' && c.services.includes(code));
    const idle = open.filter((c) => c.currentTicketId === null).length;
    const order: Ticket[] = orderFor(state, { id: '\u0000', services: [code] }, now);
    const mean = means[code] ?? 5;
    order.forEach((t, ahead) => {
      const elapsed = (now - t.issuedAt) / MINUTE;
      const ql = ahead < idle ? 0 : ((ahead - idle + 1) * mean) / Math.max(1, open.length);
      out.set(t.id, [
        1,
        ql,
        ahead,
        open.length,
        idle,
        paused,
        waiting.length,
        Math.max(0, (head.get(`${t.service}|${t.priority}`) ?? 0) - elapsed),
        elapsed,
        t.priority === 'vip' ? 1 : 0,
        t.priority === 'green' ? 1 : 0,
        ...services.map((s) => (s === code ? 1 : 0)),
        ...HOURS.map((h) => (h === hour ? 1 : 0)),
      ]);
    });
  }
  return out;
}

interface Stats {
  xtx: number[][];
  xty: number[];
}

function emptyStats(d: number): Stats {
  return { xtx: Array.from({ length: d }, () => new Array<number>(d).fill(0)), xty: new Array<number>(d).fill(0) };
}

/** Solves (XᵀX + λI)β = Xᵀy by Gaussian elimination with partial pivoting. */
function solve(s: Stats): number[] {
  const d = s.xty.length;
  const a = s.xtx.map((row, i) => [...row.map((v, j) => v + (i === j && i > 0 ? LAMBDA : 0)), s.xty[i]!]);
  for (let c = 0; c < d; c++) {
    let p = c;
    for (let r = c + 1; r < d; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    [a[c], a[p]] = [a[p]!, a[c]!];
    const pivot = a[c]![c]!;
    if (Math.abs(pivot) < 1e-12) continue;
    for (let r = 0; r < d; r++) {
      if (r === c) continue;
      const f = a[r]![c]! / pivot;
      if (f !== 0) for (let k = c; k <= d; k++) a[r]![k]! -= f * a[c]![k]!;
    }
  }
  return a.map((row, i) => (Math.abs(row[i]!) < 1e-12 ? 0 : row[d]! / row[i]!));
}

/** Trains on a branch's past days (each simulated once, kept as its statistics) and makes the predictor. */
export class RegressionTrainer {
  private readonly days = new Map<string, Stats>();
  private readonly services: string[];

  constructor(private readonly branch: BranchCalendar) {
    this.services = branch.scored.services.map((s) => s.code);
  }

  private dayStats(day: CalendarDay): Stats {
    const cached = this.days.get(day.date);
    if (cached) return cached;
    const world = this.branch.world(day);
    const rows = new Map<string, number[]>();
    const recorder: WaitPredictor = {
      name: 'regression-recorder',
      predict: (state, now) => {
        const f = features(state, now, this.services);
        const out: Record<string, Estimate> = {};
        for (const [id, x] of f) {
          rows.set(`${id}@${now}`, x);
          out[id] = { minutes: 0, low: 0, high: 0 };
        }
        return out;
      },
    };
    const run = runDay(world.scenario, 0, world, () => [recorder]);
    const d = 11 + this.services.length + HOURS.length;
    const s = emptyStats(d);
    for (const p of run.predictions) {
      if (p.moment !== 'issue' || p.result !== 'served') continue;
      const x = rows.get(`${p.ticket}@${p.at}`);
      if (!x) continue;
      for (let i = 0; i < d; i++) {
        s.xty[i]! += x[i]! * p.realised;
        for (let j = 0; j < d; j++) s.xtx[i]![j]! += x[i]! * x[j]!;
      }
    }
    this.days.set(day.date, s);
    return s;
  }

  /** The predictor for `date`, trained on the `count` business days before it. */
  predictorFor(date: string, count: number): WaitPredictor {
    const past = this.branch.before(date, count).map((d) => this.dayStats(d));
    const d = 11 + this.services.length + HOURS.length;
    const sum = emptyStats(d);
    for (const s of past) {
      for (let i = 0; i < d; i++) {
        sum.xty[i]! += s.xty[i]!;
        for (let j = 0; j < d; j++) sum.xtx[i]![j]! += s.xtx[i]![j]!;
      }
    }
    const beta = solve(sum);
    const services = this.services;
    return {
      name: 'regression',
      predict(state, now) {
        const out: Record<string, Estimate> = {};
        for (const [id, x] of features(state, now, services)) out[id] = band(Math.max(0, x.reduce((a, v, i) => a + v * beta[i]!, 0)));
        return out;
      },
    };
  }
}
