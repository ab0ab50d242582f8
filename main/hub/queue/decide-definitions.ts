// Definitions from the admin screen or the branch config. Re-defining something exactly as it
// is emits nothing, so the hub can re-apply its config at every start without ledger noise.
import { ELDERLY_RANKS, type LobbyState, type QueueConfig, type Service } from '../../common/domain.js';
import type { QueueEvent } from '../../common/events.js';
import { checkServiceList } from './decide-counter.js';
import { DomainError } from '../../common/errors.js';
import { own } from '../../common/own.js';

const positive = (n: unknown): boolean => typeof n === 'number' && Number.isFinite(n) && n > 0;

function sameService(a: Service, b: Service): boolean {
  return (Object.keys(a) as (keyof Service)[]).every((k) => a[k] === b[k]) && Object.keys(a).length === Object.keys(b).length;
}

export function decideServiceDefine(state: LobbyState, service: Service): QueueEvent[] {
  if (!service.code || !/^[A-Z]{1,3}$/.test(service.prefix)) {
    throw new DomainError('invalid', 'invalid_service', 'A service needs a code and a prefix of one to three capital letters.');
  }
  if (!positive(service.targetWaitMinutes) || !positive(service.maxWaitMinutes) || !positive(service.priorServiceMinutes)) {
    throw new DomainError('invalid', 'invalid_service', 'A service needs positive target wait, maximum wait and service minutes.');
  }
  // Two services with one prefix would share one numbering and look alike on the display.
  const clash = Object.values(state.services).find((s) => s.code !== service.code && s.prefix === service.prefix);
  if (clash) throw new DomainError('conflict', 'prefix_taken', `Prefix ${service.prefix} is already used by service "${clash.code}".`);
  const existing = own(state.services, service.code);
  if (existing && sameService(existing, service)) return [];
  return [{ type: 'service.defined', service: { ...service } }];
}

/**
 * A new counter starts closed; an existing one keeps its state (open, paused, its teller and
 * ticket) and changes only its services and, when given, its label.
 */
export function decideCounterDefine(state: LobbyState, id: string, services: string[], label?: string | null): QueueEvent[] {
  if (!id) throw new DomainError('invalid', 'invalid_counter', 'A counter needs an id.');
  checkServiceList(state, services);
  const existing = own(state.counters, id);
  if (!existing) return [{ type: 'counter.defined', counter: { id, services: [...services], ...(label ? { label } : {}) } }];
  const sameServices = existing.services.length === services.length && existing.services.every((s, i) => s === services[i]);
  if (label !== undefined && label !== existing.label) return [{ type: 'counter.defined', counter: { id, services: [...services], label } }];
  if (sameServices) return [];
  return [{ type: 'counter.services_set', counter: id, services: [...services] }];
}

export function decideConfigSet(state: LobbyState, patch: Partial<QueueConfig>): QueueEvent[] {
  const config: QueueConfig = { ...state.config, ...patch };
  if (!Number.isInteger(config.maxRecalls) || config.maxRecalls < 0) {
    throw new DomainError('invalid', 'invalid_config', 'The number of recalls allowed is a whole number, zero or more.');
  }
  if (typeof config.appointmentEarlyMinutes !== 'number' || !(config.appointmentEarlyMinutes >= 0)) {
    throw new DomainError('invalid', 'invalid_config', 'Minutes before an appointment is due are zero or more.');
  }
  if (!ELDERLY_RANKS.includes(config.elderlyRank)) {
    throw new DomainError('invalid', 'invalid_config', `Elderly tickets rank ${ELDERLY_RANKS.join(', ')}.`);
  }
  const same = (Object.keys(config) as (keyof QueueConfig)[]).every((k) => config[k] === state.config[k]);
  if (same) return [];
  return [{ type: 'config.set', config }];
}
