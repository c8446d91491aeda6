/**
 * DOCX renderer: the same DocumentModel as an editable Word file in Times New Roman with the ND30
 * layout. docx stamps the current time into docProps/core.xml and the zip entries, so the package
 * is rewritten with the model's date to make the bytes reproducible.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HeightRule,
  LeaderType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ParagraphChild,
} from 'docx';
import JSZip from 'jszip';
import {
  DEFAULT_BODY_SIZE,
  LANDSCAPE_MARGINS,
  NATIONAL_MOTTO,
  NATIONAL_TITLE,
  PAGE,
  cellRuns,
  type Align,
  type Block,
  type CardItem,
  type CardsBlock,
  type DocumentModel,
  type HeaderBlock,
  type Inline,
  type SignatureBlock,
  type SignaturesBlock,
  type TableBlock,
  type TableColumn,
} from './model';
import { documentNumberText, placeDateText, upper } from './text';
import { parseCivilDate } from './words';

const TWIPS_PER_MM = 1440 / 25.4;
const tw = (mm: number): number => Math.round(mm * TWIPS_PER_MM);
const half = (pt: number): number => Math.round(pt * 2);
const FONT = 'Times New Roman';
const INDENT = tw(12.7);
/** Width of the motto in bold 13.5 pt, measured in Liberation Serif (same metrics as Times New Roman). */
const MOTTO_WIDTH_MM = 58;

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const CELL_BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE };

const ALIGN: Readonly<Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]>> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

interface Ctx {
  readonly body: number;
  /** Text width of the current container in millimetres (for dotted fill tab stops). */
  readonly widthMm: number;
}

function runs(
  inlines: readonly Inline[],
  size: number,
  base: { bold?: boolean; italic?: boolean } = {},
): TextRun[] {
  return inlines.flatMap((r) => {
    const run = typeof r === 'string' ? { text: r } : r;
    const lines = run.text.normalize('NFC').split('\n');
    return lines.map(
      (text, n) =>
        new TextRun({
          text,
          break: n > 0 ? 1 : undefined,
          bold: run.bold ?? base.bold,
          italics: run.italic ?? base.italic,
          underline: typeof r !== 'string' && r.underline ? {} : undefined,
          size: half(size),
          font: FONT,
        }),
    );
  });
}

interface ParaOpts {
  readonly size: number;
  readonly align?: Align;
  readonly indent?: boolean;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly before?: number;
  readonly after?: number;
  readonly fillWidthMm?: number;
  readonly keepNext?: boolean;
  readonly line?: number;
}

function para(inlines: readonly Inline[], o: ParaOpts): Paragraph {
  const children: ParagraphChild[] = runs(inlines, o.size, { bold: o.bold, italic: o.italic });
  if (o.fillWidthMm !== undefined) children.push(new TextRun({ text: '\t', size: half(o.size), font: FONT }));
  return new Paragraph({
    alignment: ALIGN[o.align ?? 'left'],
    indent: o.indent ? { firstLine: INDENT } : undefined,
    spacing: {
      before: Math.round((o.before ?? 0) * 20),
      after: Math.round((o.after ?? 0) * 20),
      line: o.line ?? 264,
    },
    keepNext: o.keepNext,
    tabStops:
      o.fillWidthMm !== undefined
        ? [{ type: TabStopType.RIGHT, position: tw(o.fillWidthMm) - 10, leader: LeaderType.DOT }]
        : undefined,
    children,
  });
}

/** An empty paragraph whose bottom border is a centred rule `widthMm` long in a box `boxMm` wide. */
function rule(widthMm: number, boxMm: number): Paragraph {
  const side = tw(Math.max(0, (boxMm - widthMm) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 60, line: 60, lineRule: 'exact' },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [new TextRun({ text: '', size: 2 })],
  });
}

function cell(
  children: (Paragraph | Table)[],
  widthMm: number,
  extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {},
): TableCell {
  return new TableCell({
    width: { size: tw(widthMm), type: WidthType.DXA },
    borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
    children: children.length > 0 ? children : [new Paragraph({})],
    ...extra,
  });
}

