// Reading a record by a key that came from outside: only its own entries, never what its
// prototype carries (a ticket id "constructor" or "hasOwnProperty" names no ticket).
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
