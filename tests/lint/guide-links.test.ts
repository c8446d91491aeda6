import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { linkTarget } from '../../src/web/features/guide/markdown';

/** The user guide as written: a chapter link or a picture that is not there shows as a dead link. */
describe('the user guide in docs/huong-dan', () => {
  const dir = new URL('../../docs/huong-dan/', import.meta.url);
  const files = readdirSync(dir);
  const pictures = new Set(readdirSync(new URL('anh/', dir)).map((f) => `anh/${f}`));

  it('has its table of contents and chapters', () => {
    expect(files).toContain('README.md');
    expect(files.filter((f) => /^\d\d-[a-z0-9-]+\.md$/.test(f)).length).toBeGreaterThanOrEqual(13);
  });

  it('links only chapters and pictures that exist', () => {
    for (const file of files.filter((f) => f.endsWith('.md'))) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      for (const [, href] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (href!.startsWith('anh/')) expect(pictures, `${file}: ${href}`).toContain(href);
        else if (linkTarget(href!).kind === 'chapter') expect(files, `${file}: ${href}`).toContain(href);
      }
    }
  });

  it('embeds every picture the e2e spec takes, and keeps no other', () => {
    const spec = readFileSync(new URL('../e2e/guide-screenshots.spec.ts', import.meta.url), 'utf8');
    const taken = [...spec.matchAll(/shot\(\w+, '([a-z0-9-]+)'\)|\$\{OUT\}([a-z0-9-]+)\.png/g)].map(
      (m) => `anh/${m[1] ?? m[2]}.png`,
    );
    const embedded = files
      .filter((f) => f.endsWith('.md'))
      .map((f) => readFileSync(new URL(f, dir), 'utf8'))
      .join('\n');
    for (const picture of taken) expect(embedded, picture).toContain(`(${picture})`);
    expect([...pictures].sort()).toEqual([...new Set(taken)].sort());
  });
});
