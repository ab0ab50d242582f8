// Canonical JSON: the one spelling of a value that the hash chain signs. Keys are sorted
// recursively and there is no whitespace, so the same content always hashes the same,
// whichever order the code that built the object happened to add its keys in.

/**
 * Throws on values JSON cannot carry faithfully (NaN, Infinity, functions, bigint...):
 * plain JSON.stringify would write `null` or drop them silently, and the event replayed
 * from the ledger would then differ from the one the hub applied live.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} is not representable in JSON`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        throw new TypeError('canonicalJson: only plain objects and arrays can be hashed');
      }
      const obj = value as Record<string, unknown>;
      const parts: string[] = [];
      // Undefined members are left out, as JSON.stringify does: an optional field that is
      // absent and one that is `undefined` are the same event.
      for (const key of Object.keys(obj).sort()) {
        if (obj[key] === undefined) continue;
        parts.push(`${JSON.stringify(key)}:${canonicalJson(obj[key])}`);
      }
      return `{${parts.join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} is not representable in JSON`);
  }
}
