import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|map|woff)$/;

/**
 * Writes a Brotli (.br) and a gzip (.gz) copy of every text asset of the build, once, at the highest
 * level: the server sends the copy the browser accepts (@fastify/static `preCompressed`) and spends no
 * CPU per request. On a slow 3G link the 1 MB script becomes about 300 kB (gzip) or 250 kB (Brotli).
 */
export function precompress(defaultOutDir: string): Plugin {
  // The folder the build actually wrote (`vite build --outDir DIR` overrides the configured one).
  let outDir = defaultOutDir;
  return {
    name: 'baucoso-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((f) => {
          const p = join(dir, f);
          return statSync(p).isDirectory() ? walk(p) : [p];
        });
      for (const file of walk(outDir)) {
        if (!COMPRESSIBLE.test(file)) continue;
        const bytes = readFileSync(file);
        if (bytes.length < 1024) continue;
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}
