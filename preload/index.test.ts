import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import ts from 'typescript';
import { BRIDGE_CHANNELS, IPC_CHANNELS } from '../main/common/ipc.js';

// The sandbox gives the preload only contextBridge and ipcRenderer; so does this stand-in.
const fake = vi.hoisted(() => {
  const state = { exposed: new Map<string, unknown>() };
  const ipcRenderer = { invoke: vi.fn(async (..._args: unknown[]) => undefined as unknown), send: vi.fn(), on: vi.fn() };
  const contextBridge = { exposeInMainWorld: vi.fn((key: string, api: unknown) => void state.exposed.set(key, api)) };
  return { state, ipcRenderer, contextBridge };
});
vi.mock('electron', () => ({ ...fake, default: fake }));

let bridge: Record<string, unknown>;

beforeAll(async () => {
  await import('./index.js');
  bridge = fake.state.exposed.get('atrium') as Record<string, unknown>;
});

describe('preload bridge', () => {
  it('exposes one object, window.atrium, and nothing else', () => {
    expect([...fake.state.exposed.keys()]).toEqual(['atrium']);
  });

  it('has exactly one function per channel of the contract: no ipcRenderer, no extra keys', () => {
    expect(Object.keys(bridge).sort()).toEqual(Object.keys(BRIDGE_CHANNELS).sort());
    expect(new Set(Object.values(BRIDGE_CHANNELS))).toEqual(new Set(IPC_CHANNELS));
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
    expect(Object.values(bridge)).not.toContain(fake.ipcRenderer);
    expect(Object.values(bridge)).not.toContain(fake.ipcRenderer.invoke);
  });

  it.each(Object.entries(BRIDGE_CHANNELS))('%s invokes %s with the request only', async (method, channel) => {
    fake.ipcRenderer.invoke.mockClear();
    fake.ipcRenderer.invoke.mockResolvedValueOnce('answer');
    const request = { pairingCode: 'ABCD2345' };
    const answer = await (bridge[method] as (...a: unknown[]) => Promise<unknown>)(request, 'smuggled', () => 'callback');
    expect(answer).toBe('answer');
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledTimes(1);
    const args = fake.ipcRenderer.invoke.mock.calls[0]!;
    expect(args[0]).toBe(channel);
    // A page can pass nothing beyond the one request object the contract allows.
    expect(args.length).toBeLessThanOrEqual(2);
    if (args.length === 2) expect(args[1]).toBe(request);
    expect(fake.ipcRenderer.send).not.toHaveBeenCalled();
  });

  it('compiles to CommonJS that requires nothing but electron (all the sandbox allows)', () => {
    const source = readFileSync(new URL('./index.ts', import.meta.url), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
    });
    const required = [...outputText.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(required).toEqual(['electron']);
    expect(outputText).not.toMatch(/\bimport\s*\(|^\s*import\s/m);
  });
});
