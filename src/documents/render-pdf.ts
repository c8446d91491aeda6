/**
 * PDF renderer: draws a DocumentModel on A4 pages with the ND30 layout, Liberation Serif embedded.
 * Output is deterministic: the creation date comes from the model and pdfkit derives the file ID
 * from the info dictionary, so the same model always gives the same bytes.
 */
import PDFDocument from 'pdfkit';
import {
  DEFAULT_BODY_SIZE,
  LANDSCAPE_MARGINS,
  NATIONAL_MOTTO,
  NATIONAL_TITLE,
  PAGE,
  cellRuns,
  type BasisBlock,
  type Block,
  type CardItem,
  type CardsBlock,
  type DocumentModel,
  type HeaderBlock,
  type HeadingBlock,
  type Inline,
  type ParagraphBlock,
  type SignatureBlock,
  type SignaturesBlock,
  type TableBlock,
  type TableColumn,
  type Cell,
  type TitleBlock,
} from './model';
import { useSharedFonts } from './pdf-shared-fonts';
import { drawStamp, type PdfStamp, type StampedPdf } from './pdf-stamp';
import {
  drawLaidOut,
  forgetFont,
  layout,
  lineHeight,
  measure,
  useFont,
  type Doc,
  type LaidOut,
} from './pdf-text';
import { documentNumberText, placeDateText, upper } from './text';
import { parseCivilDate } from './words';

export const MM = 72 / 25.4;
const INDENT = 12.7 * MM;
const RULE_WIDTH = 0.6;

interface Frame {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly width: number;
}

function frameOf(orientation: 'portrait' | 'landscape'): Frame {
  if (orientation === 'landscape') {
    const m = LANDSCAPE_MARGINS;
    const [w, h] = [PAGE.heightMm * MM, PAGE.widthMm * MM];
    return {
      left: m.leftMm * MM,
      top: m.topMm * MM,
      right: w - m.rightMm * MM,
      bottom: h - m.bottomMm * MM,
      width: w - (m.leftMm + m.rightMm) * MM,
    };
  }
  const [w, h] = [PAGE.widthMm * MM, PAGE.heightMm * MM];
  return {
    left: PAGE.marginLeftMm * MM,
    top: PAGE.marginTopMm * MM,
    right: w - PAGE.marginRightMm * MM,
    bottom: h - PAGE.marginBottomMm * MM,
    width: w - (PAGE.marginLeftMm + PAGE.marginRightMm) * MM,
  };
}

function creationDate(date: string): Date {
  const { year, month, day } = parseCivilDate(date);
  return new Date(Date.UTC(year, month - 1, day));
}

/**
 * pdfkit's document with its output collected as it is written. pdfkit is a Readable stream and
 * `push` queues every chunk with callbacks on the next tick; a loop rendering documents without
 * yielding never runs them, so every document stayed alive until the loop ended (about 2 MB each).
 * Collecting the chunks here keeps no stream machinery: the document is garbage once rendered.
 */
class CollectedPdf extends (PDFDocument as unknown as new (options: PDFKit.PDFDocumentOptions) => Doc) {
  // Declared only: an initialised field would be set after the constructor, dropping the header.
  declare private chunks: Buffer[] | undefined;

  override push(chunk: unknown): boolean {
    // The constructor writes the header before this class's fields exist.
    this.chunks ??= [];
    if (chunk !== null) this.chunks.push(chunk as Buffer);
    return true;
  }

  collected(): Buffer {
    return Buffer.concat(this.chunks ?? []);
  }
}

/** A pdfkit document with the shared fonts and a fixed creation date. */
function openPdf(meta: DocumentModel['meta']): CollectedPdf {
  const doc = new CollectedPdf({
    // No default font: pdfkit would read and parse Helvetica's metrics for every document and
    // embed a font no text uses.
    font: null as unknown as string,
    autoFirstPage: false,
    bufferPages: true,
    compress: true,
    info: {
      Title: meta.title.normalize('NFC'),
      Author: (meta.author ?? '').normalize('NFC'),
      Subject: (meta.subject ?? '').normalize('NFC'),
      Creator: 'baucoso',
      Producer: 'baucoso',
      CreationDate: creationDate(meta.date),
    },
    lang: 'vi-VN',
  });
  useSharedFonts(doc);
  return doc;
}