function layoutTable(widthsMm: readonly number[], rows: TableRow[]): Table {
  return new Table({
    width: { size: tw(widthsMm.reduce((a, w) => a + w, 0)), type: WidthType.DXA },
    columnWidths: widthsMm.map(tw),
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows,
  });
}

function centred(lines: readonly string[], size: number, bold: boolean, italic = false): Paragraph[] {
  return lines.map((l) => para([l], { size, align: 'center', bold, italic, line: 240 }));
}

function header(h: HeaderBlock, widthMm: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  if (h.formLabel) out.push(para([h.formLabel], { size: 12, align: 'right', bold: true }));
  if (h.nationalOnly) {
    out.push(
      ...centred([NATIONAL_TITLE], 13, true),
      ...centred([NATIONAL_MOTTO], 14, true),
      rule(MOTTO_WIDTH_MM + 4, widthMm),
    );
    if (h.placeDate)
      out.push(para([placeDateText(h.placeDate)], { size: 14, align: 'right', italic: true, before: 6 }));
    out.push(para([''], { size: 8 }));
    return out;
  }
  const leftMm = widthMm * 0.4;
  const rightMm = widthMm - leftMm;
  const left: Paragraph[] = [
    ...centred((h.parentBody ?? []).map(upper), 12.5, false),
    ...centred(h.issuingBody.map(upper), 12.5, true),
    rule(leftMm * 0.3, leftMm),
  ];
  const right: Paragraph[] = [
    ...centred([NATIONAL_TITLE], 12.5, true),
    ...centred([NATIONAL_MOTTO], 13.5, true),
    rule(MOTTO_WIDTH_MM, rightMm),
  ];
  const numberLines: Paragraph[] = [];
  if (h.number) numberLines.push(...centred([documentNumberText(h.number)], 13, false));
  if (h.summary) numberLines.push(...centred([h.summary], 12, false));
  const date = h.placeDate ? centred([placeDateText(h.placeDate)], 13.5, false, true) : [];
  out.push(
    layoutTable(
      [leftMm, rightMm],
      [
        new TableRow({ children: [cell(left, leftMm), cell(right, rightMm)] }),
        new TableRow({ children: [cell(numberLines, leftMm), cell(date, rightMm)] }),
      ],
    ),
    para([''], { size: 8 }),
  );
  return out;
}

function dataTable(
  columns: readonly TableColumn[],
  rows: TableBlock['rows'],
  widthMm: number,
  size: number,
  minRowMm = 0,
): Table {
  const sum = columns.reduce((a, c) => a + c.width, 0);
  const widths = columns.map((c) => (c.width / sum) * widthMm);
  const margins = { top: 40, bottom: 40, left: 80, right: 80 };
  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c, n) =>
      cell([para([c.header], { size, align: 'center', bold: true, line: 240 })], widths[n] ?? 0, {
        borders: CELL_BORDERS,
        margins,
        verticalAlign: VerticalAlignTable.CENTER,
      }),
    ),
  });
  const body = rows.map((row) => {
    let col = 0;
    return new TableRow({
      cantSplit: true,
      height: minRowMm > 0 ? { value: tw(minRowMm), rule: HeightRule.ATLEAST } : undefined,
      children: row.map((raw) => {
        const c = cellRuns(raw);
        const span = Math.max(1, c.colSpan ?? 1);
        const w = widths.slice(col, col + span).reduce((a, x) => a + x, 0);
        const align = c.align ?? columns[col]?.align ?? 'left';
        col += span;
        return cell([para(c.runs, { size, align, bold: c.bold, line: 240 })], w, {
          borders: CELL_BORDERS,
          margins,
          columnSpan: span > 1 ? span : undefined,
          verticalAlign: VerticalAlignTable.CENTER,
        });
      }),
    });
  });
  return new Table({
    width: { size: tw(widthMm), type: WidthType.DXA },
    columnWidths: widths.map(tw),
    layout: TableLayoutType.FIXED,
    rows: [headerRow, ...body],
  });
}

