// Day closes an admin forced without the signed closing checklist: one row per date.
import { recordsProjector } from '../kind.js';

export const dayCloseProjector = recordsProjector({
  name: 'day-close overrides',
  documents: ['day_overrides'],
  reduce(store, e) {
    if (e.type === 'day.close_overridden') store.put('day_overrides', e.date, { date: e.date, reason: e.reason, at: e.at, by: e.actor });
  },
});
