import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from './scripts/precompress';
import { serviceWorker } from './scripts/service-worker';

const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

// The web app lives in src/web and is built to dist/web, which the server serves (with the
// pre-compressed copies of each asset written by scripts/precompress.ts, and the app shell's
// service worker, sw.js, written by scripts/service-worker.ts).
export default defineConfig({
  root: 'src/web',
  plugins: [react(), serviceWorker('src/web/sw/service-worker.ts'), precompress(outDir)],
  build: { outDir: '../../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