const SIGN_SPACE_PT = 68;

function signature(s: SignatureBlock, body: number): Paragraph[] {
  return [
    ...(s.authority ?? []).map((a) => para([upper(a)], { size: 13, align: 'center', bold: true, line: 240 })),
    para([upper(s.title)], { size: 13, align: 'center', bold: true, line: 240 }),
    ...(s.note ? [para([s.note], { size: 12, align: 'center', italic: true, line: 240 })] : []),
    para([s.name ?? ''], { size: body, align: 'center', bold: true, before: SIGN_SPACE_PT, after: 24 }),
  ];
}

function signatures(s: SignaturesBlock, widthMm: number, body: number): (Paragraph | Table)[] {
  const spacer = para([''], { size: 6 });
  if (s.recipients) {
    const leftMm = widthMm * 0.45;
    const left = [
      para(['Nơi nhận:'], { size: 12, bold: true, italic: true, line: 240 }),
      ...s.recipients.map((r) => para([r], { size: 11, line: 240 })),
    ];
    const right = s.blocks.flatMap((b) => signature(b, body));
    return [
      spacer,
      layoutTable(
        [leftMm, widthMm - leftMm],
        [new TableRow({ cantSplit: true, children: [cell(left, leftMm), cell(right, widthMm - leftMm)] })],
      ),
    ];
  }
  const blocks = s.blocks;
  if (blocks.length === 1 && blocks[0]) {
    const w = widthMm / 2;
    return [
      spacer,
      layoutTable(
        [w, w],
        [new TableRow({ cantSplit: true, children: [cell([], w), cell(signature(blocks[0], body), w)] })],
      ),
    ];
  }
  const perRow = s.perRow ?? (blocks.length <= 2 || blocks.length === 4 ? 2 : 3);
  const w = widthMm / perRow;
  const rows: TableRow[] = [];
  for (let start = 0; start < blocks.length; start += perRow) {
    const slice = blocks.slice(start, start + perRow);
    const cells = slice.map((b) => cell(signature(b, body), w));
    while (cells.length < perRow) cells.push(cell([], w));
    rows.push(new TableRow({ cantSplit: true, children: cells }));
  }
  return [
    spacer,
    layoutTable(
      Array.from({ length: perRow }, () => w),
      rows,
    ),
  ];
}

function cardItems(items: readonly CardItem[], widthMm: number, size: number): (Paragraph | Table)[] {
  return items.flatMap((item): (Paragraph | Table)[] => {
    switch (item.kind) {
      case 'text':
        return [
          para(item.runs, {
            size: item.size ?? size,
            align: item.align ?? 'left',
            fillWidthMm: item.fill ? widthMm : undefined,
            line: 252,
          }),
        ];
      case 'space':
        return [
          new Paragraph({
            spacing: { before: 0, after: 0, line: Math.max(20, tw(item.mm)), lineRule: 'exact' },
            children: [],
          }),
        ];
      case 'box': {
        const border = item.dashed
          ? { style: BorderStyle.DASHED, size: 6, color: '000000' }
          : { style: BorderStyle.SINGLE, size: 6, color: '000000' };
        const box = new Table({
          width: { size: tw(item.width), type: WidthType.DXA },
          columnWidths: [tw(item.width)],
          layout: TableLayoutType.FIXED,
          alignment:
            item.align === 'left'
              ? AlignmentType.LEFT
              : item.align === 'right'
                ? AlignmentType.RIGHT
                : AlignmentType.CENTER,
          rows: [
            new TableRow({
              height: { value: tw(item.height), rule: HeightRule.EXACT },
              children: [
                new TableCell({
                  width: { size: tw(item.width), type: WidthType.DXA },
                  verticalAlign: VerticalAlignTable.CENTER,
                  borders: { top: border, bottom: border, left: border, right: border },
                  children: [
                    para([item.label], { size: size - 2, align: 'center', italic: true, line: 240 }),
                  ],
                }),
              ],
            }),
          ],
        });
        return [box];
      }
      case 'columns': {
        const total = item.columns.reduce((a, c) => a + c.width, 0);
        const widths = item.columns.map((c) => (c.width / total) * widthMm);
        return [
          layoutTable(widths, [
            new TableRow({
              children: item.columns.map((c, n) =>
                cell([...cardItems(c.items, widths[n] ?? 0, size), new Paragraph({})], widths[n] ?? 0),
              ),
            }),
          ]),
        ];
      }
      case 'table':
        return [dataTable(item.columns, item.rows, widthMm, item.size ?? size, item.rowHeight ?? 0)];
    }
  });
}

