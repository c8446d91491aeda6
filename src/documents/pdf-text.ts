/**
 * Line layout for the PDF renderer. pdfkit's own wrapping mis-justifies mixed bold/italic runs and
 * cannot report where a line ends (needed for dotted fill lines), so lines are laid out here: words
 * are measured once, broken greedily, and drawn at computed positions.
 */
import type { Align, Inline } from './model';
import { fontKeyOf, type FontKey } from './pdf-fonts';

export type Doc = PDFKit.PDFDocument;

interface Segment {
  readonly text: string;
  readonly font: FontKey;
  readonly underline: boolean;
  readonly width: number;
}

/** A word: segments with no space between them (a bold "Điều 1." glued to nothing else). */
interface Word {
  readonly segments: Segment[];
  width: number;
  /** Width of the space that follows the word, in the font of its last segment. */
  spaceWidth: number;
}

interface Line {
  readonly words: Word[];
  readonly width: number;
}

export interface TextStyle {
  readonly size: number;
  readonly align: Align;
  /** First-line indent in points. */
  readonly indent?: number;
  readonly fill?: boolean;
  /** Line height as a multiple of the size. */
  readonly leading?: number;
}

const widthCache = new Map<string, number>();
const WIDTH_CACHE_LIMIT = 200_000;

/** Current font of the document, to skip redundant font switches. */
const currentFont = new WeakMap<Doc, string>();

export function useFont(doc: Doc, font: FontKey, size: number): void {
  const key = `${font}|${size}`;
  if (currentFont.get(doc) !== key) {
    doc.font(font).fontSize(size);
    currentFont.set(doc, key);
  }
}

export function forgetFont(doc: Doc): void {
  currentFont.delete(doc);
}

export function measure(doc: Doc, font: FontKey, size: number, text: string): number {
  const key = `${font}|${size}|${text}`;
  let w = widthCache.get(key);
  if (w === undefined) {
    useFont(doc, font, size);
    w = doc.widthOfString(text);
    if (widthCache.size > WIDTH_CACHE_LIMIT) widthCache.clear();
    widthCache.set(key, w);
  }
  return w;
}

export function lineHeight(size: number, leading = 1.2): number {
  return size * leading;
}

interface Token {
  readonly text: string;
  readonly font: FontKey;
  readonly underline: boolean;
}

type Piece = Token | 'space' | 'break';

function pieces(runs: readonly Inline[], base: { bold?: boolean; italic?: boolean }): Piece[] {
  const out: Piece[] = [];
  for (const run of runs) {
    const r = typeof run === 'string' ? { text: run } : run;
    const font = fontKeyOf(Boolean(r.bold ?? base.bold), Boolean(r.italic ?? base.italic));
    const underline = Boolean(typeof run !== 'string' && run.underline);
    for (const part of r.text.normalize('NFC').split(/(\n|[ \t]+)/)) {
      if (part === '') continue;
      if (part === '\n') out.push('break');
      else if (/^[ \t]+$/.test(part)) out.push('space');
      else out.push({ text: part, font, underline });
    }
  }
  return out;
}

type Paragraph = (Word | 'break')[];

function words(
  doc: Doc,
  runs: readonly Inline[],
  size: number,
  base: { bold?: boolean; italic?: boolean },
): Paragraph {
  const out: Paragraph = [];
  let current: Word | undefined;
  for (const piece of pieces(runs, base)) {
    if (piece === 'break') {
      current = undefined;
      out.push('break');
    } else if (piece === 'space') {
      current = undefined;
    } else {
      const seg: Segment = { ...piece, width: measure(doc, piece.font, size, piece.text) };
      if (current === undefined) {
        current = { segments: [], width: 0, spaceWidth: 0 };
        out.push(current);
      }
      current.segments.push(seg);
      current.width += seg.width;
      current.spaceWidth = measure(doc, piece.font, size, ' ');
    }
  }
  return out;
}

function breakLines(para: Paragraph, width: number, indent: number): Line[] {
  const lines: Line[] = [];
  let current: Word[] = [];
  let used = 0;
  const limit = (): number => (lines.length === 0 ? width - indent : width);
  const flush = (): void => {
    lines.push({ words: current, width: used });
    current = [];
    used = 0;
  };
  for (const w of para) {
    if (w === 'break') {
      flush();
      continue;
    }
    const prev = current[current.length - 1];
    const add = prev === undefined ? w.width : prev.spaceWidth + w.width;
    if (prev !== undefined && used + add > limit() + 0.01) {
      flush();
      current.push(w);
      used = w.width;
    } else {
      current.push(w);
      used += add;
    }
  }
  if (current.length > 0 || lines.length === 0) flush();
  return lines;
}

export interface LaidOut {
  readonly lines: Line[];
  readonly height: number;
  readonly style: TextStyle;
  readonly width: number;
}

export function layout(
  doc: Doc,
  runs: readonly Inline[],
  width: number,
  style: TextStyle,
  base: { bold?: boolean; italic?: boolean } = {},
): LaidOut {
  const lines = breakLines(words(doc, runs, style.size, base), width, style.indent ?? 0);
  return { lines, height: lines.length * lineHeight(style.size, style.leading), style, width };
}

/** Draw laid-out text with its top at y; returns the y under it. Lines from `from` up to `to`. */
export function drawLaidOut(
  doc: Doc,
  text: LaidOut,
  x: number,
  y: number,
  from = 0,
  to = text.lines.length,
): number {
  const { style, width } = text;
  const lh = lineHeight(style.size, style.leading);
  let cy = y;
  for (let n = from; n < to; n++) {
    const line = text.lines[n];
    if (line === undefined) continue;
    const first = n === 0;
    const last = n === text.lines.length - 1;
    const indent = first ? (style.indent ?? 0) : 0;
    drawLine(doc, line, x + indent, cy, width - indent, style, last);
    if (last && style.fill)
      drawFill(doc, x + indent + line.width, cy, x + width, style.size, line.words.length > 0);
    cy += lh;
  }
  return cy;
}

function drawLine(
  doc: Doc,
  line: Line,
  x: number,
  y: number,
  width: number,
  style: TextStyle,
  last: boolean,
): void {
  const slack = width - line.width;
  let cx = x;
  let extra = 0;
  if (style.align === 'center') cx += slack / 2;
  else if (style.align === 'right') cx += slack;
  else if (style.align === 'justify' && !last && line.words.length > 1)
    extra = slack / (line.words.length - 1);
  // Text sits a little below the line top so that the line box is centred on the glyphs.
  const ty = y + (lineHeight(style.size, style.leading) - style.size * 1.15) / 2;
  line.words.forEach((word, n) => {
    for (const seg of word.segments) {
      useFont(doc, seg.font, style.size);
      doc.text(seg.text, cx, ty, { lineBreak: false, underline: seg.underline });
      cx += seg.width;
    }
    if (n < line.words.length - 1) cx += word.spaceWidth + extra;
  });
}

function drawFill(doc: Doc, from: number, y: number, to: number, size: number, afterText: boolean): void {
  const dot = measure(doc, 'regular', size, '.');
  const start = from + (afterText ? measure(doc, 'regular', size, ' ') : 0);
  const count = Math.floor((to - start) / dot);
  if (count < 2) return;
  useFont(doc, 'regular', size);
  const ty = y + (lineHeight(size) - size * 1.15) / 2;
  doc.text('.'.repeat(count), start, ty, { lineBreak: false });
}
