// Every route by name, for the hub's handlers and the renderer's client: api.login, api.lobby…
export * from './appointments.js';
export * from './auth.js';
export * from './imports.js';
export * from './branch.js';
export * from './fraud.js';
export * from './kiosk.js';
export * from './lobby.js';
export * from './rating.js';
export * from './records.js';
export * from './settings.js';
export * from './staff.js';
export * from './tickets.js';