/** pdfkit writes everything during end() (bufferPages, synchronous compression). */
function finish(doc: CollectedPdf): Buffer {
  doc.end();
  return doc.collected();
}

class Writer {
  y = 0;
  frame: Frame = frameOf('portrait');
  body = DEFAULT_BODY_SIZE;
  private orientation: 'portrait' | 'landscape' = 'portrait';
  private pageCount = 0;

  get pages(): number {
    return this.pageCount;
  }
  private freshPage = false;

  constructor(readonly doc: Doc) {}

  render(model: DocumentModel): void {
    this.orientation = model.orientation ?? 'portrait';
    this.frame = frameOf(this.orientation);
    this.body = model.bodySize ?? DEFAULT_BODY_SIZE;
    const first = this.pageCount;
    this.newPage();
    model.blocks.forEach((block, n) => this.block(block, model.blocks[n + 1]));
    if (model.pageNumbers !== false) this.numberPages(first);
  }

  newPage(): void {
    this.doc.addPage({
      size: 'A4',
      layout: this.orientation,
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
    });
    forgetFont(this.doc);
    this.pageCount++;
    this.y = this.frame.top;
    this.freshPage = true;
  }

  /** Start a new page unless `height` fits under the cursor (or the page is still empty). */
  ensure(height: number): void {
    if (this.y + height > this.frame.bottom && !this.freshPage) this.newPage();
  }

  private moved(): void {
    this.freshPage = false;
  }

  /** ND30: Arabic page numbers centred in the top margin, none on the first page. */
  private numberPages(first: number): void {
    for (let n = first + 1; n < this.pageCount; n++) {
      this.doc.switchToPage(n);
      forgetFont(this.doc);
      const label = String(n - first + 1);
      const size = 13;
      const w = measure(this.doc, 'regular', size, label);
      const pageWidth =
        this.frame.right +
        (this.orientation === 'landscape' ? LANDSCAPE_MARGINS.rightMm : PAGE.marginRightMm) * MM;
      const x = this.frame.left + (this.frame.width - w) / 2;
      useFont(this.doc, 'regular', size);
      this.doc.text(label, Math.min(x, pageWidth - w), this.frame.top / 2 - size / 2, { lineBreak: false });
    }
    this.doc.switchToPage(this.pageCount - 1);
    forgetFont(this.doc);
  }

  private block(block: Block, next: Block | undefined): void {
    switch (block.kind) {
      case 'header':
        return this.header(block);
      case 'title':
        return this.title(block);
      case 'basis':
        return this.basis(block);
      case 'heading':
        return this.heading(block, next);
      case 'paragraph':
        return this.paragraph(block);
      case 'table':
        return this.table(block);
      case 'signatures':
        return this.signatures(block);
      case 'cards':
        return this.cards(block);
      case 'pageBreak':
        if (!this.freshPage) this.newPage();
        return;
      case 'space':
        this.y += block.points;
        if (this.y > this.frame.bottom) this.newPage();
        return;
    }
  }

  /** Flow laid-out text down the page, breaking between lines. */
  private flow(text: LaidOut, x: number): void {
    const lh = lineHeight(text.style.size, text.style.leading);
    let n = 0;
    while (n < text.lines.length) {
      const fit = Math.floor((this.frame.bottom - this.y + 0.01) / lh);
      if (fit <= 0) {
        this.newPage();
        continue;
      }
      const to = Math.min(text.lines.length, n + fit);
      this.y = drawLaidOut(this.doc, text, x, this.y, n, to);
      this.moved();
      n = to;
    }
  }

  private text(
    runs: readonly Inline[],
    style: Parameters<typeof layout>[3],
    base: { bold?: boolean; italic?: boolean } = {},
    x = this.frame.left,
    width = this.frame.width,
  ): void {
    this.flow(layout(this.doc, runs, width, style, base), x);
  }

  private hrule(cx: number, y: number, width: number): void {
    this.doc
      .moveTo(cx - width / 2, y)
      .lineTo(cx + width / 2, y)
      .lineWidth(RULE_WIDTH)
      .strokeColor('black')
      .stroke();
  }

