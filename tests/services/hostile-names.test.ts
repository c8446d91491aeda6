import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { FORMS } from '../../src/documents/forms';
import { renderDocx } from '../../src/documents/render-docx';
import { renderPdf } from '../../src/documents/render-pdf';
import { docxText, flat, pdfText } from '../../src/documents/test-support';

// User-supplied text in documents is data, never markup: a name with HTML or XML in it must come
// out of the PDF as the same characters and be escaped in the DOCX XML (not a new element).
const HOSTILE = '<script>alert(1)</script>';
const XML_BREAKER = 'Lê & "Võ" </w:t><w:t>X';

/** The sample data of a form with every person or place name replaced by `value`. */
function withNames(data: unknown, value: string): unknown {
  if (Array.isArray(data)) return data.map((d) => withNames(d, value));
  if (typeof data !== 'object' || data === null) return data;
  return Object.fromEntries(
    Object.entries(data).map(([k, v]) => [
      k,
      typeof v === 'string' && /name$/i.test(k) ? value : withNames(v, value),
    ]),
  );
}

describe('names with markup in documents', () => {
  const names = ['voter-roll', 'candidate-list', 'election-team-decision', 'count-record'];
  for (const id of names) {
    it(`${id}: the PDF shows the literal text and the DOCX escapes it`, async () => {
      const form = FORMS.find((f) => f.id === id)!;
      for (const value of [HOSTILE, XML_BREAKER]) {
        const model = form.build(withNames(form.sample(), value));
        const pdf = flat(pdfText(renderPdf(model)));
        expect(pdf).toContain(value);
        const docx = await renderDocx(model);
        const xml = (await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string')) ?? '';
        expect(xml).not.toContain('<script>');
        expect(xml).not.toContain('</w:t><w:t>X');
        expect(xml).toContain(value === HOSTILE ? '&lt;script&gt;alert(1)&lt;/script&gt;' : 'Lê &amp; ');
        expect(flat(await docxText(docx))).toContain(value);
      }
    });
  }
});
