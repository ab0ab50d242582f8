// Wait estimation: the predictor seam and Atrium's own predictor.
export type { WaitPredictor } from './predictor.js';
export { atriumPredictor, type AtriumOptions } from './atrium.js';
export { newTicketEstimate } from './new-ticket.js';
export { toEstimate } from './spread.js';
export { learnArrivalProfile, type ArrivalProfile, type PastTicket } from './arrival-profile.js';
export { ROTA_SETTING, StaffRota, PlannedPause } from './rota.js';