  /** Centred lines in a column; returns the y under them and the widest line. */
  private centred(
    lines: readonly string[],
    x: number,
    width: number,
    y: number,
    size: number,
    bold: boolean,
    italic = false,
  ): { y: number; widest: number } {
    let cy = y;
    let widest = 0;
    for (const line of lines) {
      const t = layout(this.doc, [line], width, { size, align: 'center', leading: 1.15 }, { bold, italic });
      for (const l of t.lines) widest = Math.max(widest, l.width);
      cy = drawLaidOut(this.doc, t, x, cy);
    }
    return { y: cy, widest };
  }

  private header(h: HeaderBlock): void {
    const f = this.frame;
    let top = this.y;
    if (h.formLabel) {
      const t = layout(this.doc, [h.formLabel], f.width, { size: 12, align: 'right' }, { bold: true });
      top = drawLaidOut(this.doc, t, f.left, top) + 2;
    }
    if (h.nationalOnly) {
      const cx = f.left + f.width / 2;
      const a = this.centred([NATIONAL_TITLE], f.left, f.width, top, 13, true);
      const b = this.centred([NATIONAL_MOTTO], f.left, f.width, a.y, 14, true);
      this.hrule(cx, b.y + 3, b.widest);
      this.y = b.y + 8;
      if (h.placeDate) {
        const t = layout(
          this.doc,
          [placeDateText(h.placeDate)],
          f.width,
          { size: 14, align: 'right' },
          { italic: true },
        );
        this.y = drawLaidOut(this.doc, t, f.left, this.y);
      }
      this.y += 6;
      this.moved();
      return;
    }
    const leftW = f.width * 0.4;
    const rightX = f.left + leftW;
    const rightW = f.width - leftW;
    let ly = top;
    if (h.parentBody) ly = this.centred(h.parentBody.map(upper), f.left, leftW, ly, 12.5, false).y;
    const body = this.centred(h.issuingBody.map(upper), f.left, leftW, ly, 12.5, true);
    this.hrule(f.left + leftW / 2, body.y + 3, Math.max(body.widest * 0.4, 40));
    ly = body.y + 6;
    const title = this.centred([NATIONAL_TITLE], rightX, rightW, top, 12.5, true);
    const motto = this.centred([NATIONAL_MOTTO], rightX, rightW, title.y, 13.5, true);
    this.hrule(rightX + rightW / 2, motto.y + 3, motto.widest);
    const row = Math.max(ly, motto.y + 6) + 6;
    let leftBottom = row;
    if (h.number) leftBottom = this.centred([documentNumberText(h.number)], f.left, leftW, row, 13, false).y;
    if (h.summary) leftBottom = this.centred([h.summary], f.left, leftW, leftBottom, 12, false).y;
    let rightBottom = row;
    if (h.placeDate)
      rightBottom = this.centred([placeDateText(h.placeDate)], rightX, rightW, row, 13.5, false, true).y;
    this.y = Math.max(leftBottom, rightBottom) + 8;
    this.moved();
  }

  private title(t: TitleBlock): void {
    const f = this.frame;
    this.ensure(60);
    this.y += 6;
    this.y = this.centred([upper(t.text)], f.left, f.width, this.y, 14, true).y;
    if (t.subtitle && t.subtitle.length > 0) {
      const sub = this.centred(t.subtitle, f.left + f.width * 0.05, f.width * 0.9, this.y, 14, true);
      this.hrule(f.left + f.width / 2, sub.y + 4, Math.min(sub.widest * 0.45, f.width * 0.4));
      this.y = sub.y + 8;
    }
    this.y += 8;
    this.moved();
  }

  private basis(b: BasisBlock): void {
    for (const line of b.lines) {
      this.text([line], { size: this.body, align: 'justify', indent: INDENT }, { italic: true });
      this.y += 3;
    }
    this.y += 3;
  }

  private heading(hd: HeadingBlock, next: Block | undefined): void {
    const size = this.body;
    // Keep a heading with the first lines of what follows it.
    this.ensure(lineHeight(size) * (next?.kind === 'table' ? 4 : 3));
    this.y += hd.level === 1 ? 4 : 2;
    const align = hd.align ?? 'justify';
    this.text(
      [hd.text],
      { size, align, indent: align === 'center' ? 0 : INDENT },
      { bold: true, italic: hd.level === 3 },
    );
    this.y += 3;
  }

