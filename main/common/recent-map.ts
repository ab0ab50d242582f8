// A Map that keeps only its most recently touched entries, so that memory an attacker can
// fill (one entry per made-up staff ID, or per staff ID and address) stays bounded.
export class RecentMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly maxSize: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  /** Stores the value as the most recent entry, forgetting the least recent beyond maxSize. */
  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.maxSize) {
      const oldest = this.entries.keys().next().value as K;
      this.entries.delete(oldest);
    }
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  values(): IterableIterator<V> {
    return this.entries.values();
  }
}
