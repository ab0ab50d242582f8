// How long ago a device was last heard from, in the coarse steps a person reads at a glance
// ("3 分钟前" / "3 min ago"); the exact time stays in the cell's tooltip.
export interface Age {
  unit: 'now' | 'minutes' | 'hours' | 'days';
  count: number;
}

export function ageOf(thenMs: number, nowMs: number): Age {
  // A clock a little ahead on the hub is not "in the future" to a person.
  const minutes = Math.floor(Math.max(0, nowMs - thenMs) / 60_000);
  if (minutes < 1) return { unit: 'now', count: 0 };
  if (minutes < 60) return { unit: 'minutes', count: minutes };
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return { unit: 'hours', count: hours };
  return { unit: 'days', count: Math.floor(hours / 24) };
}
