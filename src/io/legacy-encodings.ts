/**
 * Legacy Vietnamese text: TCVN3 (ABC, the .VnTime fonts), VNI-Windows (the VNI-Times fonts) and
 * windows-1258. Old spreadsheets typed in TCVN3 or VNI store Latin-1 code points that only the font
 * draws as Vietnamese, so "Nguyễn" arrives as "NguyÔn" (TCVN3) or "Nguyeãn" (VNI). We convert to
 * Unicode NFC and say which encoding we found, choosing the decoding that yields the most valid
 * Vietnamese syllables (see vietnamese-syllable.ts), so ordinary Unicode or ASCII text is left alone.
 */
import { isUtf8 } from 'node:buffer';
import { scoreVietnamese, type SyllableScore } from './vietnamese-syllable';

export type LegacyEncoding = 'tcvn3' | 'vni' | 'windows-1258';

/**
 * TCVN 5712:1993 upper half (0xA1-0xFF), the layout of the ABC fonts: lowercase letters with tones,
 * the bare ă â ê ô ơ ư đ and their capitals, five combining tones at 0xB0-0xB4, and the few capitals
 * with tones that fit in the gaps (the rest of the capitals come from the .VnTimeH fonts, which draw
 * the lowercase codes as capitals).
 */
const TCVN3_HIGH = [
  /* A0 */ '\u00a0',
  'Ă',
  'Â',
  'Ê',
  'Ô',
  'Ơ',
  'Ư',
  'Đ',
  'ă',
  'â',
  'ê',
  'ô',
  'ơ',
  'ư',
  'đ',
  'Ằ',
  /* B0 */ '\u0300',
  '\u0309',
  '\u0303',
  '\u0301',
  '\u0323',
  'à',
  'ả',
  'ã',
  'á',
  'ạ',
  'Ẳ',
  'ằ',
  'ẳ',
  'ẵ',
  'ắ',
  'Ẵ',
  /* C0 */ 'Ắ',
  'Ầ',
  'Ẩ',
  'Ẫ',
  'Ấ',
  'Ề',
  'ặ',
  'ầ',
  'ẩ',
  'ẫ',
  'ấ',
  'ậ',
  'è',
  'Ể',
  'ẻ',
  'ẽ',
  /* D0 */ 'é',
  'ẹ',
  'ề',
  'ể',
  'ễ',
  'ế',
  'ệ',
  'ì',
  'ỉ',
  'Ễ',
  'Ế',
  'Ồ',
  'ĩ',
  'í',
  'ị',
  'ò',
  /* E0 */ 'Ổ',
  'ỏ',
  'õ',
  'ó',
  'ọ',
  'ồ',
  'ổ',
  'ỗ',
  'ố',
  'ộ',
  'ờ',
  'ở',
  'ỡ',
  'ớ',
  'ợ',
  'ù',
  /* F0 */ 'Ỗ',
  'ủ',
  'ũ',
  'ú',
  'ụ',
  'ừ',
  'ử',
  'ữ',
  'ứ',
  'ự',
  'ỳ',
  'ỷ',
  'ỹ',
  'ý',
  'ỵ',
  'Ố',
];

const TCVN3_MAP = new Map<string, string>(TCVN3_HIGH.map((u, i) => [String.fromCharCode(0xa0 + i), u]));

/**
 * VNI-Windows writes a base letter followed by mark characters (tone, circumflex "â", breve "ê", or
 * both in one character), and has single characters for ơ ư đ, the toned i's and ỵ. Capital letters
 * take the capital form of each mark character.
 */
const ACUTE = '\u0301';
const GRAVE = '\u0300';
const HOOK = '\u0309';
const TILDE = '\u0303';
const DOT = '\u0323';
const CIRC = '\u0302';
const BREVE = '\u0306';

const VNI_LOWER: Readonly<Record<string, string>> = {
  ù: ACUTE,
  ø: GRAVE,
  û: HOOK,
  õ: TILDE,
  ï: DOT,
  â: CIRC,
  á: CIRC + ACUTE,
  à: CIRC + GRAVE,
  å: CIRC + HOOK,
  ã: CIRC + TILDE,
  ä: CIRC + DOT,
  ê: BREVE,
  é: BREVE + ACUTE,
  è: BREVE + GRAVE,
  ú: BREVE + HOOK,
  ü: BREVE + TILDE,
  ë: BREVE + DOT,
  ô: 'ơ',
  ö: 'ư',
  ñ: 'đ',
  í: 'í',
  ì: 'ì',
  æ: 'ỉ',
  ó: 'ĩ',
  ò: 'ị',
  î: 'ỵ',
};

