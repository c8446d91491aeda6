/**
 * Writes the TrueType subset pdfkit embeds, byte for byte what fontkit's `TTFSubset.encode` writes,
 * without its generic structure encoder. fontkit re-encodes every table value by value for each
 * document, including the face's constant hinting programs (`fpgm`, `prep`, `cvt `, several
 * kilobytes each, a byte at a time): that was a fifth of a one-page PDF. Here the constant tables
 * are the face's own bytes, copied, and only the tables that follow the glyphs (`loca`, `hmtx`, the
 * glyph count in `maxp` and `hhea`) are written. A test compares the two encoders on the subsets of
 * every form, so a fontkit that wrote something else would be noticed.
 */

/** The parts of fontkit's TrueType subset this module uses. */
export interface TrueTypeSubset {
  readonly font: SubsetFace;
  readonly glyphs: number[];
  glyf: Uint8Array[];
  offset: number;
  loca: { offsets: number[]; version: number };
  hmtx: { metrics: { advance: number; bearing: number }[]; bearings: number[] };
  _addGlyph(gid: number): number;
  encode(): Uint8Array;
}

interface SubsetFace {
  readonly loca: { readonly version: number };
  readonly directory: { readonly tables: Record<string, { offset: number; length: number } | undefined> };
  _getTableStream(tag: string): { buffer: Uint8Array; pos: number } | null;
}

/** The tables of a subset, in fontkit's order (the PDF needs only these). */
const TAGS = ['head', 'hhea', 'loca', 'maxp', 'cvt ', 'prep', 'glyf', 'hmtx', 'fpgm'] as const;

const constantTables = new WeakMap<SubsetFace, Map<string, Buffer>>();

/** The face's own bytes of a table (null when the face has none). */
function tableBytes(face: SubsetFace, tag: string): Buffer | null {
  let tables = constantTables.get(face);
  if (tables === undefined) {
    tables = new Map();
    constantTables.set(face, tables);
  }
  const known = tables.get(tag);
  if (known !== undefined) return known;
  const entry = face.directory.tables[tag];
  const stream = face._getTableStream(tag);
  if (entry === undefined || stream === null) return null;
  const bytes = Buffer.from(stream.buffer.subarray(stream.pos, stream.pos + entry.length));
  tables.set(tag, bytes);
  return bytes;
}

/** A copy of a constant table with one 16-bit field set (the glyph count, the metrics count). */
function withUint16(bytes: Buffer, at: number, value: number): Buffer {
  const copy = Buffer.from(bytes);
  copy.writeUInt16BE(value, at);
  return copy;
}

/** Encodes `subset` as fontkit's `TTFSubset.encode` does. */
export function encodeTrueTypeSubset(subset: TrueTypeSubset): Buffer {
  const face = subset.font;
  subset.glyf = [];
  subset.offset = 0;
  subset.loca = { offsets: [], version: face.loca.version };
  subset.hmtx = { metrics: [], bearings: [] };
  // The list grows while it is walked: a composite glyph adds its components.
  for (let i = 0; i < subset.glyphs.length; i++) subset._addGlyph(subset.glyphs[i]!);
  subset.loca.offsets.push(subset.offset);

  const head = tableBytes(face, 'head');
  const hhea = tableBytes(face, 'hhea');
  const maxp = tableBytes(face, 'maxp');
  if (head === null || hhea === null || maxp === null) throw new Error('font without head, hhea or maxp');
  const shortLoca = subset.loca.version === 0;
  const loca = Buffer.alloc(subset.loca.offsets.length * (shortLoca ? 2 : 4));
  subset.loca.offsets.forEach((o, i) =>
    shortLoca ? loca.writeUInt16BE(o >>> 1, i * 2) : loca.writeUInt32BE(o, i * 4),
  );
  const hmtx = Buffer.alloc(subset.hmtx.metrics.length * 4);
  subset.hmtx.metrics.forEach((m, i) => {
    hmtx.writeUInt16BE(m.advance, i * 4);
    hmtx.writeInt16BE(m.bearing, i * 4 + 2);
  });
  const data: Record<(typeof TAGS)[number], Buffer | null> = {
    // head: indexToLocFormat (offset 50) is the face's own, as the subset keeps the loca format.
    head,
    hhea: withUint16(hhea, 34, subset.hmtx.metrics.length),
    loca,
    maxp: withUint16(maxp, 4, subset.glyf.length),
    'cvt ': tableBytes(face, 'cvt '),
    prep: tableBytes(face, 'prep'),
    glyf: Buffer.concat(subset.glyf),
    hmtx,
    fpgm: tableBytes(face, 'fpgm'),
  };
  const present = TAGS.filter((t) => data[t] !== null);
  const exponent = Math.floor(Math.log2(present.length));
  const searchRange = 2 ** exponent * 16;
  const directory = Buffer.alloc(12 + 16 * present.length);
  directory.write('true', 0, 'latin1');
  directory.writeUInt16BE(present.length, 4);
  directory.writeUInt16BE(searchRange, 6);
  directory.writeUInt16BE(exponent, 8);
  directory.writeUInt16BE(present.length * 16 - searchRange, 10);
  let offset = directory.length;
  present.forEach((tag, i) => {
    const bytes = data[tag]!;
    const at = 12 + i * 16;
    directory.write(tag, at, 'latin1');
    directory.writeUInt32BE(0, at + 4); // fontkit writes no checksums
    directory.writeUInt32BE(offset, at + 8);
    directory.writeUInt32BE(bytes.length, at + 12);
    offset += bytes.length;
  });
  return Buffer.concat([directory, ...present.map((t) => data[t]!)]);
}
