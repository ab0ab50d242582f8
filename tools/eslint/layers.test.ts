import path from 'node:path';
import { RuleTester } from 'eslint';
import { describe, it } from 'vitest';
import tseslint from 'typescript-eslint';
// @ts-expect-error: plain JS plugin without types
import { layersRule } from './layers.js';

RuleTester.describe = describe;
RuleTester.it = it;
const root = '/repo';
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2023, sourceType: 'module' } });
const at = (rel: string) => path.join(root, rel);
const opts = [{ root }];

tester.run('layers', layersRule, {
  valid: [
    { filename: at('renderer/kiosk/Kiosk.tsx'), code: "import { x } from '../../main/common/api.js';", options: opts },
    { filename: at('renderer/kiosk/Kiosk.tsx'), code: "import { y } from '../ui/Button.js';", options: opts },
    { filename: at('main/hub/server/routes.ts'), code: "import { decide } from '../queue/index.js'; import fs from 'node:fs';", options: opts },
    { filename: at('main/hub/queue/decide.ts'), code: "import type { Ticket } from '../../common/domain.js';", options: opts },
    { filename: at('main/electron/app.ts'), code: "import { app } from 'electron'; import Store from 'electron-store';", options: opts },
    { filename: at('preload/index.ts'), code: "const { contextBridge } = require('electron');", options: opts },
    { filename: at('main/common/api.ts'), code: "import { z } from 'zod';", options: opts },
    { filename: at('main/hub/server/api.test.ts'), code: "import { startTestHub } from '../../../tests/support/hub.js';", options: opts },
  ],
  invalid: [
    { filename: at('main/hub/server/api.ts'), code: "import { startTestHub } from '../../../tests/support/hub.js';", options: opts, errors: [{ messageId: 'forbidden' }] },
    { filename: at('renderer/admin/Admin.tsx'), code: "import { startHub } from '../../main/hub/server/start.js';", options: opts, errors: [{ messageId: 'forbidden' }] },
    { filename: at('renderer/admin/Admin.tsx'), code: "import fs from 'node:fs';", options: opts, errors: [{ messageId: 'forbidden' }] },
    { filename: at('main/hub/server/app.ts'), code: "import { app } from 'electron';", options: opts, errors: [{ messageId: 'forbidden' }] },
    { filename: at('main/print/ticket.ts'), code: "import { ipcMain } from 'electron/main';", options: opts, errors: [{ messageId: 'forbidden' }] },
    { filename: at('main/hub/server/x.ts'), code: "import { A } from '../../../renderer/kiosk/Kiosk.js';", options: opts, errors: [{ messageId: 'forbidden' }] },
    { filename: at('main/hub/queue/decide.ts'), code: "import { openLedger } from '../ledger/open.js';", options: opts, errors: [{ messageId: 'forbidden' }] },
    { filename: at('main/hub/queue/decide.ts'), code: "import { readFileSync } from 'node:fs';", options: opts, errors: [{ messageId: 'forbidden' }] },
    { filename: at('main/common/api.ts'), code: "export * from '../hub/queue/index.js';", options: opts, errors: [{ messageId: 'forbidden' }] },
    { filename: at('renderer/x.ts'), code: "const m = await import('../main/hub/queue/index.js');", options: opts, errors: [{ messageId: 'forbidden' }] },
  ],
});