const VNI_MAP = new Map<string, string>();
for (const [lower, unicode] of Object.entries(VNI_LOWER)) {
  VNI_MAP.set(lower, unicode);
  // Capital mark characters draw the same marks; the standalone letters become capitals.
  VNI_MAP.set(
    lower.toUpperCase(),
    unicode.length === 1 && !/[\u0300-\u036f]/.test(unicode) ? unicode.toUpperCase() : unicode,
  );
}

const LATIN1_HIGH = /[\u00a0-\u00ff]/;

function mapChars(text: string, map: ReadonlyMap<string, string>): string {
  if (!LATIN1_HIGH.test(text)) return text;
  let out = '';
  for (const ch of text) out += map.get(ch) ?? ch;
  return out;
}

/**
 * The .VnTimeH fonts show every letter as a capital, so a field whose ASCII letters are all capitals
 * was typed in capitals: its converted Vietnamese letters must be capitals too. Capitals that only
 * begin words ('Lª Lª', a name written as names are) say nothing: a capital inside a word must show it.
 */
function restoreCapitals(original: string, converted: string): string {
  const letters = original.match(/[A-Za-z]/g);
  if (!letters || letters.length < 2 || letters.some((c) => c >= 'a')) return converted;
  if (!/[A-Za-z\u00a1-\u00ff][A-Z]/.test(original)) return converted;
  return converted.toUpperCase();
}

const FIELD_SEPARATORS = /([,;\t\r\n"|]+)/;

/**
 * Letters only Unicode has (ă đ ĩ ũ ơ ư and the toned vowels from U+1EA0): 8-bit font text never
 * contains them, so a line that has one was typed in Unicode, e.g. a row added to an old file later.
 */
const UNICODE_VIETNAMESE =
  /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/;

export function isUnicodeVietnamese(text: string): boolean {
  return UNICODE_VIETNAMESE.test(text);
}

/** Converts line by line, leaving lines already in Unicode alone. */
function eachLegacyLine(text: string, convert: (line: string) => string): string {
  if (!LATIN1_HIGH.test(text)) return text.normalize('NFC');
  return text
    .split(/(\r?\n)/)
    .map((line, i) => (i % 2 === 1 || isUnicodeVietnamese(line) ? line : convert(line)))
    .join('')
    .normalize('NFC');
}

export function tcvn3ToUnicode(text: string): string {
  return eachLegacyLine(text, (line) =>
    line
      .split(FIELD_SEPARATORS)
      .map((part, i) => (i % 2 === 1 ? part : restoreCapitals(part, mapChars(part, TCVN3_MAP))))
      .join(''),
  );
}

export function vniToUnicode(text: string): string {
  return eachLegacyLine(text, (line) => mapChars(line, VNI_MAP));
}

/** windows-1258 stores most tones as combining marks after the letter: compose them. */
export function decodeWindows1258(bytes: Uint8Array): string {
  return new TextDecoder('windows-1258').decode(bytes).normalize('NFC');
}

export interface ConvertedText {
  readonly text: string;
  readonly converted: LegacyEncoding | null;
}

// A decoding must turn at least half of the non-ASCII words into syllables, and beat the text as
// it is by a fifth of them, before we call the text legacy: Unicode Vietnamese never loses.
const MIN_VALID_SHARE = 0.5;
const MIN_GAIN_SHARE = 0.2;

function isBetter(candidate: number, baseline: number, scored: number): boolean {
  return (
    candidate >= MIN_VALID_SHARE * scored && candidate - baseline >= MIN_GAIN_SHARE * scored && candidate > 0
  );
}

/** Common syllables count twice: they separate a right decoding from a lucky wrong one. */
function rank(score: SyllableScore): number {
  return score.valid + score.common;
}

/** Which legacy font encoding, if any, a string decoded as Latin-1 / windows-1252 is written in. */
export function detectLegacyText(text: string): 'tcvn3' | 'vni' | null {
  if (!LATIN1_HIGH.test(text)) return null;
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const asIs = scoreVietnamese(sample);
  if (asIs.scored === 0) return null;
  const tcvn3 = scoreVietnamese(tcvn3ToUnicode(sample));
  const vni = scoreVietnamese(vniToUnicode(sample));
  const [best, score] = rank(tcvn3) >= rank(vni) ? (['tcvn3', tcvn3] as const) : (['vni', vni] as const);
  const better =
    score.valid >= MIN_VALID_SHARE * asIs.scored && rank(score) - rank(asIs) >= MIN_GAIN_SHARE * asIs.scored;
  return better ? best : null;
}

/** Converts TCVN3 or VNI text to Unicode NFC; other text comes back NFC and unconverted. */
export function convertLegacyText(text: string): ConvertedText {
  const encoding = detectLegacyText(text);
  if (encoding === 'tcvn3') return { text: tcvn3ToUnicode(text), converted: 'tcvn3' };
  if (encoding === 'vni') return { text: vniToUnicode(text), converted: 'vni' };
  return { text: text.normalize('NFC'), converted: null };
}

/** Converts each string with an encoding already detected for the whole file. */
export function convertWith(encoding: 'tcvn3' | 'vni' | null, text: string): string {
  if (encoding === 'tcvn3') return tcvn3ToUnicode(text);
  if (encoding === 'vni') return vniToUnicode(text);
  return text.normalize('NFC');
}

export type ByteEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'windows-1252';

export interface DecodedBytes extends ConvertedText {
  readonly encoding: ByteEncoding;
}

/** UTF-16 when the bytes say so: a byte order mark, or a zero in every other byte of ASCII-heavy text. */
function utf16Of(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes.length < 4) return null;
  const n = Math.min(bytes.length, 4096) & ~1;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  if (oddZeros > n * 0.3 && evenZeros < n * 0.05) return 'utf-16le';
  if (evenZeros > n * 0.3 && oddZeros < n * 0.05) return 'utf-16be';
  return null;
}

function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return out;
}

