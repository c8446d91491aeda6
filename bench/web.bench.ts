/**
 * The commune page on a poor network (issue 20, part 4): how long until an officer can use it on
 * emulated slow 3G (400 kbit/s down, 400 ms round trip, Chrome DevTools' "Slow 3G"), cold (empty
 * browser cache) and warm (a revisit: hashed assets from the cache, index.html and the API asked
 * again). "Usable" is the commune's heading on screen with the hamlets listed.
 *
 * Also the JavaScript the cold load fetched (bytes on the wire, compressed) and how many files.
 *
 * Needs the built web app (npx vite build --config vite.config.ts) and Chromium.
 * Run: npx tsx bench/web.bench.ts [--port 4690] [--web-root DIR] [--rounds 3]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { buildServer } from '../src/server/app';
import { createContext, demo } from '../src/services';
import { migrateToLatest, openStore } from '../src/store';
import { figure, since } from './format';

const arg = (name: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const port = Number(arg('--port') ?? 4690);
const webRoot = arg('--web-root');
const rounds = Number(arg('--rounds') ?? 3);
const SLOW_3G = {
  offline: false,
  latency: 400,
  downloadThroughput: (400 * 1000) / 8,
  uploadThroughput: (400 * 1000) / 8,
};

const dir = mkdtempSync(join(tmpdir(), 'baucoso-web-bench-'));
const store = openStore({ kind: 'sqlite', file: join(dir, 'bench.db') });
await migrateToLatest(store);
const ctx = createContext(store);
await demo.loadDemo(ctx);
const app = await buildServer(ctx, webRoot ? { webRoot } : {});
await app.listen({ port, host: '127.0.0.1' });
const base = `http://127.0.0.1:${port}`;

const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** One round in a fresh browser context (empty cache): cold, then warm, and the cold load's scripts. */
async function round() {
  // Without the app shell's service worker: it would keep every file while the login page is open
  // on the fast link, and DevTools' throttling does not reach its own fetches. The figures are a
  // first visit (which has no worker yet) and a revisit served by the HTTP cache.
  const context = await browser.newContext({ locale: 'vi-VN', serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    // Log in on a fast network: the figure is the commune page, not the login form.
    await page.goto(base);
    await page.getByLabel('Tên đăng nhập').fill('ubnd.phuong2');
    await page.getByLabel('Mật khẩu').fill('baucoso2024');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Phường 2 Bảo Lộc' }).waitFor();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const scripts = new Set<string>();
    let scriptBytes = 0;
    cdp.on('Network.responseReceived', (e) => {
      if (e.type === 'Script') scripts.add(e.requestId);
    });
    cdp.on('Network.loadingFinished', (e) => {
      if (scripts.has(e.requestId)) scriptBytes += e.encodedDataLength;
    });
    const usable = async () => {
      const start = process.hrtime.bigint();
      await page.goto(`${base}/xa/24820`, { waitUntil: 'commit' });
      await page.getByRole('heading', { name: 'Phường 2 Bảo Lộc' }).waitFor({ timeout: 120_000 });
      await page.getByRole('link', { name: 'Khu phố 1', exact: true }).waitFor({ timeout: 120_000 });
      return since(start);
    };
    await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
    await cdp.send('Network.clearBrowserCache');
    const cold = await usable();
    const coldScripts = { files: scripts.size, bytes: scriptBytes };
    const warm = await usable();
    return { cold, warm, ...coldScripts };
  } finally {
    await context.close();
  }
}

try {
  const runs = [];
  for (let i = 0; i < rounds; i++) runs.push(await round());
  const cold = median(runs.map((r) => r.cold));
  const warm = median(runs.map((r) => r.warm));
  console.log(
    `rounds: ${runs.map((r) => `cold ${r.cold.toFixed(2)} s, warm ${r.warm.toFixed(2)} s`).join('; ')}`,
  );
  figure({
    name: 'JavaScript fetched by the cold load (on the wire)',
    value: (runs[0]?.bytes ?? 0) / 1024,
    unit: 'KiB',
    digits: 0,
  });
  figure({ name: 'script files fetched by the cold load', value: runs[0]?.files ?? 0, unit: '', digits: 0 });
  figure({
    name: 'commune page usable, slow 3G, cold',
    value: cold,
    unit: 's',
    digits: 1,
    goals: [{ kind: 'max', value: 8 }],
  });
  figure({
    name: 'commune page usable, slow 3G, warm',
    value: warm,
    unit: 's',
    digits: 1,
    goals: [{ kind: 'max', value: 2 }],
  });
} finally {
  await browser.close();
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
