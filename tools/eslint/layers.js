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
  if (p.startsWith('main/electron/')) return 'electron';
  if (p.startsWith('preload/')) return 'preload';
  if (p.startsWith('renderer/')) return 'renderer';
  return null;
}

// Which of our layers each layer may import (itself always allowed).
const ALLOWED_LAYERS = {
  common: [],
  queue: ['common'],
  hub: ['common', 'queue', 'print'],
  print: ['common'],
  electron: ['common', 'hub', 'print', 'queue'],
  preload: ['common'],
  renderer: ['common'],
};

// Packages only some layers may use: the Electron runtime, and Node's own modules.
function packageProblem(from, spec) {
  const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
  if ((pkg === 'electron' || pkg === 'electron-store') && from !== 'electron' && from !== 'preload') {
    return `only main/electron and preload may import '${pkg}'`;
  }
  if (NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(pkg)) {
    if (from === 'queue') return `the queue engine is pure: no '${spec}' (no I/O)`;
    if (from === 'renderer') return `the renderer runs in a browser: no '${spec}'`;
    if (from === 'common') return `common is isomorphic: no '${spec}'`;
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
    const from = layerOf(path.relative(root, file));
    if (!from) return {};
    // Tests next to the code may use the shared test support (temp hubs, fakes).
    const isTest = /\.test\.tsx?$/.test(file);
    function check(node, spec) {
      if (typeof spec !== 'string') return;
      let why = null;
      if (spec.startsWith('.') || spec.startsWith('/')) {
        const target = path.relative(root, path.resolve(path.dirname(file), spec));
        const to = layerOf(target) ?? (target.startsWith('..') ? 'outside' : 'other');
        const testSupport = isTest && target.split(path.sep).join('/').startsWith('tests/');
        if (!testSupport && to !== from && !ALLOWED_LAYERS[from].includes(to)) {
          why = `${from} may import only ${[from, ...ALLOWED_LAYERS[from]].join(', ')}`;
        }
      } else {
        why = packageProblem(from, spec);
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
