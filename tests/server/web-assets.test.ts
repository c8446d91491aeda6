import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer, cacheControlFor } from '../../src/server/app';
import { createContext } from '../../src/services';
import { migrateToLatest, openStore } from '../../src/store';
import type { Store } from '../../src/store';

let store: Store;
let app: FastifyInstance;
let root = '';
const script = `console.log(${JSON.stringify('baucoso '.repeat(500))});`;

beforeAll(async () => {
  // A built web app as vite and scripts/precompress.ts leave it: hashed assets with .br and .gz copies.
  root = mkdtempSync(join(tmpdir(), 'baucoso-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><script src="/assets/index-B0nR17ur.js"></script>');
  writeFileSync(join(root, 'assets', 'index-B0nR17ur.js'), script);
  writeFileSync(join(root, 'assets', 'index-B0nR17ur.js.gz'), gzipSync(script));
  writeFileSync(join(root, 'assets', 'index-B0nR17ur.js.br'), brotliCompressSync(script));
  writeFileSync(join(root, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(root, 'manifest.webmanifest'), '{"name":"Bầu Trưởng thôn"}');
  store = openStore({ kind: 'sqlite', file: ':memory:' });
  await migrateToLatest(store);
  app = await buildServer(createContext(store), { webRoot: root });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await store.close();
  rmSync(root, { recursive: true, force: true });
});

it('sends a hashed asset compressed, as the browser accepts, and cached for good', async () => {
  const gz = await app.inject({ url: '/assets/index-B0nR17ur.js', headers: { 'accept-encoding': 'gzip' } });
  expect(gz.statusCode).toBe(200);
  expect(gz.headers['content-encoding']).toBe('gzip');
  expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(gunzipSync(gz.rawPayload).toString()).toBe(script);
  const br = await app.inject({
    url: '/assets/index-B0nR17ur.js',
    headers: { 'accept-encoding': 'br, gzip' },
  });
  expect(br.headers['content-encoding']).toBe('br');
  expect(br.rawPayload.length).toBeLessThan(script.length / 5);
  const plain = await app.inject({
    url: '/assets/index-B0nR17ur.js',
    headers: { 'accept-encoding': 'identity' },
  });
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.body).toBe(script);
});

it('asks for index.html and the client routes again every time, so a new version shows at once', async () => {
  for (const url of ['/', '/index.html', '/thon/abc']) {
    const res = await app.inject(url);
    expect(res.statusCode, url).toBe(200);
    expect(res.headers['cache-control'], url).toBe('no-cache');
  }
});

it('only a name with a build hash under assets/ is immutable', () => {
  expect(cacheControlFor('/srv/web/assets/index-B0nR17ur.js')).toMatch(/immutable/);
  expect(cacheControlFor('/srv/web/assets/index-B0nR17ur.css.br')).toMatch(/immutable/);
  expect(cacheControlFor('/srv/web/index.html')).toBe('no-cache');
  expect(cacheControlFor('/srv/web/favicon.svg')).toBe('no-cache');
});

it('serves the service worker and the manifest of the installable app, asked for again every time', async () => {
  const sw = await app.inject('/sw.js');
  expect(sw.statusCode).toBe(200);
  expect(sw.headers['content-type']).toMatch(/javascript/);
  // A new build's worker must be seen at the next visit, not a year later.
  expect(sw.headers['cache-control']).toBe('no-cache');
  const manifest = await app.inject('/manifest.webmanifest');
  expect(manifest.statusCode).toBe(200);
  expect(manifest.headers['content-type']).toMatch(/manifest\+json/);
  expect(manifest.headers['cache-control']).toBe('no-cache');
});
