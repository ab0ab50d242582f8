// Vite config for the one web app behind every role's screen. Run from the repo root with
// `--config renderer/vite.config.ts`; the hub serves the output from out/renderer.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// URL, not node:path, so that this file type-checks with the renderer's DOM-only lib.
const here = new URL('.', import.meta.url).pathname;
const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};
const hub = env.ATRIUM_HUB ?? 'http://127.0.0.1:8080';
// ATRIUM_RENDERER_DIR builds elsewhere (the hub reads the same variable): lets two checkouts'
// test runs on one machine each serve their own build.
const outDir = env.ATRIUM_RENDERER_DIR ?? new URL('../out/renderer/', import.meta.url).pathname;

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
  },
  server: {
    // In development the API and the live feed come from a hub running separately.
    proxy: { '/api': { target: hub, ws: true, changeOrigin: true } },
  },
});
