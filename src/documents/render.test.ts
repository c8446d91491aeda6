import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildPlan, samplePlan } from './forms/plan';
import { b, heading, p, type DocumentModel } from './model';
import { renderDocx } from './render-docx';
import { renderPdf, renderPdfMany } from './render-pdf';
import { fontLoadCount } from './pdf-fonts';
import { fontParseCount } from './pdf-shared-fonts';
import { documentNumberText } from './text';
import { A4_PORTRAIT, docxText, flat, pdfInfo, pdfText } from './test-support';

const sha = (x: Buffer): string => createHash('sha256').update(x).digest('hex');

function longModel(paragraphs: number): DocumentModel {
  return {
    meta: { title: 'Thử nghiệm', date: '2024-07-24' },
    blocks: [
      {
        kind: 'header',
        issuingBody: ['ỦY BAN NHÂN DÂN', 'PHƯỜNG 2'],
        number: { number: 5, symbol: 'QĐ-UBND' },
        placeDate: { place: 'Phường 2', date: '2024-02-05' },
      },
      { kind: 'title', text: 'quyết định', subtitle: ['Về việc thử'] },
      heading('I. NỘI DUNG'),
      ...Array.from({ length: paragraphs }, (_, n) =>
        p([
          `Đoạn ${n + 1}: người ứng cử `,
          b('Trần Thị Bích Ngọc'),
          ' được những người có mặt tán thành; chữ ờ, ữ, ậ, Đ hiển thị đúng.',
        ]),
      ),
      p('Chủ trì:', { fill: true }),
      {
        kind: 'signatures',
        recipients: ['- Như trên;', '- Lưu: VT.'],
        blocks: [{ authority: ['TM. ỦY BAN NHÂN DÂN'], title: 'Chủ tịch', name: 'Lê Thanh Bình' }],
      },
    ],
  };
}

describe('PDF renderer', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('prints Vietnamese diacritics with the embedded Liberation Serif', () => {
    const pdf = renderPdf(longModel(2));
    const text = flat(pdfText(pdf));
    expect(text).toContain('chữ ờ, ữ, ậ, Đ hiển thị đúng');
    expect(text).toContain('QUYẾT ĐỊNH');
    expect(text).toContain('Số: 05/QĐ-UBND');
    expect(text).toContain('Phường 2, ngày 05 tháng 02 năm 2024');
    expect(pdf.toString('latin1')).toMatch(/\/FontName \/[A-Z]{6}\+LiberationSerif-Bold/);
  });

  it('is deterministic: the same model gives the same bytes at another time', () => {
    const model = buildPlan(samplePlan());
    const first = sha(renderPdf(model));
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-05-06T07:08:09Z'));
    expect(sha(renderPdf(model))).toBe(first);
    expect(pdfText(renderPdf(model))).toBeTruthy();
  });

  it('stamps the model date as the creation date', () => {
    const out = execFileSync('pdfinfo', ['-isodates', '-'], { input: renderPdf(longModel(1)) }).toString(
      'utf8',
    );
    expect(out).toMatch(/CreationDate:\s+2024-07-24T00:00:00Z/);
  });

  it('ND30: A4 pages, page numbers from page 2 only', () => {
    const pdf = renderPdf(longModel(60));
    const info = pdfInfo(pdf);
    expect(info.pages).toBeGreaterThanOrEqual(3);
    expect(info.sizes.every((s) => s === A4_PORTRAIT)).toBe(true);
    const pages = pdfText(pdf).split('\f');
    expect(pages[0]?.trimStart().startsWith('ỦY BAN NHÂN DÂN')).toBe(true);
    expect(pages[1]?.trimStart().startsWith('2')).toBe(true);
    expect(pages[2]?.trimStart().startsWith('3')).toBe(true);
  });

  it('restarts page numbers for each document of a batch', () => {
    const one = longModel(60);
    const pdf = renderPdfMany([one, one], one.meta);
    const pages = pdfText(pdf)
      .split('\f')
      .filter((x) => x.trim() !== '');
    const n = pdfInfo(renderPdf(one)).pages;
    expect(pages.length).toBe(2 * n);
    expect(pages[n]?.trimStart().startsWith('ỦY BAN NHÂN DÂN')).toBe(true);
    expect(pages[n + 1]?.trimStart().startsWith('2')).toBe(true);
  });

  it('reads the font files once per process', () => {
    renderPdf(longModel(1));
    renderPdf(longModel(1));
    expect(fontLoadCount()).toBe(1);
  });

  it('parses the four faces once per process, however many documents', () => {
    renderPdf(longModel(1));
    renderPdf(buildPlan(samplePlan()));
    expect(fontParseCount()).toBe(1);
  });

  it('gives a document the same bytes and text whatever was rendered before it', () => {
    const name = (text: string): DocumentModel => ({
      meta: { title: 'Tên', date: '2024-07-24' },
      blocks: [p(text), p([b(text), ' và ', text])],
    });
    const nguyen = name('Nguyễn Thị Thủy, Nguyễn Văn Tỷ');
    const first = renderPdf(nguyen);
    // Letters typed decomposed (a base letter and a combining mark) lay the base glyph out with
    // other characters: a glyph met there first must not carry them into later documents.
    renderPdf(name('Ty\u0309 ta\u0309 y\u0303 ye\u0302\u0303 Nguye\u0302\u0303n'));
    renderPdf(longModel(3));
    const again = renderPdf(nguyen);
    expect(sha(again)).toBe(sha(first));
    expect(flat(pdfText(again))).toContain(
      'Nguyễn Thị Thủy, Nguyễn Văn Tỷ Nguyễn Thị Thủy, Nguyễn Văn Tỷ và',
    );
  });

  it('fills a blank with dots to the right margin', () => {
    const text = pdfText(renderPdf(longModel(1)));
    expect(text).toMatch(/Chủ trì: \.{40,}/);
  });
});

