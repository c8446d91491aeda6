/**
 * The document tree every form builds and both renderers (DOCX, PDF) draw. It describes what a
 * Vietnamese administrative document contains (Nghị định 30/2020/NĐ-CP, Phụ lục I), not how it is
 * drawn: sizes, rules and positions belong to the renderers so the two outputs stay alike.
 */

/** A civil date 'YYYY-MM-DD' (no time zone). */
export type CivilDate = string;

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface Run {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
}

/** A piece of inline text: a plain string or a styled run. */
export type Inline = string | Run;

/** "Số: 05/QĐ-UBND"; `number: null` leaves a blank for a draft ("Số:      /KH-UBND"). */
export interface DocumentNumber {
  readonly number: number | null;
  readonly symbol: string;
}

/** Place and date line; `date: null` prints "ngày … tháng … năm …" (optionally with a known year). */
export interface PlaceDate {
  readonly place: string;
  readonly date: CivilDate | null;
  readonly year?: number;
}

export interface HeaderBlock {
  readonly kind: 'header';
  /** Parent body above the issuing body, upright and not bold ("ỦY BAN MTTQVN PHƯỜNG 2"). */
  readonly parentBody?: readonly string[];
  /** Issuing body, bold uppercase, with a short rule under it ("ỦY BAN NHÂN DÂN", "PHƯỜNG 2"). */
  readonly issuingBody: readonly string[];
  readonly number?: DocumentNumber;
  /** Summary under the number in a letter (công văn): "V/v trả lời ...". */
  readonly summary?: string;
  readonly placeDate?: PlaceDate;
  /** Form label printed above the header on the right ("Mẫu số 05"). */
  readonly formLabel?: string;
  /** Personal letters (đơn) have no issuing body: only the national title and motto, centred. */
  readonly nationalOnly?: boolean;
}

/** Document type name ("QUYẾT ĐỊNH") and the subject lines under it ("Về việc ..."). */
export interface TitleBlock {
  readonly kind: 'title';
  readonly text: string;
  readonly subtitle?: readonly string[];
}

/** Legal bases: each line starts "Căn cứ ..." (or "Xét đề nghị ..."), italic. */
export interface BasisBlock {
  readonly kind: 'basis';
  readonly lines: readonly string[];
}

/** A numbered section heading ("I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích"). */
export interface HeadingBlock {
  readonly kind: 'heading';
  readonly text: string;
  readonly level: 1 | 2 | 3;
  readonly align?: Align;
}

export interface ParagraphBlock {
  readonly kind: 'paragraph';
  readonly runs: readonly Inline[];
  readonly align?: Align;
  /** First-line indent; defaults to true for justified body text. */
  readonly indent?: boolean;
  /** Font size in points; defaults to the body size. */
  readonly size?: number;
  /** Fill the rest of the last line with dots (a blank to write in by hand). */
  readonly fill?: boolean;
  readonly spaceBefore?: number;
  readonly spaceAfter?: number;
}

export interface TableColumn {
  readonly header: string;
  /** Relative width. */
  readonly width: number;
  readonly align?: Align;
}

export interface TableCell {
  readonly runs: readonly Inline[];
  readonly align?: Align;
  readonly bold?: boolean;
  readonly colSpan?: number;
}

export type Cell = string | TableCell;

export interface TableBlock {
  readonly kind: 'table';
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly Cell[])[];
  /** Font size in points; defaults to one point below the body size. */
  readonly size?: number;
  /** Minimum row height in millimetres (signature tables need room to sign). */
  readonly minRowHeight?: number;
}

export interface SignatureBlock {
  /** "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "TL. CHỦ TỊCH": uppercase bold lines above the title. */
  readonly authority?: readonly string[];
  /** "CHỦ TỊCH", "THƯ KÝ", "NGƯỜI LÀM ĐƠN". */
  readonly title: string;
  /** "(Ký, ghi rõ họ tên)", "(Ký tên, đóng dấu)". */
  readonly note?: string;
  /** Signer's full name; omitted on blank forms. */
  readonly name?: string;
}

export interface SignaturesBlock {
  readonly kind: 'signatures';
  /** "Nơi nhận:" list on the left; the signature blocks share the right half. */
  readonly recipients?: readonly string[];
  readonly blocks: readonly SignatureBlock[];
  /** Blocks per row when there are more than two (count records signed by a whole team). */
  readonly perRow?: number;
}

