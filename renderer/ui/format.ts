// Small formatting helpers shared by every screen: names in the screen's language, estimate
// ranges, clock times.
import type { Estimate } from '../../main/common/domain';
import type { TFunction } from 'i18next';

export interface Named {
  nameZh: string;
  nameEn: string;
}

export function localName(n: Named, language: string): string {
  return language.startsWith('zh') ? n.nameZh : n.nameEn;
}

/**
 * "约 3–6 分钟" / "about 3–6 min"; honest ranges rather than a single falsely precise number.
 * When no counter serves the service now (`e.closed`), no number at all: "对公业务窗口暂未开放，
 * 预计 10:30 开放", with the service's name where the caller gives it.
 */
export function estimateText(t: TFunction, e: Estimate | null | undefined, serviceName?: string): string {
  if (!e) return '';
  if (e.closed) return closedText(t, e.closed.opensAt, serviceName);
  // Widen outwards to whole minutes: a range is a promise, better kept than broken.
  const low = Math.max(0, Math.floor(e.low));
  const high = Math.max(low, Math.ceil(e.high));
  if (high === 0) return t('common.estimateNow');
  if (low === 0) return t('common.estimateWithin', { high });
  if (low === high) return t('common.estimateAbout', { minutes: low });
  return t('common.estimateRange', { low, high });
}

function closedText(t: TFunction, opensAt: string | null, serviceName: string | undefined): string {
  if (serviceName === undefined) return opensAt === null ? t('closedService.notOpenShort') : t('closedService.opensAtShort', { time: opensAt });
  return opensAt === null ? t('closedService.notOpen', { service: serviceName }) : t('closedService.opensAt', { service: serviceName, time: opensAt });
}

export function clockTime(iso: string | Date, language: string): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit', hour12: false });
}