function cards(c: CardsBlock, widthMm: number, heightMm: number): Table {
  const w = widthMm / c.columns;
  // A little under the page height so that rounding never pushes a row onto the next page.
  const h = heightMm / c.rows - 1.5;
  const dashed = { style: BorderStyle.DASHED, size: 4, color: '777777' } as const;
  const rows: TableRow[] = [];
  for (let start = 0; start < c.cards.length; start += c.columns) {
    const slice = c.cards.slice(start, start + c.columns);
    const cellsOf = slice.map((card) =>
      cell([...cardItems(card.items, w - 8, c.size ?? 12), new Paragraph({})], w, {
        borders: { top: dashed, bottom: dashed, left: dashed, right: dashed },
        margins: { top: tw(3), bottom: tw(2), left: tw(4), right: tw(4) },
      }),
    );
    while (cellsOf.length < c.columns) cellsOf.push(cell([], w));
    rows.push(
      new TableRow({ cantSplit: true, height: { value: tw(h), rule: HeightRule.EXACT }, children: cellsOf }),
    );
  }
  return layoutTable(
    Array.from({ length: c.columns }, () => w),
    rows,
  );
}

function blocks(model: DocumentModel, widthMm: number, heightMm: number): (Paragraph | Table)[] {
  const body = model.bodySize ?? DEFAULT_BODY_SIZE;
  const ctx: Ctx = { body, widthMm };
  const out: (Paragraph | Table)[] = [];
  let breakNext = false;
  const push = (...items: (Paragraph | Table)[]): void => {
    if (breakNext) {
      out.push(
        new Paragraph({
          pageBreakBefore: true,
          spacing: { before: 0, after: 0, line: 20, lineRule: 'exact' },
          children: [],
        }),
      );
      breakNext = false;
    }
    out.push(...items);
  };
  for (const block of model.blocks) {
    if (block.kind === 'pageBreak') breakNext = true;
    else push(...renderBlock(block, ctx, heightMm));
  }
  return out;
}

function renderBlock(
  block: Exclude<Block, { kind: 'pageBreak' }>,
  ctx: Ctx,
  heightMm: number,
): (Paragraph | Table)[] {
  const { body, widthMm } = ctx;
  switch (block.kind) {
    case 'header':
      return header(block, widthMm);
    case 'title': {
      const out = [
        para([upper(block.text)], {
          size: 14,
          align: 'center',
          bold: true,
          before: 6,
          keepNext: true,
          line: 240,
        }),
      ];
      for (const s of block.subtitle ?? [])
        out.push(para([s], { size: 14, align: 'center', bold: true, keepNext: true, line: 240 }));
      if (block.subtitle && block.subtitle.length > 0) out.push(rule(widthMm * 0.3, widthMm));
      out.push(para([''], { size: 8 }));
      return out;
    }
    case 'basis':
      return block.lines.map((l) =>
        para([l], { size: body, align: 'justify', indent: true, italic: true, after: 3 }),
      );
    case 'heading': {
      const align = block.align ?? 'justify';
      return [
        para([block.text], {
          size: body,
          align,
          indent: align !== 'center',
          bold: true,
          italic: block.level === 3,
          before: block.level === 1 ? 4 : 2,
          after: 3,
          keepNext: true,
        }),
      ];
    }
    case 'paragraph': {
      const align = block.align ?? 'justify';
      return [
        para(block.runs, {
          size: block.size ?? body,
          align,
          indent: block.indent ?? align === 'justify',
          before: block.spaceBefore,
          after: block.spaceAfter ?? 4,
          fillWidthMm: block.fill ? widthMm : undefined,
        }),
      ];
    }
    case 'table':
      return [
        dataTable(block.columns, block.rows, widthMm, block.size ?? body - 1, block.minRowHeight ?? 0),
        para([''], { size: 6 }),
      ];
    case 'signatures':
      return signatures(block, widthMm, body);
    case 'cards':
      return [cards(block, widthMm, heightMm)];
    case 'space':
      return [
        new Paragraph({
          spacing: {
            before: 0,
            after: 0,
            line: Math.max(20, Math.round(block.points * 20)),
            lineRule: 'exact',
          },
          children: [],
        }),
      ];
  }
}

