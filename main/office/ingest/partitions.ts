// office_events is partitioned by month of the event's time: a month's partition is created
// the first time a batch holds an event of that month (a branch catching up after days away
// may touch two). Months are UTC months; the bounds are timestamptz, so no zone is implied.

const created = new WeakMap<object, Set<string>>();

/** The months (YYYY-MM) of these event times, in UTC. */
export function monthsOf(times: readonly number[]): string[] {
  return [...new Set(times.map((t) => new Date(t).toISOString().slice(0, 7)))].sort();
}

export function partitionName(month: string): string {
  return `office_events_${month.replace('-', '_')}`;
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The DDL of one month's partition; `month` is checked, since DDL takes no parameters. */
export function partitionDdl(month: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new Error(`not a month: ${month}`);
  return `CREATE TABLE IF NOT EXISTS ${partitionName(month)} PARTITION OF office_events FOR VALUES FROM ('${month}-01T00:00:00Z') TO ('${nextMonth(month)}-01T00:00:00Z')`;
}

/** Creates the partitions these times need, once per office process and month. */
export async function ensurePartitions(db: { exec(text: string): Promise<void> }, key: object, times: readonly number[]): Promise<void> {
  let known = created.get(key);
  if (!known) created.set(key, (known = new Set()));
  for (const month of monthsOf(times)) {
    if (known.has(month)) continue;
    await db.exec(partitionDdl(month));
    known.add(month);
  }
}
