import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build } from 'esbuild';
import type { Plugin } from 'vite';

/** Files of the build a page never needs offline (the compressed copies are the server's business). */
const NOT_KEPT = /\.(br|gz|map)$|^sw\.js$/;

/**
 * Builds the app shell's service worker (src/web/sw/service-worker.ts) to sw.js at the root of the
 * build, with the list of the build's files to keep and a version that changes with them (the
 * hashed names change with their content; index.html is hashed here). Runs before precompress, so
 * sw.js gets its compressed copies too.
 */
export function serviceWorker(source: string): Plugin {
  let outDir = '';
  return {
    name: 'baucoso-service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    // Before precompress and waited for: its copies must include sw.js.
    closeBundle: {
      order: 'pre',
      sequential: true,
      handler: async () => {
        const walk = (dir: string): string[] =>
          readdirSync(dir).flatMap((f) => {
            const p = join(dir, f);
            return statSync(p).isDirectory() ? walk(p) : [p];
          });
        const files = walk(outDir)
          .map((p) => relative(outDir, p).split('\\').join('/'))
          .filter((f) => !NOT_KEPT.test(f))
          .sort();
        const version = createHash('sha256');
        for (const f of files) version.update(f);
        version.update(readFileSync(join(outDir, 'index.html')));
        await build({
          entryPoints: [source],
          bundle: true,
          format: 'iife',
          minify: true,
          target: 'es2022',
          outfile: join(outDir, 'sw.js'),
          define: {
            __BAUCOSO_PRECACHE__: JSON.stringify(files.map((f) => `/${f}`)),
            __BAUCOSO_VERSION__: JSON.stringify(version.digest('hex').slice(0, 16)),
          },
        });
      },
    },
  };
}