/** Content of one card (voter card, ballot paper); drawn inside a cut-out frame. */
export type CardItem =
  | {
      readonly kind: 'text';
      readonly runs: readonly Inline[];
      readonly align?: Align;
      readonly size?: number;
      readonly fill?: boolean;
    }
  | {
      readonly kind: 'box';
      readonly label: string;
      /** Size in millimetres. */
      readonly width: number;
      readonly height: number;
      readonly align: 'left' | 'center' | 'right';
      readonly dashed?: boolean;
    }
  | {
      readonly kind: 'columns';
      readonly columns: readonly {
        readonly width: number;
        readonly items: readonly CardItem[];
      }[];
    }
  | {
      readonly kind: 'table';
      readonly columns: readonly TableColumn[];
      readonly rows: readonly (readonly Cell[])[];
      readonly size?: number;
      readonly rowHeight?: number;
    }
  | { readonly kind: 'space'; readonly mm: number };

export interface Card {
  readonly items: readonly CardItem[];
}

/** Several cards to an A4 page, in a grid with cut lines. */
export interface CardsBlock {
  readonly kind: 'cards';
  readonly cards: readonly Card[];
  readonly columns: number;
  readonly rows: number;
  /** Base font size inside a card. */
  readonly size?: number;
}

export interface PageBreakBlock {
  readonly kind: 'pageBreak';
}

export interface SpaceBlock {
  readonly kind: 'space';
  /** Height in points. */
  readonly points: number;
}

export type Block =
  | HeaderBlock
  | TitleBlock
  | BasisBlock
  | HeadingBlock
  | ParagraphBlock
  | TableBlock
  | SignaturesBlock
  | CardsBlock
  | PageBreakBlock
  | SpaceBlock;

export interface DocumentMeta {
  /** Document title for the file properties. */
  readonly title: string;
  /**
   * The date stamped as the files' creation date, so that the same data always gives the same
   * bytes (a stored document's hash is reproducible). Usually the document's own date.
   */
  readonly date: CivilDate;
  readonly author?: string;
  readonly subject?: string;
}

export interface DocumentModel {
  readonly meta: DocumentMeta;
  readonly orientation?: 'portrait' | 'landscape';
  /** Body text size in points (ND30: 13-14). */
  readonly bodySize?: number;
  /** Page numbers in the top margin from page 2 (ND30); off for cards and ballots. */
  readonly pageNumbers?: boolean;
  readonly blocks: readonly Block[];
}

export const DEFAULT_BODY_SIZE = 14;

/** Page geometry shared by both renderers, in millimetres (ND30: A4; margins top/bottom 20-25, left 30-35, right 15-20). */
export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  marginTopMm: 20,
  marginBottomMm: 20,
  marginLeftMm: 30,
  marginRightMm: 15,
} as const;

/** Margins for a landscape page (wide posted lists): narrower sides so the table gets the room. */
export const LANDSCAPE_MARGINS = { topMm: 25, bottomMm: 20, leftMm: 20, rightMm: 20 } as const;

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

// Small constructors that keep form code short.

export const p = (
  runs: Inline | readonly Inline[],
  opts: Omit<ParagraphBlock, 'kind' | 'runs'> = {},
): ParagraphBlock => ({
  kind: 'paragraph',
  runs: typeof runs === 'string' || !Array.isArray(runs) ? [runs as Inline] : (runs as readonly Inline[]),
  ...opts,
});

export const b = (text: string): Run => ({ text, bold: true });
export const i = (text: string): Run => ({ text, italic: true });
export const bi = (text: string): Run => ({ text, bold: true, italic: true });

export const heading = (text: string, level: 1 | 2 | 3 = 1): HeadingBlock => ({
  kind: 'heading',
  text,
  level,
});

export const pageBreak: PageBreakBlock = { kind: 'pageBreak' };

export function inlineText(runs: readonly Inline[]): string {
  return runs.map((r) => (typeof r === 'string' ? r : r.text)).join('');
}

export function cellRuns(cell: Cell): TableCell {
  return typeof cell === 'string' ? { runs: [cell] } : cell;
}