  private paragraph(pb: ParagraphBlock): void {
    const align = pb.align ?? 'justify';
    const indent = (pb.indent ?? align === 'justify') ? INDENT : 0;
    this.y += pb.spaceBefore ?? 0;
    this.text(pb.runs, { size: pb.size ?? this.body, align, indent, fill: pb.fill });
    this.y += pb.spaceAfter ?? 4;
  }

  private table(t: TableBlock): void {
    const f = this.frame;
    const size = t.size ?? this.body - 1;
    const widths = columnWidths(t.columns, f.width);
    const header = t.columns.map((c) => ({
      runs: [c.header] as Inline[],
      align: 'center' as const,
      bold: true,
    }));
    const minH = (t.minRowHeight ?? 0) * MM;
    const headerRow = prepareRow(this.doc, header, widths, size, 0);
    const rows = t.rows.map((row) => prepareRow(this.doc, row.map(cellRuns), widths, size, minH, t.columns));
    const total = rows.reduce((a, r) => a + r.height, headerRow.height);
    // A short table moves whole to the next page rather than leave a header and a row behind.
    const short = total < (f.bottom - f.top) * 0.35;
    this.ensure(short ? total : headerRow.height + (rows[0]?.height ?? 0));
    this.drawRow(headerRow, widths);
    for (const r of rows) {
      if (this.y + r.height > f.bottom) {
        this.newPage();
        this.drawRow(headerRow, widths);
      }
      this.drawRow(r, widths);
    }
    this.y += 8;
  }

  private drawRow(row: PreparedRow, widths: readonly number[]): void {
    drawRow(this.doc, row, widths, this.frame.left, this.y);
    this.y += row.height;
    this.moved();
  }

  private signatures(s: SignaturesBlock): void {
    const f = this.frame;
    const blocks = s.blocks;
    if (s.recipients) {
      const leftW = f.width * 0.45;
      const recip = layoutRecipients(this.doc, s.recipients, leftW);
      const sig = blocks.map((b) => signatureHeight(this.doc, b, f.width - leftW, this.body));
      const height = Math.max(
        recip.height,
        sig.reduce((a, h) => a + h, 0),
      );
      this.y += 6;
      this.ensure(height);
      const top = this.y;
      drawRecipients(this.doc, recip, f.left, top);
      let y = top;
      for (const b of blocks) y = drawSignature(this.doc, b, f.left + leftW, y, f.width - leftW, this.body);
      this.y = top + height + 6;
      this.moved();
      return;
    }
    const perRow = s.perRow ?? (blocks.length <= 2 ? 2 : blocks.length === 4 ? 2 : 3);
    this.y += 6;
    for (let start = 0; start < blocks.length; start += perRow) {
      const rowBlocks = blocks.slice(start, start + perRow);
      const colW = f.width / perRow;
      const height = Math.max(...rowBlocks.map((b) => signatureHeight(this.doc, b, colW, this.body)));
      this.ensure(height);
      const top = this.y;
      // A lone block goes on the right, where the signer of an administrative document signs.
      const offset =
        blocks.length === 1 ? f.width / 2 : (perRow - rowBlocks.length) * colW * (start === 0 ? 0 : 0.5);
      const w = blocks.length === 1 ? f.width / 2 : colW;
      rowBlocks.forEach((b, n) => drawSignature(this.doc, b, f.left + offset + n * w, top, w, this.body));
      this.y = top + height + 14;
      this.moved();
    }
  }

  private cards(c: CardsBlock): void {
    const f = this.frame;
    const cardW = f.width / c.columns;
    const cardH = (f.bottom - f.top) / c.rows;
    const perPage = c.columns * c.rows;
    c.cards.forEach((card, n) => {
      const slot = n % perPage;
      if (slot === 0 && (n > 0 || !this.freshPage)) this.newPage();
      const x = f.left + (slot % c.columns) * cardW;
      const y = f.top + Math.floor(slot / c.columns) * cardH;
      this.doc
        .save()
        .rect(x, y, cardW, cardH)
        .lineWidth(0.4)
        .dash(3, { space: 3 })
        .strokeColor('#555555')
        .stroke()
        .undash()
        .restore();
      const pad = 4 * MM;
      drawCardItems(this.doc, card.items, x + pad, y + pad, cardW - 2 * pad, c.size ?? 12);
      this.moved();
    });
    this.y = f.bottom;
  }
}

