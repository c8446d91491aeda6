import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCsvRecordReader, parseCsvRecords } from './csv-records';

const records = (text: string, delimiter = ',') => {
  const r = parseCsvRecords(text, delimiter);
  if (!r.ok) throw new Error(`malformed at line ${r.line}`);
  return r.records;
};

describe('parseCsvRecords', () => {
  it('reads quoted fields with delimiters, escaped quotes and line breaks', () => {
    expect(records('a,"b,c","say ""hi""","x\r\ny"\r\n1,2,3,4\r\n')).toEqual([
      ['a', 'b,c', 'say "hi"', 'x\r\ny'],
      ['1', '2', '3', '4'],
    ]);
  });

  it('keeps empty lines as one empty field, drops the final line break, strips the BOM', () => {
    expect(records('\ufeffa;b\n\n;\n', ';')).toEqual([['a', 'b'], [''], ['', '']]);
    expect(records('a,\r\nb')).toEqual([['a', ''], ['b']]);
  });

  it('refuses an unclosed quote, a quote inside a field and text after a closing quote, with the line', () => {
    expect(parseCsvRecords('a,b\n"1,2\n3,4\n', ',')).toEqual({ ok: false, line: 2 });
    expect(parseCsvRecords('a,b\n1,x"y\n', ',')).toEqual({ ok: false, line: 2 });
    expect(parseCsvRecords('a\n"q"x,1\n', ',')).toEqual({ ok: false, line: 2 });
  });

  it('gives what csv-parse gives (with the import options) for files with one line-break style', () => {
    const piece = fc.constantFrom('a', 'ệ', ' ', ',', ';', '"', '""', '\t');
    const file = fc
      .tuple(
        fc.array(fc.array(piece, { maxLength: 6 }), { maxLength: 6 }),
        fc.constantFrom('\n', '\r\n', '\r'),
      )
      .map(([lines, br]) => lines.map((l) => l.join('')).join(br));
    fc.assert(
      fc.property(file, fc.constantFrom(',', ';'), (text, delimiter) => {
        let expected: unknown;
        try {
          expected = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, bom: true });
        } catch {
          expected = 'malformed';
        }
        const got = parseCsvRecords(text, delimiter);
        expect(got.ok ? got.records : 'malformed').toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the same records and errors when the text arrives in pieces cut anywhere', () => {
    const piece = fc.constantFrom('a', 'ệ', ' ', ',', '"', '""', '\n', '\r\n', '\r');
    const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.nat(60), { maxLength: 6 }), (whole, cuts) => {
        const at = [...new Set(cuts.map((c) => c % (whole.length + 1)))].sort((a, b) => a - b);
        const pieces: string[] = [];
        let from = 0;
        for (const c of at) {
          pieces.push(whole.slice(from, c));
          from = c;
        }
        const got: string[][] = [];
        const reader = createCsvRecordReader(',', (cells) => got.push(cells));
        let result = { ok: true } as { ok: boolean; line?: number };
        for (const p of pieces) if (result.ok) result = reader.push(p, false);
        if (result.ok) result = reader.push(whole.slice(from), true);
        const expected = parseCsvRecords(whole, ',');
        if (expected.ok) expect([result.ok, got]).toEqual([true, expected.records]);
        else expect(result).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
