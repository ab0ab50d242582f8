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
    // Ant Design is one chunk of about 1 MB by design (only staff screens load it, once).
    chunkSizeWarningLimit: 1100,
    rolldownOptions: {
      output: {
        // Each screen is a lazy route (App.tsx); these groups name the big libraries' chunks so
        // that the staff screens share one copy of each, and so that tests/e2e/chunks.spec.ts and
        // bench/screens.ts can tell that a kiosk or display never fetches them. The patterns
        // name only these libraries' own packages: a shared helper caught here would drag the
        // whole chunk into the kiosk.
        codeSplitting: {
          groups: [
            // First, so that antd's group (which takes its dependencies along) leaves React to every screen.
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|cookie|set-cookie-parser)[\\/]/, priority: 3 },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+)[\\/]/, priority: 2 },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    // In development the API and the live feed come from a hub running separately.
    proxy: { '/api': { target: hub, ws: true, changeOrigin: true } },
  },
});
