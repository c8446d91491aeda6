import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compareByVietnameseName,
  foldForSearch,
  matchesSearch,
  normalizeText,
  splitVietnameseName,
} from './names';

describe('normalizeText', () => {
  it('composes to NFC, strips zero-width characters, trims and collapses inner whitespace', () => {
    const decomposed = 'Nguye\u0302\u0303n  \u200BVa\u0306n\u00A0\t A ';
    expect(normalizeText(decomposed)).toBe('Nguyễn Văn A');
    expect(normalizeText('\uFEFFTổ  1')).toBe('Tổ 1');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => normalizeText(normalizeText(s)) === normalizeText(s)),
    );
  });
});

describe('splitVietnameseName', () => {
  it('takes the first word as family name, the last as given name, the rest as middle name', () => {
    expect(splitVietnameseName('Nguyễn Thị Hồng Thủy')).toEqual({
      family: 'Nguyễn',
      middle: 'Thị Hồng',
      given: 'Thủy',
    });
    expect(splitVietnameseName('  Lê   Thanh Bình ')).toEqual({
      family: 'Lê',
      middle: 'Thanh',
      given: 'Bình',
    });
    expect(splitVietnameseName('Nguyễn Thuận')).toEqual({ family: 'Nguyễn', middle: '', given: 'Thuận' });
    expect(splitVietnameseName('H’Hen')).toEqual({ family: '', middle: '', given: 'H’Hen' });
    expect(splitVietnameseName('')).toEqual({ family: '', middle: '', given: '' });
  });
});

describe('compareByVietnameseName (roll order, Intl.Collator vi)', () => {
  it('sorts by given name, then family name, then middle name', () => {
    const names = [
      'Trần Văn Bình',
      'Nguyễn Thị An',
      'Lê Văn Bình',
      'Lê Anh Bình',
      'Nguyễn Văn Đạt',
      'Phạm Dũng',
    ];
    expect([...names].sort(compareByVietnameseName)).toEqual([
      'Nguyễn Thị An',
      'Lê Anh Bình',
      'Lê Văn Bình',
      'Trần Văn Bình',
      'Phạm Dũng',
      'Nguyễn Văn Đạt',
    ]);
  });

  it('uses the Vietnamese alphabet: Đ after D, Ă and Â after A, unaccented before accented', () => {
    const given = ['Đông', 'Dung', 'Ân', 'Anh', 'Ánh', 'Ăn'];
    const sorted = given
      .map((g) => `Lê ${g}`)
      .sort(compareByVietnameseName)
      .map((n) => n.slice(3));
    expect(sorted.indexOf('Dung')).toBeLessThan(sorted.indexOf('Đông'));
    expect(sorted.indexOf('Anh')).toBeLessThan(sorted.indexOf('Ánh'));
    expect(sorted.indexOf('Ánh')).toBeLessThan(sorted.indexOf('Ăn'));
    expect(sorted.indexOf('Ăn')).toBeLessThan(sorted.indexOf('Ân'));
  });

  it('is a consistent total order (antisymmetric, zero only for identical names)', () => {
    const name = fc.constantFrom('Nguyễn', 'Lê', 'Trần', 'Văn', 'Thị', 'An', 'Ánh', 'Bình', 'Đức', 'Dũng');
    const full = fc.array(name, { minLength: 2, maxLength: 4 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(full, full, (a, b) => {
        const ab = compareByVietnameseName(a, b);
        // Compared as a sum: -Math.sign(0) is -0, which toBe tells apart from 0.
        expect(Math.sign(ab) + Math.sign(compareByVietnameseName(b, a))).toBe(0);
        if (ab === 0) expect(a).toBe(b);
      }),
    );
  });
});

describe('search', () => {
  it('folds diacritics and đ so that "nguyen van a" matches "Nguyễn Văn A"', () => {
    expect(foldForSearch('Nguyễn Văn Đức')).toBe('nguyen van duc');
    expect(matchesSearch('Nguyễn Văn A', 'nguyen van a')).toBe(true);
    expect(matchesSearch('Đoàn Thị Ni Na', 'doan')).toBe(true);
    expect(matchesSearch('Nguyễn Thị An', 'an nguyen')).toBe(true);
    expect(matchesSearch('Nguyễn Thị An', 'tran')).toBe(false);
    expect(matchesSearch('Nguyễn Thị An', '  ')).toBe(true);
  });

  it('finds every name by its own text, with or without accents, in any case', () => {
    const word = fc.constantFrom('Nguyễn', 'Lê', 'Đặng', 'Văn', 'Thị', 'Hồng', 'Thủy', 'Ánh', 'Đức', 'Quỳnh');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), (words) => {
        const name = words.join(' ');
        expect(matchesSearch(name, name)).toBe(true);
        expect(matchesSearch(name, foldForSearch(name).toUpperCase())).toBe(true);
        expect(matchesSearch(name.normalize('NFD'), name)).toBe(true);
      }),
    );
  });
});
