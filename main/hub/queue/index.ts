// The pure queue engine: state + command → events; state + event → state.
export { initialState } from './state.js';
export { decide } from './decide.js';
export { applyEvent, applyEvents } from './apply.js';
export { dispatchOrder } from './dispatch.js';
export { waitingAhead, waitingAheadAll } from './waiting-ahead.js';
export { formatNumber } from './numbering.js';
