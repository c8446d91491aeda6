/**
 * The verification stamp of an issued document: on every page, a small line at the foot with the
 * code and the public page's path, and a QR code of the full address in the bottom-right corner.
 * The QR is drawn as vector rectangles (one per run of dark modules), so it prints sharp at any
 * size and the same stamp always gives the same bytes.
 */
import QRCode from 'qrcode';
import { forgetFont, useFont, type Doc } from './pdf-text';

export interface PdfStamp {
  /** The document's verification code, XXXX-XXXX-XXXX. */
  readonly code: string;
  /** The full address of its public page, encoded in the QR. */
  readonly url: string;
  /** The path printed beside the code, /kiem-tra/XXXX-XXXX-XXXX. */
  readonly path: string;
  /** The sequence number the issuing event takes in the audit chain. */
  readonly chainSeq: number;
}

declare const stamped: unique symbol;
/** A PDF that carries a verification stamp on every page: what the document registry stores. */
export type StampedPdf = Buffer & { readonly [stamped]: true };

const MM = 72 / 25.4;
const QR_SIDE_MM = 17;
const EDGE_MM = 2;
const TEXT_SIZE = 8;

/** The QR's dark modules as horizontal runs: [row, first column, length]. */
export function qrRuns(text: string): { size: number; runs: [number, number, number][] } {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const runs: [number, number, number][] = [];
  for (let r = 0; r < size; r++) {
    let start = -1;
    for (let c = 0; c <= size; c++) {
      const dark = c < size && qr.modules.get(r, c) === 1;
      if (dark && start < 0) start = c;
      if (!dark && start >= 0) {
        runs.push([r, start, c - start]);
        start = -1;
      }
    }
  }
  return { size, runs };
}

/** Draws the stamp on the current page, in the bottom margin. */
export function drawStamp(doc: Doc, stamp: PdfStamp, leftMargin: number, rightMargin: number): void {
  const pageWidth = doc.page.width;
  const pageHeight = doc.page.height;
  const side = QR_SIDE_MM * MM;
  const qrLeft = pageWidth - rightMargin - side;
  const qrTop = pageHeight - EDGE_MM * MM - side;
  const { size, runs } = qrRuns(stamp.url);
  const module = side / size;
  doc.save();
  for (const [r, c, n] of runs) doc.rect(qrLeft + c * module, qrTop + r * module, n * module, module);
  doc.fillColor('black').fill();
  doc.restore();
  forgetFont(doc);
  useFont(doc, 'regular', TEXT_SIZE);
  const width = qrLeft - leftMargin - 3 * MM;
  const lines = [
    `Mã kiểm tra: ${stamp.code} · sự kiện số ${stamp.chainSeq} trong nhật ký`,
    `Kiểm tra văn bản tại ${stamp.path} hoặc quét mã QR`,
  ];
  const leading = TEXT_SIZE * 1.3;
  const top = pageHeight - EDGE_MM * MM - lines.length * leading;
  lines.forEach((line, n) =>
    doc
      .fillColor('black')
      .text(line, leftMargin, top + n * leading, { lineBreak: false, width, ellipsis: true }),
  );
  forgetFont(doc);
}
