/**
 * Liberation Serif (metric-compatible with Times New Roman, which ND30 requires) for the PDF
 * renderer. Each file is read once per process and the same Buffer is handed to every document.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type FontKey = 'regular' | 'bold' | 'italic' | 'boldItalic';

const FILES: Readonly<Record<FontKey, string>> = {
  regular: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italic: 'LiberationSerif-Italic.ttf',
  boldItalic: 'LiberationSerif-BoldItalic.ttf',
};

export const FONT_KEYS: readonly FontKey[] = ['regular', 'bold', 'italic', 'boldItalic'];

const FONT_DIR = fileURLToPath(new URL('../../assets/fonts/', import.meta.url));

let cache: Readonly<Record<FontKey, Buffer>> | undefined;
let loads = 0;

export function fontBuffers(): Readonly<Record<FontKey, Buffer>> {
  if (cache === undefined) {
    loads++;
    cache = {
      regular: readFileSync(FONT_DIR + FILES.regular),
      bold: readFileSync(FONT_DIR + FILES.bold),
      italic: readFileSync(FONT_DIR + FILES.italic),
      boldItalic: readFileSync(FONT_DIR + FILES.boldItalic),
    };
  }
  return cache;
}

/** How many times the font files were read from disk (tests check it stays at one). */
export function fontLoadCount(): number {
  return loads;
}

export function fontKeyOf(bold: boolean, italic: boolean): FontKey {
  if (bold) return italic ? 'boldItalic' : 'bold';
  return italic ? 'italic' : 'regular';
}
