/**
 * Limits on an uploaded XLSX (a zip) before its sheet is read. The upload limit (20 MB) bounds the
 * compressed bytes only: deflate shrinks repeated bytes about a thousand times, so a small "zip bomb"
 * can inflate to gigabytes in the parser's memory. Here the zip's own directory is read (entry count,
 * declared sizes, compression methods), then every entry is inflated as a stream that is counted and
 * thrown away, stopping as soon as the total passes the limit: the declared sizes of a forged zip
 * are not trusted.
 */
import { createInflateRaw } from 'node:zlib';
import { err, ok, type Result } from '../domain/result';

export interface XlsxLimits {
  /** Total uncompressed bytes of all entries. */
  readonly maxUncompressed: number;
  readonly maxEntries: number;
  /**
   * An entry that inflates past a megabyte to more than this many times its compressed size is a bomb:
   * sheet XML of a roll shrinks ten to thirty times, runs of one repeated byte about a thousand.
   */
  readonly maxRatio?: number;
}

/** About ten times the 20 MB upload limit: far above a real roll, far below what hurts the server. */
export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  maxUncompressed: 150 * 1024 * 1024,
  maxEntries: 2000,
  maxRatio: 500,
};

/** Below this many inflated bytes an entry is not judged by its ratio (styles shrink a lot, and are small). */
const RATIO_FLOOR = 1024 * 1024;

/** Whether an entry inflating to `inflated` bytes from `compressed` passes the ratio limit. */
export function ratioAllowed(limits: XlsxLimits, compressed: number, inflated: number): boolean {
  return limits.maxRatio === undefined || inflated <= RATIO_FLOOR || inflated <= compressed * limits.maxRatio;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressed: number;
  readonly declared: number;
  readonly localOffset: number;
}

function refuse(message: string) {
  return err({ code: 'tabular.tooLarge', message });
}

export const tooBigMessage = (limit: number) =>
  `Tệp Excel khi giải nén vượt quá ${Math.round(limit / (1024 * 1024))} MB: tệp bất thường (có thể là "bom nén"). Hãy lưu lại tệp bằng Excel hoặc chia thành nhiều tệp nhỏ hơn.`;

export const ratioMessage = (limits: XlsxLimits) =>
  `Tệp Excel có phần giải nén lớn gấp hơn ${limits.maxRatio ?? 0} lần khi nén: tệp bất thường (có thể là "bom nén"). Hãy mở tệp bằng Excel và lưu lại.`;

/** The End Of Central Directory record: searched from the end (a comment may follow it). */
function findEocd(view: DataView): number {
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 65_535); at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  return -1;
}

/** The central directory's entries, or null when the zip is not readable (the reader reports that). */
export function readZipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(view);
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  const names = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return null;
    const nameLength = view.getUint16(at + 28, true);
    if (at + 46 + nameLength > bytes.length) return null;
    entries.push({
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressed: view.getUint32(at + 20, true),
      declared: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/** The compressed bytes of an entry, or null when its local header does not fit the file. */
export function entryData(bytes: Uint8Array, e: ZipEntry): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = e.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) return null;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + e.compressed;
  return end <= bytes.length ? bytes.subarray(start, end) : null;
}

/** Inflated size of a deflate stream, counted and discarded; stops just past `cap`. -1 if corrupt. */
function inflatedSize(data: Uint8Array, cap: number): Promise<number> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw();
    let n = 0;
    inflate.on('data', (chunk: Buffer) => {
      n += chunk.length;
      if (n > cap) {
        inflate.destroy();
        resolve(n);
      }
    });
    inflate.on('end', () => resolve(n));
    inflate.on('error', () => resolve(-1));
    inflate.end(data);
  });
}

/**
 * Refuses an XLSX with too many entries or whose content inflates past the limit. A zip that cannot
 * be read here is let through: the reader then refuses it as malformed.
 */
export async function checkXlsxLimits(
  bytes: Uint8Array,
  limits: XlsxLimits = DEFAULT_XLSX_LIMITS,
): Promise<Result<true>> {
  const entries = readZipEntries(bytes);
  if (!entries) return ok(true);
  if (entries.length > limits.maxEntries)
    return refuse(
      `Tệp Excel có ${entries.length} thành phần (giới hạn ${limits.maxEntries}): tệp bất thường.`,
    );
  // ZIP64 markers (0xFFFFFFFF) also land here: an XLSX under the upload limit never needs them.
  if (entries.reduce((s, e) => s + e.declared, 0) > limits.maxUncompressed)
    return refuse(tooBigMessage(limits.maxUncompressed));
  let total = 0;
  for (const e of entries) {
    const data = entryData(bytes, e);
    if (!data) return ok(true);
    if (e.method === 0) total += data.length;
    else if (e.method === 8) {
      const size = await inflatedSize(data, limits.maxUncompressed - total);
      if (size < 0) return ok(true);
      if (!ratioAllowed(limits, data.length, size)) return refuse(ratioMessage(limits));
      total += size;
    } else return refuse('Tệp Excel dùng kiểu nén không được hỗ trợ. Hãy mở tệp bằng Excel và lưu lại.');
    if (total > limits.maxUncompressed) return refuse(tooBigMessage(limits.maxUncompressed));
  }
  return ok(true);
}
