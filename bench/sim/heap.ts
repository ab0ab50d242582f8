// A binary min-heap of timed events; ties keep insertion order, so a run is deterministic.
export interface Timed<T> {
  at: number;
  seq: number;
  item: T;
}

export class EventHeap<T> {
  private items: Timed<T>[] = [];
  private seq = 0;

  get size(): number {
    return this.items.length;
  }

  push(at: number, item: T): void {
    const node = { at, seq: this.seq++, item };
    const a = this.items;
    a.push(node);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(a[i]!, a[p]!)) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }

  pop(): Timed<T> | undefined {
    const a = this.items;
    if (a.length === 0) return undefined;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && before(a[l]!, a[m]!)) m = l;
        if (r < a.length && before(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }

  /** Every pending event, in no particular order (for forking a run). */
  pending(): readonly Timed<T>[] {
    return this.items;
  }
}

function before<T>(x: Timed<T>, y: Timed<T>): boolean {
  return x.at < y.at || (x.at === y.at && x.seq < y.seq);
}
