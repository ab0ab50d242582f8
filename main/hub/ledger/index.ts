// The ledger's public face: the hub server opens it, commits through it, and starts from
// loadState; `atrium verify` calls verifyLedger.
export { openLedger, DB_FILE, type Ledger, type LedgerEntry } from './ledger.js';
export { writeProjections } from './projections.js';
export { loadState, isQueueEventType } from './replay.js';
export { verifyLedger, type VerifyResult, type VerifyProblem } from './verify.js';
export { canonicalJson } from '../../common/canonical.js';
export { eventHash, sha256hex, GENESIS_HASH } from '../../node/chain-hash.js';
