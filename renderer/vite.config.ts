// Vite config for the one web app behind every role's screen. Run from the repo root with
// `--config renderer/vite.config.ts`; the hub serves the output from out/renderer.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// URL, not node:path, so that this file type-checks with the renderer's DOM-only lib.
const here = new URL('.', import.meta.url).pathname;
const hub = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.ATRIUM_HUB ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  build: {
    outDir: new URL('../out/renderer/', import.meta.url).pathname,
    emptyOutDir: true,
  },
  server: {
    // In development the API and the live feed come from a hub running separately.
    proxy: { '/api': { target: hub, ws: true, changeOrigin: true } },
  },
});
