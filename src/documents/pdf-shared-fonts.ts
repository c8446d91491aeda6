/**
 * The four Liberation Serif faces parsed once per process and shared by every PDF.
 *
 * pdfkit parses a registered font (fontkit) the first time each document selects it: the cmap,
 * the GSUB and GPOS lookups, hmtx, loca. For a one-page document that parsing was most of the time.
 * Here each face is parsed once, and every document gets its own pdfkit font object (its own subset,
 * widths and ToUnicode map) over the shared parsed face.
 *
 * What must not be shared is the characters a glyph stands for. fontkit caches one glyph object per
 * glyph id, keeping the characters of the text it was first laid out in, and pdfkit writes a
 * glyph's characters into the document's ToUnicode map (what copying the text gives). Shared as
 * they are, a glyph first met inside a decomposed letter (the "y" of "ỷ") would lose its text in
 * every later document ("Nguyễn" extracted as "Ngu ễn"), and a document's bytes would depend on what
 * the process rendered before it. So the shared faces answer every glyph request with a glyph that
 * carries exactly the characters asked for (the cached glyph when they match, else a view of it
 * with its own characters): the layout of a word is then a function of the word alone, and is
 * cached for every document, while the document's ToUnicode map still takes the first use of each
 * glyph in that document, as pdfkit does.
 *
 * Glyph outlines are decoded once per glyph (the subset of every document copies them): fontkit
 * decodes them again on each call, and nothing writes to the decoded outline.
 */
import PDFDocument from 'pdfkit';
import { encodeTrueTypeSubset, type TrueTypeSubset } from './pdf-font-subset';
import { FONT_KEYS, fontBuffers, type FontKey } from './pdf-fonts';

type Doc = PDFKit.PDFDocument;

/** The parts of a fontkit glyph this module touches. */
interface Glyph {
  readonly id: number;
  codePoints: readonly number[];
  _decode(): unknown;
}

/** The parts of a parsed fontkit face this module touches. */
interface ParsedFace {
  getGlyph(id: number, codePoints?: readonly number[]): Glyph | null;
}

/** A laid-out word, as pdfkit keeps it (positions already scaled to the document's units). */
type LaidOutWords = Record<string, unknown>;

/** pdfkit's font object for one document (its EmbeddedFont, not exported by pdfkit). */
interface DocumentFont {
  readonly name: string;
  readonly subset: TrueTypeSubset;
  layoutCache?: LaidOutWords;
}
type DocumentFontClass = new (doc: Doc, face: ParsedFace, id: string) => DocumentFont;

/** The document fields pdfkit's `font()` reads to find a font it already opened. */
interface DocumentFonts {
  _fontFamilies: Record<string, DocumentFont>;
  _fontCount: number;
}

interface Shared {
  readonly faces: Readonly<Record<FontKey, ParsedFace>>;
  readonly DocumentFont: DocumentFontClass;
  /** Each face's laid-out words, shared by every document (cleared when it grows too large). */
  readonly words: Record<FontKey, WordCache>;
}

interface WordCache {
  cache: LaidOutWords;
  /** Documents given this cache since its size was last checked. */
  documents: number;
}

/** Distinct words kept per face: a voter list of a whole province must not grow memory forever. */
const WORD_CACHE_LIMIT = 4_000;

const sameCodePoints = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((c, i) => c === b[i]);

/** Makes a parsed face give each request a glyph with the characters asked for (see above). */
function answerWithRequestedCharacters(face: ParsedFace): void {
  const cached = face.getGlyph.bind(face);
  const decoded = new Set<Glyph>();
  face.getGlyph = (id, codePoints = []) => {
    const glyph = cached(id, codePoints);
    if (glyph === null) return null;
    if (!decoded.has(glyph)) {
      decoded.add(glyph);
      const outline = glyph._decode();
      glyph._decode = () => outline;
    }
    if (sameCodePoints(glyph.codePoints, codePoints)) return glyph;
    // The view inherits the glyph's metrics and outline; only the characters are its own. Its
    // glyph classes (mark, ligature) come from the face's GDEF table, not from the characters.
    const view = Object.create(glyph) as Glyph;
    view.codePoints = codePoints;
    return view;
  };
}

let shared: Shared | undefined;
let parses = 0;

/**
 * Parses the four faces the only way pdfkit offers (selecting them in a document that is never
 * written out) and keeps the parsed faces and pdfkit's font class.
 */
function parseOnce(): Shared {
  if (shared !== undefined) return shared;
  parses++;
  const probe = new (PDFDocument as unknown as new (o: object) => Doc)({ autoFirstPage: false });
  const buffers = fontBuffers();
  const faces = {} as Record<FontKey, ParsedFace>;
  let DocumentFont: DocumentFontClass | undefined;
  for (const key of FONT_KEYS) {
    probe.registerFont(key, buffers[key]);
    probe.font(key);
    const opened = (probe as unknown as { _font: { font: ParsedFace; constructor: DocumentFontClass } })
      ._font;
    answerWithRequestedCharacters(opened.font);
    faces[key] = opened.font;
    DocumentFont = opened.constructor;
  }
  const words = {} as Shared['words'];
  for (const key of FONT_KEYS) words[key] = { cache: Object.create(null) as LaidOutWords, documents: 0 };
  shared = { faces, DocumentFont: DocumentFont!, words };
  return shared;
}

/**
 * The face's word cache for one more document. pdfkit fills it as it lays out words; it is
 * emptied between documents, never during one.
 */
function sharedWords(words: WordCache): LaidOutWords {
  // Counting the words costs a walk of the cache: once every 64 documents is enough.
  if (++words.documents % 64 === 0 && Object.keys(words.cache).length > WORD_CACHE_LIMIT)
    words.cache = Object.create(null) as LaidOutWords;
  return words.cache;
}

/** How many times the faces were parsed in this process (tests check it stays at one). */
export function fontParseCount(): number {
  return parses;
}

const isFontKey = (src: unknown): src is FontKey =>
  typeof src === 'string' && (FONT_KEYS as readonly string[]).includes(src);

/**
 * Gives `doc` the shared faces under the four font keys. A face enters the document when the
 * document first selects it, with the next font id, as pdfkit itself would number it, so that unused
 * faces are not embedded and the output matches a document that parsed its own fonts.
 */
export function useSharedFonts(doc: Doc): void {
  const { faces, DocumentFont, words } = parseOnce();
  const fonts = doc as unknown as DocumentFonts;
  const select = doc.font.bind(doc) as (...args: unknown[]) => Doc;
  doc.font = (src: unknown, ...rest: unknown[]) => {
    if (isFontKey(src) && fonts._fontFamilies[src] === undefined) {
      const font = new DocumentFont(doc, faces[src], `F${++fonts._fontCount}`);
      font.layoutCache = sharedWords(words[src]);
      font.subset.encode = () => encodeTrueTypeSubset(font.subset);
      fonts._fontFamilies[src] = font;
      fonts._fontFamilies[font.name] = font;
    }
    return select(src, ...rest);
  };
}