function columnWidths(columns: readonly TableColumn[], total: number): number[] {
  const sum = columns.reduce((a, c) => a + c.width, 0);
  return columns.map((c) => (c.width / sum) * total);
}

interface PreparedCell {
  readonly text: LaidOut;
  readonly x: number;
  readonly width: number;
}

interface PreparedRow {
  readonly cells: PreparedCell[];
  readonly height: number;
}

const CELL_PAD_X = 3;
const CELL_PAD_Y = 2.5;

function prepareRow(
  doc: Doc,
  cells: readonly ReturnType<typeof cellRuns>[],
  widths: readonly number[],
  size: number,
  minHeight: number,
  columns?: readonly TableColumn[],
): PreparedRow {
  const out: PreparedCell[] = [];
  let col = 0;
  let x = 0;
  let height = minHeight;
  for (const cell of cells) {
    const span = Math.max(1, cell.colSpan ?? 1);
    const width = widths.slice(col, col + span).reduce((a, w) => a + w, 0);
    const align = cell.align ?? columns?.[col]?.align ?? 'left';
    const text = layout(
      doc,
      cell.runs,
      width - 2 * CELL_PAD_X,
      { size, align, leading: 1.15 },
      { bold: cell.bold },
    );
    height = Math.max(height, text.height + 2 * CELL_PAD_Y);
    out.push({ text, x, width });
    x += width;
    col += span;
  }
  return { cells: out, height };
}

function drawRow(doc: Doc, row: PreparedRow, _widths: readonly number[], left: number, y: number): void {
  for (const cell of row.cells) {
    doc
      .rect(left + cell.x, y, cell.width, row.height)
      .lineWidth(0.5)
      .strokeColor('black')
      .stroke();
    const top = y + (row.height - cell.text.height) / 2;
    drawLaidOut(doc, cell.text, left + cell.x + CELL_PAD_X, top);
  }
}

interface Recipients {
  readonly label: LaidOut;
  readonly items: LaidOut[];
  readonly height: number;
}

function layoutRecipients(doc: Doc, items: readonly string[], width: number): Recipients {
  const label = layout(
    doc,
    ['Nơi nhận:'],
    width,
    { size: 12, align: 'left', leading: 1.1 },
    { bold: true, italic: true },
  );
  const laid = items.map((it) => layout(doc, [it], width, { size: 11, align: 'left', leading: 1.1 }));
  return { label, items: laid, height: label.height + laid.reduce((a, t) => a + t.height, 0) };
}

function drawRecipients(doc: Doc, r: Recipients, x: number, y: number): void {
  let cy = drawLaidOut(doc, r.label, x, y);
  for (const it of r.items) cy = drawLaidOut(doc, it, x, cy);
}

const SIGN_SPACE = 24 * MM;

function signatureParts(doc: Doc, s: SignatureBlock, width: number, body: number): LaidOut[] {
  const parts: LaidOut[] = [];
  const centred = (text: string, size: number, bold: boolean, italic: boolean): LaidOut =>
    layout(doc, [text], width, { size, align: 'center', leading: 1.15 }, { bold, italic });
  for (const a of s.authority ?? []) parts.push(centred(upper(a), 13, true, false));
  parts.push(centred(upper(s.title), 13, true, false));
  if (s.note) parts.push(centred(s.note, 12, false, true));
  parts.push(centred(s.name ?? ' ', body, true, false));
  return parts;
}

function signatureHeight(doc: Doc, s: SignatureBlock, width: number, body: number): number {
  return signatureParts(doc, s, width, body).reduce((a, t) => a + t.height, 0) + SIGN_SPACE;
}

function drawSignature(
  doc: Doc,
  s: SignatureBlock,
  x: number,
  y: number,
  width: number,
  body: number,
): number {
  const parts = signatureParts(doc, s, width, body);
  let cy = y;
  parts.forEach((t, n) => {
    if (n === parts.length - 1) cy += SIGN_SPACE;
    cy = drawLaidOut(doc, t, x, cy);
  });
  return cy + 8;
}

/** Draw card items top-down; returns the y under them. */
function drawCardItems(
  doc: Doc,
  items: readonly CardItem[],
  x: number,
  y: number,
  width: number,
  size: number,
): number {
  let cy = y;
  for (const item of items) cy = drawCardItem(doc, item, x, cy, width, size);
  return cy;
}

