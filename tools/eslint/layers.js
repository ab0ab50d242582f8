// The layering rules of ARCHITECTURE.md as a lint rule, as VS Code keeps its layers apart:
// each folder is named for the runtime it runs in, and may import only what runs there too.
import path from 'node:path';
import { builtinModules } from 'node:module';

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** The layer a repository-relative path belongs to, or null when it is outside the layers. */
export function layerOf(rel) {
  const p = rel.split(path.sep).join('/');
  if (p.startsWith('main/common/')) return 'common';
  if (p.startsWith('main/hub/queue/')) return 'queue';
  if (p.startsWith('main/hub/')) return 'hub';
  if (p.startsWith('main/print/')) return 'print';
  if (p.startsWith('main/node/')) return 'node';
  if (p.startsWith('main/office/')) return 'office';
  if (p.startsWith('main/cli/') || p === 'main/cli.ts') return 'cli';
  if (p.startsWith('main/electron/')) return 'electron';
  if (p.startsWith('preload/')) return 'preload';
  if (p.startsWith('renderer/')) return 'renderer';
  return null;
}

// Which of our layers each layer may import (itself always allowed).
const ALLOWED_LAYERS = {
  common: [],
  queue: ['common'],
  hub: ['common', 'queue', 'print', 'node'],
  print: ['common'],
  // Plain Node shared by the hub and the head office (hash chain, PIN hashes, tokens): it
  // needs node:crypto, so it cannot live in common, which the renderer imports too.
  node: ['common'],
  // The head office is a service of its own: it shares common and node with the hub, never
  // the hub's internals (what both need moves to common or node).
  office: ['common', 'node'],
  cli: ['common', 'hub', 'print', 'queue', 'node', 'office'],
  electron: ['common', 'hub', 'print', 'queue'],
  preload: ['common'],
  renderer: ['common'],
};

// Packages only some layers may use: the Electron runtime, Node's own modules, the hub's
// server and storage, the renderer's screens; the pure layers take only zod.
const ELECTRON_PACKAGES = new Set(['electron', 'electron-store']);
// What serves, stores or drives hardware: the hub's, never a browser's.
const SERVER_PACKAGES = new Set(['fastify', 'better-sqlite3', 'serialport', 'ws', 'selfsigned']);
const SERVER_SCOPES = ['@fastify/', '@serialport/'];
// What draws a screen: the renderer's, never the hub's, the printer's or the command line's.
const UI_PACKAGES = new Set(['react', 'react-dom', 'react-router-dom', 'antd', 'echarts', 'i18next', 'react-i18next']);
const UI_SCOPES = ['@ant-design/'];
const NODE_SIDE = new Set(['hub', 'queue', 'print', 'cli', 'electron', 'node', 'office']);
// The only package the pure layers may use: their schemas are shared with every runtime.
const PURE_PACKAGES = new Set(['zod']);
// A test may use the test runner whatever layer it sits in.
const TEST_PACKAGES = new Set(['vitest', 'fast-check']);

function packageProblem(from, spec, isTest) {
  const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
  const inScope = (scopes) => scopes.some((s) => pkg.startsWith(s));
  if (ELECTRON_PACKAGES.has(pkg) && from !== 'electron' && from !== 'preload') {
    return `only main/electron and preload may import '${pkg}'`;
  }
  if (NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(pkg)) {
    if (from === 'queue') return `the queue engine is pure: no '${spec}' (no I/O)`;
    if (from === 'renderer') return `the renderer runs in a browser: no '${spec}'`;
    if (from === 'common') return `common is isomorphic: no '${spec}'`;
    return null;
  }
  if (isTest && TEST_PACKAGES.has(pkg)) return null;
  if ((from === 'queue' || from === 'common') && !PURE_PACKAGES.has(pkg)) {
    return `${from} is pure and isomorphic: of packages it may import only ${[...PURE_PACKAGES].join(', ')}`;
  }
  if (from === 'renderer' && (SERVER_PACKAGES.has(pkg) || inScope(SERVER_SCOPES))) {
    return `the renderer runs in a browser: '${pkg}' is the hub's`;
  }
  if (NODE_SIDE.has(from) && (UI_PACKAGES.has(pkg) || inScope(UI_SCOPES))) {
    return `${from} draws no screen: '${pkg}' is the renderer's`;
  }
  return null;
}

// Inside the hub, only the HTTP server may know HTTP: the domain modules (journal, checklists,
// printing…) are called by the server, never the other way round, and none imports it.
function hubServerProblem(fromRel, targetRel) {
  const inServer = (p) => p.startsWith('main/hub/server/');
  if (fromRel.startsWith('main/hub/') && !inServer(fromRel) && inServer(targetRel)) {
    return 'only main/hub/server may import main/hub/server: the domain knows nothing of HTTP';
  }
  return null;
}

export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep the layers of ARCHITECTURE.md apart' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: { forbidden: '{{from}} must not import {{spec}}: {{why}}' },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const file = context.filename;
    const fromRel = path.relative(root, file).split(path.sep).join('/');
    const from = layerOf(fromRel);
    if (!from) return {};
    // Tests next to the code may use the shared test support (temp hubs, fakes).
    const isTest = /\.test\.tsx?$/.test(file);
    function check(node, spec) {
      if (typeof spec !== 'string') return;
      let why = null;
      if (spec.startsWith('.') || spec.startsWith('/')) {
        const target = path.relative(root, path.resolve(path.dirname(file), spec)).split(path.sep).join('/');
        const to = layerOf(target) ?? (target.startsWith('..') ? 'outside' : 'other');
        const testSupport = isTest && target.startsWith('tests/');
        if (!testSupport && to !== from && !ALLOWED_LAYERS[from].includes(to)) {
          why = `${from} may import only ${[from, ...ALLOWED_LAYERS[from]].join(', ')}`;
        } else {
          why = hubServerProblem(fromRel, target);
        }
      } else {
        why = packageProblem(from, spec, isTest);
      }
      if (why) context.report({ node, messageId: 'forbidden', data: { from, spec, why } });
    }
    return {
      ImportDeclaration: (n) => check(n, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
      ExportAllDeclaration: (n) => check(n, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source.value),
      CallExpression: (n) =>
        n.callee.type === 'Identifier' && n.callee.name === 'require' && n.arguments[0]?.type === 'Literal' && check(n, n.arguments[0].value),
    };
  },
};

export default { rules: { layers: layersRule } };
