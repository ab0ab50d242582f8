// Who may call the records' routes; server/readers.ts gives the same lists to the live feed's
// cuts, so the feed never tells a principal what REST refuses them.
export type RecordRole = 'manager' | 'supervisor' | 'admin' | 'teller';

/** Work log, opinion book, complaints, the special-customer notebook, referral and care cards. */
export const KEEPERS = ['manager', 'supervisor'] as const satisfies readonly RecordRole[];
/** Checklists and device faults. */
export const RECORD_READERS = ['manager', 'supervisor', 'admin'] as const satisfies readonly RecordRole[];
