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
    // Inside the hub: the server imports the domain, and the domain its own modules and common.
    { filename: at('main/hub/server/routes/journal.ts'), code: "import { addComplaint } from '../../journal/complaints.js';", options: opts },
    { filename: at('main/hub/journal/x.ts'), code: "import { DomainError } from '../../common/errors.js'; import type { Principal } from '../auth/principal.js';", options: opts },
    // Packages: each runtime its own; a test its runner.
    { filename: at('main/hub/queue/decide.ts'), code: "import { z } from 'zod';", options: opts },
    { filename: at('main/hub/queue/decide.test.ts'), code: "import { expect } from 'vitest'; import fc from 'fast-check';", options: opts },
    { filename: at('main/hub/ledger/open.ts'), code: "import Database from 'better-sqlite3'; import Fastify from 'fastify'; import helmet from '@fastify/helmet';", options: opts },
    { filename: at('main/print/printer.ts'), code: "import { SerialPort } from 'serialport'; import receiptline from 'receiptline';", options: opts },
    { filename: at('renderer/admin/Admin.tsx'), code: "import { Button } from 'antd'; import { useTranslation } from 'react-i18next'; import * as echarts from 'echarts/core';", options: opts },
    { filename: at('main/cli.ts'), code: "import { startHub } from './hub/server/start.js'; import { parseArgs } from 'node:util';", options: opts },
    // The head office: common and the shared plain-Node modules, its own packages.
    { filename: at('main/office/server.ts'), code: "import { eventHash } from '../node/chain-hash.js'; import { z } from 'zod'; import { PGlite } from '@electric-sql/pglite'; import Fastify from 'fastify';", options: opts },
    { filename: at('main/hub/ledger/verify-chain.ts'), code: "import { ChainChecker } from '../../node/chain-check.js';", options: opts },
    { filename: at('main/node/chain-hash.ts'), code: "import { canonicalJson } from '../common/canonical.js'; import { createHash } from 'node:crypto';", options: opts },
  ],
  invalid: [
    // The office never reaches into the hub, nor the hub into the office, nor node into either.
    { filename: at('main/office/x.ts'), code: "import { openLedger } from '../hub/ledger/index.js';", options: opts, errors: [{ messageId: 'forbidden' }] },
    { filename: at('main/hub/office-link/x.ts'), code: "import { ingest } from '../../office/ingest.js';", options: opts, errors: [{ messageId: 'forbidden' }] },
    { filename: at('main/node/x.ts'), code: "import { Hub } from '../hub/lobby/hub.js';", options: opts, errors: [{ messageId: 'forbidden' }] },
    { filename: at('main/office/x.ts'), code: "import React from 'react';", options: opts, errors: [{ messageId: 'forbidden' }] },
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
    // The queue is pure: no storage package, even for a type.
    {
      filename: at('main/hub/queue/x.ts'),
      code: "import Database from 'better-sqlite3';",
      options: opts,
      errors: [{ messageId: 'forbidden', data: { from: 'queue', spec: 'better-sqlite3', why: 'queue is pure and isomorphic: of packages it may import only zod' } }],
    },
    // The renderer runs in a browser: no server package.
    {
      filename: at('renderer/x.ts'),
      code: "import Fastify from 'fastify';",
      options: opts,
      errors: [{ messageId: 'forbidden', data: { from: 'renderer', spec: 'fastify', why: "the renderer runs in a browser: 'fastify' is the hub's" } }],
    },
    // The domain knows nothing of HTTP: only the server imports the server.
    {
      filename: at('main/hub/journal/x.ts'),
      code: "import { guard } from '../server/guard.js';",
      options: opts,
      errors: [{ messageId: 'forbidden', data: { from: 'hub', spec: '../server/guard.js', why: 'only main/hub/server may import main/hub/server: the domain knows nothing of HTTP' } }],
    },
    // The same rules for the rest: a test is no exception, scoped packages count, and no
    // runtime but the renderer draws a screen.
    { filename: at('main/hub/journal/x.test.ts'), code: "import { startHub } from '../server/start.js';", options: opts, errors: [{ messageId: 'forbidden' }] },
    { filename: at('main/common/x.ts'), code: "import type { FastifyInstance } from 'fastify';", options: opts, errors: [{ messageId: 'forbidden' }] },
    { filename: at('renderer/x.ts'), code: "import websocket from '@fastify/websocket'; import { WebSocketServer } from 'ws';", options: opts, errors: [{ messageId: 'forbidden' }, { messageId: 'forbidden' }] },
    { filename: at('main/hub/reports/x.ts'), code: "import { createElement } from 'react';", options: opts, errors: [{ messageId: 'forbidden' }] },
    { filename: at('main/cli/x.ts'), code: "import { Table } from 'antd'; import { SmileOutlined } from '@ant-design/icons';", options: opts, errors: [{ messageId: 'forbidden' }, { messageId: 'forbidden' }] },
  ],
});
