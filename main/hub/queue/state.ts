import { DEFAULT_QUEUE_CONFIG, type LobbyState, type QueueConfig } from '../../common/domain.js';

export function initialState(config?: Partial<QueueConfig>): LobbyState {
  return {
    config: { ...DEFAULT_QUEUE_CONFIG, ...config },
    day: null,
    services: {},
    counters: {},
    tickets: {},
    lastNumber: {},
  };
}
