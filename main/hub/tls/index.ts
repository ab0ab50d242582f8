export { isLoopbackHost, servesTls } from './listen-policy.js';
export { certificateFingerprint, shortFingerprint } from './fingerprint.js';
export { loadHubTls, readOwnFingerprint, ownCertificatePaths, TlsSetupError, type HubTls, type TlsFiles } from './store.js';
