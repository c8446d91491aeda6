/**
 * RFC 4180 CSV to records, about ten times faster than csv-parse's generic state machine (which was
 * half of the time of a CSV import, docs/benchmarks.md). Same results as csv-parse with the options
 * the import used (relax_column_count, skip_empty_lines false, bom, strict quotes):
 * - records end at CRLF, LF or CR; a final line break does not start an empty record (in a file that
 *   mixes line-break styles every break ends a record, where csv-parse kept all but the first style
 *   as text inside cells);
 * - an empty line is a record with one empty field;
 * - a field that starts with a double quote runs to the closing quote, "" inside stands for one quote,
 *   and may hold delimiters and line breaks;
 * - a quote in the middle of an unquoted field, text after a closing quote, or a quote never closed
 *   makes the file malformed (the officer is told to open and save it again in Excel).
 * The reader takes the text in pieces (createCsvRecordReader) so that a large file is never one string
 * nor one array of records: each record goes to a callback as soon as its line break is seen.
 */

export type CsvRecords =
  { readonly ok: true; readonly records: string[][] } | { readonly ok: false; readonly line: number };

export type CsvPush = { readonly ok: true } | { readonly ok: false; readonly line: number };

export interface CsvRecordReader {
  /** Reads the records `text` completes; `final` says no text follows (the end of the file). */
  push(text: string, final: boolean): CsvPush;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * A record not finished at the end of a piece waits for the next one; one record longer than this is
 * a quote never closed (the whole file would otherwise wait in memory).
 */
export const MAX_RECORD_CHARS = 4 * 1024 * 1024;

/** The whole text at once, every record in an array (small files, tests). */
export function parseCsvRecords(input: string, delimiter: string): CsvRecords {
  const records: string[][] = [];
  const r = createCsvRecordReader(delimiter, (cells) => records.push(cells)).push(input, true);
  return r.ok ? { ok: true, records } : r;
}

const INCOMPLETE = -1;
const MALFORMED = -2;

export function createCsvRecordReader(
  delimiter: string,
  onRecord: (cells: string[]) => void,
): CsvRecordReader {
  const delim = delimiter.charCodeAt(0);
  let carry = '';
  let started = false;
  let line = 1; // physical line, for the error message
  let errorLine = 0;
  let record: string[] = [];

  /** Reads one record from `i`; the index after it, INCOMPLETE or MALFORMED (errorLine set). */
  function readRecord(text: string, i: number, final: boolean): number {
    const n = text.length;
    record = [];
    for (;;) {
      let c = i < n ? text.charCodeAt(i) : LF;
      if (c === QUOTE) {
        // Quoted field: find the closing quote, unescaping "" on the way.
        const startLine = line;
        let value = '';
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q < 0) {
            if (final) return fail(startLine);
            return INCOMPLETE;
          }
          line += countBreaks(text, from, q);
          if (q + 1 >= n && !final) return INCOMPLETE; // a "" may continue in the next piece
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          value += text.slice(from, q);
          i = q + 1;
          break;
        }
        record.push(value);
        c = i < n ? text.charCodeAt(i) : LF;
        if (c !== delim && c !== CR && c !== LF) return fail(line);
        if (i >= n) return i;
      } else {
        const start = i;
        while (i < n) {
          c = text.charCodeAt(i);
          if (c === delim || c === CR || c === LF) break;
          if (c === QUOTE) return fail(line);
          i++;
        }
        if (i >= n) {
          if (!final) return INCOMPLETE;
          record.push(text.slice(start, i));
          return i;
        }
        record.push(text.slice(start, i));
      }
      if (c === delim) {
        i++;
        if (i >= n) {
          if (!final) return INCOMPLETE;
          // A delimiter at the very end of the text leaves one more empty field.
          record.push('');
          return i;
        }
        continue;
      }
      // Line break: CRLF, LF or CR (a CR at the end of a piece may be the first half of a CRLF).
      if (c === CR && i + 1 >= n && !final) return INCOMPLETE;
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      return i;
    }
  }

  function fail(at: number): number {
    errorLine = at;
    return MALFORMED;
  }

  return {
    push(piece, final) {
      let text = carry === '' ? piece : carry + piece;
      if (!started && text.length > 0) {
        started = true;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      const n = text.length;
      let i = 0;
      while (i < n) {
        const startLine = line;
        const next = readRecord(text, i, final);
        if (next === MALFORMED) return { ok: false, line: errorLine };
        if (next === INCOMPLETE) {
          line = startLine;
          if (n - i > MAX_RECORD_CHARS) return { ok: false, line: startLine };
          carry = text.slice(i);
          return { ok: true };
        }
        onRecord(record);
        i = next;
      }
      carry = '';
      return { ok: true };
    },
  };
}

function countBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let k = text.indexOf('\n', from); k >= 0 && k < to; k = text.indexOf('\n', k + 1)) count++;
  return count;
}
