/** Helpers for the document tests: text of a PDF via poppler, text of a DOCX via jszip. */
import { execFileSync } from 'node:child_process';
import JSZip from 'jszip';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

export function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf })
    .toString('utf8')
    .normalize('NFC');
}

export function pdfInfo(pdf: Buffer): { pages: number; sizes: string[] } {
  const out = execFileSync('pdfinfo', ['-l', '9999', '-'], { input: pdf }).toString('utf8');
  const pages = Number(/^Pages:\s+(\d+)/m.exec(out)?.[1] ?? '0');
  const sizes = [...out.matchAll(/^Page\s+\d+ size:\s+([\d.]+ x [\d.]+)/gm)].map((m) => m[1] ?? '');
  return { pages, sizes };
}

/** Collapse whitespace so phrases broken across lines still match. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

export async function docxText(docx: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}

export const A4_PORTRAIT = '595.28 x 841.89';
export const A4_LANDSCAPE = '841.89 x 595.28';

/** Renders one page of a PDF at 150 dpi (as a phone photographs paper) and decodes its QR code. */
export function qrOfPdfPage(pdf: Buffer, page: number): string | null {
  const png = execFileSync('pdftoppm', ['-png', '-r', '150', '-f', String(page), '-l', String(page), '-'], {
    input: pdf,
    maxBuffer: 64 * 1024 * 1024,
  });
  const image = PNG.sync.read(png);
  const found = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  return found?.data ?? null;
}