/** Bytes decoded a piece at a time; each piece but the last ends at a line break. */
export interface DecodingText {
  readonly encoding: ByteEncoding;
  readonly converted: LegacyEncoding | null;
  /** NFC text, legacy font text converted, in pieces of about `pieceBytes` of the input. */
  pieces(): Generator<string>;
}

/** Detection reads this much of the start of a file: more than the 200,000 characters it samples. */
const SAMPLE_BYTES = 1024 * 1024;
const PIECE_BYTES = 1024 * 1024;

/**
 * Decodes a text file of unknown encoding: UTF-8 (with or without BOM) or UTF-16 when the bytes say
 * so, otherwise whichever of windows-1258, TCVN3, VNI or plain windows-1252 reads as the most
 * Vietnamese. Legacy font text inside UTF-8 or UTF-16 is converted too. The encoding is chosen on the
 * first megabyte (the syllable scores read the first 2,000 words, detection the first 200,000
 * characters), then the whole file is decoded piece by piece, so that a large file is never held as
 * one string. Pieces end at line breaks: conversion and NFC work line by line.
 */
export function decodingText(bytes: Uint8Array, pieceBytes = PIECE_BYTES): DecodingText {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const utf16 = utf16Of(bytes);
  if (utf16 !== null || isUtf8(bytes)) {
    const encoding = utf16 ?? 'utf-8';
    const legacy = detectLegacyText(new TextDecoder(encoding).decode(sample));
    return decoding(bytes, pieceBytes, encoding, legacy, () => {
      const decoder = new TextDecoder(encoding);
      return (chunk, last) => decoder.decode(chunk, { stream: !last });
    });
  }
  const raw = latin1(sample);
  const cp1258 = decodeWindows1258(sample);
  const legacy = detectLegacyText(raw);
  if (legacy !== null) {
    const legacyScore = scoreVietnamese(convertWith(legacy, raw)).valid;
    if (legacyScore > scoreVietnamese(cp1258).valid)
      return decoding(bytes, pieceBytes, 'windows-1252', legacy, () => latin1);
  }
  const plain = scoreVietnamese(new TextDecoder('windows-1252').decode(sample));
  const encoding = isBetter(scoreVietnamese(cp1258).valid, plain.valid, plain.scored)
    ? 'windows-1258'
    : 'windows-1252';
  return decoding(bytes, pieceBytes, encoding, encoding === 'windows-1258' ? 'windows-1258' : null, () => {
    const decoder = new TextDecoder(encoding);
    return (chunk) => decoder.decode(chunk);
  });
}