describe('DOCX renderer', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes the text in Times New Roman on A4 with ND30 margins and a page-number header', async () => {
    const docx = await renderDocx(longModel(3));
    const zip = await JSZip.loadAsync(docx);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('w:ascii="Times New Roman"');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:left="1701"/);
    expect(xml).toContain('<w:titlePg');
    const headers = Object.keys(zip.files).filter((n) => /^word\/header\d+\.xml$/.test(n));
    const headerXml = await Promise.all(
      headers.map((h) => zip.file(h)?.async('string') ?? Promise.resolve('')),
    );
    expect(headerXml.some((h) => h?.includes('PAGE'))).toBe(true);
    const text = flat(await docxText(docx));
    expect(text).toContain('Số: 05/QĐ-UBND');
    expect(text).toContain('chữ ờ, ữ, ậ, Đ hiển thị đúng');
  });

  it('is deterministic: fixed zip dates and core properties', async () => {
    const model = buildPlan(samplePlan());
    const first = sha(await renderDocx(model));
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-05-06T07:08:09Z'));
    const second = await renderDocx(model);
    expect(sha(second)).toBe(first);
    const core = (await (await JSZip.loadAsync(second)).file('docProps/core.xml')?.async('string')) ?? '';
    expect(core).toContain('2024-07-24T00:00:00Z');
  });

  it('turns a landscape model into a landscape section', async () => {
    const docx = await renderDocx({ ...longModel(1), orientation: 'landscape' });
    const xml = (await (await JSZip.loadAsync(docx)).file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
  });
});

describe('document number', () => {
  it('ND30: pads numbers under 10 and leaves room for a draft', () => {
    expect(documentNumberText({ number: 5, symbol: 'QĐ-UBND' })).toBe('Số: 05/QĐ-UBND');
    expect(documentNumberText({ number: 12, symbol: 'QĐ-UBND' })).toBe('Số: 12/QĐ-UBND');
    expect(documentNumberText({ number: null, symbol: 'KH-UBND' })).toMatch(/^Số: \u00a0{6}\/KH-UBND$/);
  });
});
