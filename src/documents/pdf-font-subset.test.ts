import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { FORMS } from './forms/index';
import { encodeTrueTypeSubset, type TrueTypeSubset } from './pdf-font-subset';
import { FONT_KEYS, fontBuffers } from './pdf-fonts';

interface Face {
  layout(text: string): { glyphs: { id: number }[] };
  createSubset(): TrueTypeSubset & { includeGlyph(id: number): number };
}
const fontkit = createRequire(import.meta.url)('fontkit') as { create(b: Buffer): Face };

/** Every character the sample forms print, and Vietnamese letters typed decomposed. */
const text = [
  ...new Set(
    JSON.stringify(FORMS.map((f) => f.sample())) + 'Nguye\u0302\u0303n Ty\u0309 ĐƯỢC ửa ỹ ~!@#$%^&*()_+{}|',
  ),
].join('');

describe('TrueType subset encoder', () => {
  it.each(FONT_KEYS)('writes what fontkit writes for the %s face', (key) => {
    const face = fontkit.create(fontBuffers()[key]);
    const ids = face.layout(text).glyphs.map((g) => g.id);
    for (const glyphs of [ids, ids.slice(0, 40), ids.slice(40).reverse(), []]) {
      const ours = face.createSubset();
      const theirs = face.createSubset();
      for (const id of glyphs) {
        ours.includeGlyph(id);
        theirs.includeGlyph(id);
      }
      expect(encodeTrueTypeSubset(ours).equals(Buffer.from(theirs.encode()))).toBe(true);
    }
  });
});
