import { describe, expect, it } from 'vitest';
import { p, type DocumentModel } from './model';
import { qrRuns } from './pdf-stamp';
import { renderIssuedPdf, renderIssuedPdfMany, renderPdf } from './render-pdf';
import { flat, pdfInfo, pdfText, qrOfPdfPage } from './test-support';

const stamp = {
  code: 'ABCD-EFGH-JKMN',
  url: 'https://baucoso.example.vn/kiem-tra/ABCD-EFGH-JKMN',
  path: '/kiem-tra/ABCD-EFGH-JKMN',
  chainSeq: 4021,
};

function model(paragraphs: number, orientation: 'portrait' | 'landscape' = 'portrait'): DocumentModel {
  return {
    meta: { title: 'Biên bản thử', date: '2024-07-24' },
    orientation,
    blocks: Array.from({ length: paragraphs }, (_, n) =>
      p(`Đoạn ${n + 1}: nội dung biên bản kiểm phiếu, chữ ờ, ữ, ậ, Đ hiển thị đúng.`),
    ),
  };
}

describe('verification stamp on issued PDFs', () => {
  it('prints the code and the public path on every page, and a QR of the full address', () => {
    const pdf = renderIssuedPdf(model(90), stamp);
    const pages = pdfInfo(pdf).pages;
    expect(pages).toBeGreaterThan(2);
    const text = flat(pdfText(pdf));
    expect(text.match(/Mã kiểm tra: ABCD-EFGH-JKMN · sự kiện số 4021 trong nhật ký/g)).toHaveLength(pages);
    expect(text.match(/Kiểm tra văn bản tại \/kiem-tra\/ABCD-EFGH-JKMN hoặc quét mã QR/g)).toHaveLength(
      pages,
    );
    expect(qrOfPdfPage(pdf, 1)).toBe(stamp.url);
    expect(qrOfPdfPage(pdf, pages)).toBe(stamp.url);
  });

  it('stamps landscape pages and each document of a pack', () => {
    const pdf = renderIssuedPdfMany([model(2), model(2, 'landscape')], model(1).meta, stamp);
    expect(pdfInfo(pdf).pages).toBe(2);
    expect(qrOfPdfPage(pdf, 2)).toBe(stamp.url);
  });

  it('draws the QR as vector rectangles, no image', () => {
    const pdf = renderIssuedPdf(model(1), stamp);
    expect(pdf.toString('latin1')).not.toMatch(/\/Subtype\s*\/Image/);
    const { size, runs } = qrRuns(stamp.url);
    expect(size).toBeGreaterThanOrEqual(21);
    expect(runs.length).toBeGreaterThan(size);
  });

  it('leaves an unissued PDF (a preview) without a stamp, and is deterministic', () => {
    expect(pdfText(renderPdf(model(1)))).not.toContain('Mã kiểm tra');
    expect(qrOfPdfPage(renderPdf(model(1)), 1)).toBeNull();
    expect(renderIssuedPdf(model(3), stamp).equals(renderIssuedPdf(model(3), stamp))).toBe(true);
  });
});
