// A counter as every screen names it: its number, and its label when the branch gave it one
// (7 号窗口 · 爱心窗口), so a customer sent to the priority counter finds it by either.
import type { TFunction } from 'i18next';

export function counterName(t: TFunction, id: string, label: string | null | undefined): string {
  return label ? t('counterName.withLabel', { id, label }) : t('counter.counterN', { id });
}

/** The label of counter `id` in a lobby, or null. */
export function labelOf(lobby: { counters: readonly { id: string; label: string | null }[] } | null, id: string | null): string | null {
  if (!lobby || id === null) return null;
  return lobby.counters.find((c) => c.id === id)?.label ?? null;
}
