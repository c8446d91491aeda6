/**
 * Web figures (issue 11): the JavaScript shipped to the browser (gzip) and the time to first render
 * of the commune dashboard on localhost in Debian Chromium, next to references measured in the same
 * run: the gzip size of the JavaScript the first page actually loads (index.html's script and its
 * preloads) against all of it, and a blank page served by the same server against the dashboard.
 *
 * Run: npx vite build --config vite.config.ts --outDir /tmp/web-bench --emptyOutDir
 *      npx tsx bench/web.bench.ts --web-root /tmp/web-bench [--rounds N]
 * On national-scale data (pages stay responsive, issue 9): load it into a SQLite folder first
 *   (BAUCOSO_DATA_DIR=DIR npx baucoso demo national; npx baucoso users add --username quantri ...),
 *   then add --data-dir DIR --user quantri --password P: the national page (/tinh), the province
 *   page (/tinh/68) and the first commune's dashboard are timed as that user.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { buildServer } from '../src/server/app';
import { createContext, demo } from '../src/services';
import { migrateToLatest, openStore } from '../src/store';
import { figure, percentile } from './format';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const webRoot = arg('--web-root') ?? '/tmp/web-bench';
const ROUNDS = Number(arg('--rounds') ?? 10);
const dataDir = arg('--data-dir');
const user = arg('--user') ?? 'ubnd.phuong2';
const password = arg('--password') ?? 'baucoso2024';

function gz(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)],
  );
}

/** All JavaScript of the build, and what index.html loads before the first render. */
function sizes(): { all: number; files: number; initial: number } {
  const js = walk(webRoot).filter((f) => f.endsWith('.js'));
  const html = readFileSync(join(webRoot, 'index.html'), 'utf8');
  const loaded = [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => join(webRoot, m[1]!));
  return {
    all: js.reduce((n, f) => n + gz(f), 0),
    files: js.length,
    initial: loaded.reduce((n, f) => n + gz(f), 0),
  };
}

async function main(): Promise<void> {
  const s = sizes();
  figure({
    name: `JavaScript shipped, all ${s.files} files (gzip)`,
    value: s.all / 1024,
    unit: 'KiB',
    reference: { name: 'loaded by the first page', value: s.initial / 1024, unit: 'KiB' },
  });

  const dir = mkdtempSync(join(tmpdir(), 'baucoso-web-bench-'));
  const store = openStore({
    kind: 'sqlite',
    file: join(dataDir ?? dir, dataDir ? 'baucoso.sqlite' : 'web.sqlite'),
  });
  await migrateToLatest(store);
  const ctx = createContext(store);
  if (!dataDir) await demo.loadDemo(ctx);
  const commune = dataDir
    ? (
        await store.db
          .selectFrom('hamlets')
          .select('commune_id')
          .orderBy('commune_id')
          .limit(1)
          .executeTakeFirstOrThrow()
      ).commune_id
    : '24820';
  // The reference page: the same server, the same static files path, nothing to run.
  writeFileSync(join(webRoot, 'blank.html'), '<!doctype html><html><body><p id="x">x</p></body></html>');
  const app = await buildServer(ctx, { webRoot });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const context = await browser.newContext();
    const login = await context.request.post(`${base}/api/auth/login`, {
      data: { username: user, password },
    });
    if (!login.ok()) throw new Error(`login ${login.status()}`);
    const page = await context.newPage();
    const time = async (url: string, selector: string) => {
      await page.goto('about:blank');
      const t = performance.now();
      await page.goto(url, { waitUntil: 'commit' });
      await page.locator(selector).first().waitFor({ state: 'visible', timeout: 30_000 });
      return performance.now() - t;
    };
    const pages: [string, string, string][] = [
      ['commune dashboard', `/xa/${commune}/tien-do`, '[data-testid="commune-dashboard"] tbody tr'],
      ...(dataDir
        ? ([
            ['national page (/tinh)', '/tinh', '[data-testid="national-rollup"] tbody tr'],
            ['province page (/tinh/68)', '/tinh/68', '[data-testid="province-dashboard"] tbody tr'],
          ] as [string, string, string][])
        : []),
    ];
    const blank: number[] = [];
    const runs = pages.map(() => [] as number[]);
    for (const [, path, selector] of pages) await time(`${base}${path}`, selector); // warm-up
    for (let i = 0; i < ROUNDS; i++) {
      blank.push(await time(`${base}/blank.html`, '#x'));
      for (const [k, [, path, selector]] of pages.entries())
        runs[k]!.push(await time(`${base}${path}`, selector));
    }
    blank.sort((a, b) => a - b);
    for (const [k, [name]] of pages.entries()) {
      const sorted = runs[k]!.sort((a, b) => a - b);
      for (const p of [50, 95] as const)
        figure({
          name: `first render of the ${name}${dataDir ? ' (national data)' : ''}, p${p}`,
          value: percentile(sorted, p),
          unit: 'ms',
          reference: { name: `blank page p${p}`, value: percentile(blank, p), unit: 'ms' },
        });
    }
  } finally {
    await browser.close();
    await app.close();
    await store.close();
    rmSync(join(webRoot, 'blank.html'), { force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