function decoding(
  bytes: Uint8Array,
  pieceBytes: number,
  encoding: ByteEncoding,
  converted: LegacyEncoding | null,
  decoder: () => (chunk: Uint8Array, last: boolean) => string,
): DecodingText {
  const finish = (text: string) =>
    converted === 'tcvn3' || converted === 'vni' ? convertWith(converted, text) : text.normalize('NFC');
  return {
    encoding,
    converted,
    *pieces() {
      const decode = decoder();
      let carry = '';
      for (let at = 0; ; at += pieceBytes) {
        const last = at + pieceBytes >= bytes.length;
        const text = carry + decode(bytes.subarray(at, at + pieceBytes), last);
        if (last) {
          yield finish(text);
          return;
        }
        let cut = text.lastIndexOf('\n') + 1;
        // One line longer than a piece (a file without line feeds): cut it where it is.
        if (cut === 0 && text.length > pieceBytes) cut = text.length;
        carry = text.slice(cut);
        if (cut > 0) yield finish(text.slice(0, cut));
      }
    },
  };
}

/** The whole file decoded as one string (small files: the tests, other readers). */
export function decodeText(bytes: Uint8Array): DecodedBytes {
  const d = decodingText(bytes);
  return { encoding: d.encoding, converted: d.converted, text: [...d.pieces()].join('') };
}

// ---------------------------------------------------------------- encoders (test files, fixtures)

const TCVN3_INVERSE = new Map<string, string>();
TCVN3_HIGH.forEach((u, i) => {
  if (!/[\u0300-\u036f]/.test(u) && u !== '\u00a0') TCVN3_INVERSE.set(u, String.fromCharCode(0xa0 + i));
});

/**
 * Unicode to TCVN3 as a .VnTime user would have typed it. Capitals with tones that the ABC fonts lack
 * are written with the lowercase code (as under .VnTimeH), so they come back lowercase unless the
 * whole field is in capitals.
 */
export function unicodeToTcvn3(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    out += TCVN3_INVERSE.get(ch) ?? TCVN3_INVERSE.get(ch.toLowerCase()) ?? ch;
  }
  return out;
}

const VNI_TONE: Readonly<Record<string, string>> = {
  [ACUTE]: 'ù',
  [GRAVE]: 'ø',
  [HOOK]: 'û',
  [TILDE]: 'õ',
  [DOT]: 'ï',
};
const VNI_CIRC_TONE: Readonly<Record<string, string>> = {
  '': 'â',
  [ACUTE]: 'á',
  [GRAVE]: 'à',
  [HOOK]: 'å',
  [TILDE]: 'ã',
  [DOT]: 'ä',
};
const VNI_BREVE_TONE: Readonly<Record<string, string>> = {
  '': 'ê',
  [ACUTE]: 'é',
  [GRAVE]: 'è',
  [HOOK]: 'ú',
  [TILDE]: 'ü',
  [DOT]: 'ë',
};
const VNI_I: Readonly<Record<string, string>> = {
  [ACUTE]: 'í',
  [GRAVE]: 'ì',
  [HOOK]: 'æ',
  [TILDE]: 'ó',
  [DOT]: 'ò',
};
const HORN = '\u031b';

/** Unicode to VNI-Windows, as typed with the VNI-Times fonts. */
export function unicodeToVni(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += vniChar(ch);
  return out;
}

function vniChar(ch: string): string {
  if (ch === 'đ' || ch === 'Đ') return ch === 'đ' ? 'ñ' : 'Ñ';
  const parts = ch.normalize('NFD');
  if (parts.length === 1) return ch;
  const base = parts[0] as string;
  const marks = parts.slice(1);
  const upper = base !== base.toLowerCase();
  const tone = [...marks].find((m) => m in VNI_TONE) ?? '';
  const cased = (s: string) => (upper ? s.toUpperCase() : s);
  const lower = base.toLowerCase();
  if (marks.includes(HORN))
    return cased(lower === 'o' ? 'ô' : 'ö') + (tone ? cased(VNI_TONE[tone] as string) : '');
  if (lower === 'i' && tone) return cased(VNI_I[tone] as string);
  if (lower === 'y' && tone === DOT) return cased('î');
  if (marks.includes(CIRC)) return base + cased(VNI_CIRC_TONE[tone] as string);
  if (marks.includes(BREVE)) return base + cased(VNI_BREVE_TONE[tone] as string);
  if (tone) return base + cased(VNI_TONE[tone] as string);
  return ch;
}