function drawCardItem(doc: Doc, item: CardItem, x: number, y: number, width: number, size: number): number {
  switch (item.kind) {
    case 'text': {
      const t = layout(doc, item.runs, width, {
        size: item.size ?? size,
        align: item.align ?? 'left',
        fill: item.fill,
        leading: 1.2,
      });
      return drawLaidOut(doc, t, x, y);
    }
    case 'space':
      return y + item.mm * MM;
    case 'box': {
      const w = item.width * MM;
      const h = item.height * MM;
      const bx = item.align === 'left' ? x : item.align === 'right' ? x + width - w : x + (width - w) / 2;
      doc.save().rect(bx, y, w, h).lineWidth(0.6).strokeColor('black');
      if (item.dashed) doc.dash(2, { space: 2 });
      doc.stroke().undash().restore();
      const t = layout(
        doc,
        [item.label],
        w - 4,
        { size: size - 2, align: 'center', leading: 1.1 },
        { italic: true },
      );
      drawLaidOut(doc, t, bx + 2, y + (h - t.height) / 2);
      return y + h + 2;
    }
    case 'columns': {
      const total = item.columns.reduce((a, c) => a + c.width, 0);
      let cx = x;
      let bottom = y;
      for (const col of item.columns) {
        const w = (col.width / total) * width;
        bottom = Math.max(bottom, drawCardItems(doc, col.items, cx, y, w - 2, size));
        cx += w;
      }
      return bottom;
    }
    case 'table': {
      const tsize = item.size ?? size;
      const widths = columnWidths(item.columns, width);
      const header = item.columns.map((c) => ({
        runs: [c.header] as Inline[],
        align: 'center' as const,
        bold: true,
      }));
      let cy = y;
      const rows = [
        prepareRow(doc, header, widths, tsize, 0),
        ...item.rows.map((r) =>
          prepareRow(doc, r.map(cellRuns), widths, tsize, (item.rowHeight ?? 0) * MM, item.columns),
        ),
      ];
      for (const r of rows) {
        drawRow(doc, r, widths, x, cy);
        cy += r.height;
      }
      return cy + 3;
    }
  }
}

/** Render one document to a PDF. */
export function renderPdf(model: DocumentModel): Buffer {
  return renderPdfMany([model], model.meta);
}

/** Render several documents into one PDF (a polling-day pack); page numbers restart per document. */
export function renderPdfMany(models: readonly DocumentModel[], meta: DocumentModel['meta']): Buffer {
  return renderPages(models, meta, null);
}

/**
 * Render a document as it is issued: every page carries the verification stamp (code, the public
 * page's path, a QR code of its address) in the bottom margin. Only this function makes the
 * `StampedPdf` the document registry stores, so an issued PDF cannot lack its stamp.
 */
export function renderIssuedPdf(model: DocumentModel, stamp: PdfStamp): StampedPdf {
  return renderIssuedPdfMany([model], model.meta, stamp);
}

/** Several documents issued as one PDF, stamped on every page. */
export function renderIssuedPdfMany(
  models: readonly DocumentModel[],
  meta: DocumentModel['meta'],
  stamp: PdfStamp,
): StampedPdf {
  return renderPages(models, meta, stamp) as StampedPdf;
}

function renderPages(
  models: readonly DocumentModel[],
  meta: DocumentModel['meta'],
  stamp: PdfStamp | null,
): Buffer {
  const doc = openPdf(meta);
  const w = new Writer(doc);
  const orientations: ('portrait' | 'landscape')[] = [];
  for (const m of models) {
    const before = w.pages;
    w.render(m);
    for (let n = before; n < w.pages; n++) orientations.push(m.orientation ?? 'portrait');
  }
  if (stamp) {
    orientations.forEach((orientation, n) => {
      doc.switchToPage(n);
      const margins =
        orientation === 'landscape'
          ? [LANDSCAPE_MARGINS.leftMm, LANDSCAPE_MARGINS.rightMm]
          : [PAGE.marginLeftMm, PAGE.marginRightMm];
      drawStamp(doc, stamp, margins[0]! * MM, margins[1]! * MM);
    });
  }
  return finish(doc);
}

export type { PdfStamp, StampedPdf };
export type { Cell };