function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], size: half(13), font: FONT })],
      }),
    ],
  });
}

/** Render a document to DOCX. */
export async function renderDocx(model: DocumentModel): Promise<Buffer> {
  const landscape = model.orientation === 'landscape';
  const m = landscape
    ? {
        top: LANDSCAPE_MARGINS.topMm,
        bottom: LANDSCAPE_MARGINS.bottomMm,
        left: LANDSCAPE_MARGINS.leftMm,
        right: LANDSCAPE_MARGINS.rightMm,
      }
    : {
        top: PAGE.marginTopMm,
        bottom: PAGE.marginBottomMm,
        left: PAGE.marginLeftMm,
        right: PAGE.marginRightMm,
      };
  const pageW = landscape ? PAGE.heightMm : PAGE.widthMm;
  const pageH = landscape ? PAGE.widthMm : PAGE.heightMm;
  const widthMm = pageW - m.left - m.right;
  const heightMm = pageH - m.top - m.bottom;
  const numbered = model.pageNumbers !== false;
  const doc = new Document({
    creator: 'baucoso',
    lastModifiedBy: 'baucoso',
    title: model.meta.title.normalize('NFC'),
    subject: model.meta.subject?.normalize('NFC'),
    description: model.meta.author?.normalize('NFC'),
    styles: {
      default: { document: { run: { font: FONT, size: half(model.bodySize ?? DEFAULT_BODY_SIZE) } } },
    },
    sections: [
      {
        properties: {
          titlePage: numbered,
          page: {
            size: {
              width: tw(PAGE.widthMm),
              height: tw(PAGE.heightMm),
              orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: {
              top: tw(m.top),
              bottom: tw(m.bottom),
              left: tw(m.left),
              right: tw(m.right),
              header: tw(m.top / 2 - 3),
              footer: tw(8),
            },
          },
        },
        headers: numbered
          ? { default: pageNumberHeader(), first: new Header({ children: [new Paragraph({})] }) }
          : undefined,
        children: blocks(model, widthMm, heightMm),
      },
    ],
  });
  return reproducible(await Packer.toBuffer(doc), model.meta.date);
}

/** Rewrite the package with fixed timestamps so the same model always gives the same bytes. */
async function reproducible(docx: Buffer, date: string): Promise<Buffer> {
  const { year, month, day } = parseCivilDate(date);
  const when = new Date(Date.UTC(year, month - 1, day));
  const iso = when.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const src = await JSZip.loadAsync(docx);
  const out = new JSZip();
  for (const name of Object.keys(src.files).sort()) {
    const entry = src.files[name];
    if (entry === undefined || entry.dir) continue;
    let content: string | Uint8Array = await entry.async('uint8array');
    if (name === 'docProps/core.xml') {
      content = new TextDecoder()
        .decode(content)
        .replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${iso}$2`);
    }
    out.file(name, content, { date: when, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
