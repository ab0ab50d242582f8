// tsc compiles the ledger but does not copy its SQL migrations, which the ledger reads from
// the folder next to its compiled module.
import { cpSync } from 'node:fs';

cpSync('main/hub/ledger/migrations', 'out/main/hub/ledger/migrations', { recursive: true });
