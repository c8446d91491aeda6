import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  convertLegacyText,
  decodeText,
  detectLegacyText,
  tcvn3ToUnicode,
  unicodeToTcvn3,
  unicodeToVni,
  vniToUnicode,
} from './legacy-encodings';
import { isVietnameseSyllable } from './vietnamese-syllable';

const latin1Bytes = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

// Strings as they come out of old .VnTime / VNI-Times files (read as Latin-1).
const TCVN3 = {
  'B¶o Th¾ng': 'Bảo Thắng',
  'M\u00adêng Kh\u00ad¬ng': 'Mường Khương',
  'B¸t X¸t': 'Bát Xát',
  'NguyÔn V¨n A': 'Nguyễn Văn A',
  'TrÇn ThÞ Hång Thñy': 'Trần Thị Hồng Thủy',
  '§oµn ThÞ Ni Na': 'Đoàn Thị Ni Na',
  'Khu phè 2, ph\u00adêng 2': 'Khu phố 2, phường 2',
};
const VNI = {
  'Xin chaøo caùc baïn': 'Xin chào các bạn',
  'Nguyeãn Vaên A': 'Nguyễn Văn A',
  'Tröông Thò Thuûy': 'Trương Thị Thủy',
  'Ñaøo Quoác Vieät': 'Đào Quốc Việt',
  'Khu phoá 2, phöôøng 2': 'Khu phố 2, phường 2',
  'NGUYEÃN THÒ HOÀNG': 'NGUYỄN THỊ HỒNG',
};
const UNICODE_SAMPLES = [
  'Nguyễn Văn A',
  'Lê Thanh Bình, Chủ tịch UBND phường',
  'Hà Nội, ngày 24 tháng 7 năm 2024',
  'Bà Lê Thị Bích Liên, cán bộ thú y',
  'Ông Lê Ngọc Nam',
  'Số 12, đường Trần Phú',
];

describe('TCVN3 (ABC)', () => {
  it('converts .VnTime text to Unicode NFC', () => {
    for (const [legacy, unicode] of Object.entries(TCVN3)) {
      expect(tcvn3ToUnicode(legacy)).toBe(unicode);
      expect(convertLegacyText(legacy)).toEqual({ text: unicode, converted: 'tcvn3' });
    }
  });

  it('leaves lines already in Unicode alone (a row added to an old file later)', () => {
    expect(tcvn3ToUnicode('NguyÔn V¨n A\nLê Thị Hà\r\nTrÇn ThÞ B×nh')).toBe(
      'Nguyễn Văn A\nLê Thị Hà\r\nTrần Thị Bình',
    );
    expect(vniToUnicode('Nguyeãn Vaên A\nLê Thị Hà')).toBe('Nguyễn Văn A\nLê Thị Hà');
  });

  it('restores capitals typed with the .VnTimeH fonts', () => {
    expect(tcvn3ToUnicode('NGUYÔN V¡N B×NH')).toBe('NGUYỄN VĂN BÌNH');
    expect(tcvn3ToUnicode('Lª, NGUYÔN')).toBe('Lê, NGUYỄN');
    // Capitals that only begin words are how names are written, not a field typed in capitals.
    expect(tcvn3ToUnicode('Lª Lª')).toBe('Lê Lê');
    expect(tcvn3ToUnicode('LINH Lª')).toBe('LINH LÊ');
  });

  it('detects a TCVN3 CSV file from its bytes', () => {
    const csv = 'Họ và tên,Ngày sinh\nNguyÔn V¨n A,05/09/1980\nTrÇn ThÞ B×nh,01/01/1990\n'.replace(
      'Họ và tên',
      'Hä vµ tªn',
    );
    const decoded = decodeText(latin1Bytes(csv));
    expect(decoded.converted).toBe('tcvn3');
    expect(decoded.text).toContain('Họ và tên');
    expect(decoded.text).toContain('Trần Thị Bình');
  });
});

describe('VNI-Windows', () => {
  it('converts VNI-Times text to Unicode NFC', () => {
    for (const [legacy, unicode] of Object.entries(VNI)) {
      expect(vniToUnicode(legacy)).toBe(unicode);
      expect(convertLegacyText(legacy)).toEqual({ text: unicode, converted: 'vni' });
    }
  });

  it('detects a VNI CSV file from its bytes', () => {
    const decoded = decodeText(
      latin1Bytes('Hoï vaø teân;Giôùi tính\r\nNguyeãn Vaên A;Nam\r\nTröông Thò Thuûy;Nöõ\r\n'),
    );
    expect(decoded.converted).toBe('vni');
    expect(decoded.text).toBe('Họ và tên;Giới tính\r\nNguyễn Văn A;Nam\r\nTrương Thị Thủy;Nữ\r\n');
  });
});

describe('windows-1258', () => {
  it('decodes the bytes and composes the separate tone marks to NFC', () => {
    // "Nguyễn Văn Đức" in CP1258: ê (EA) + combining tilde (DE), ă (E3), Đ (D0), ư (FD) + acute (EC).
    const bytes = Uint8Array.from([
      0x4e, 0x67, 0x75, 0x79, 0xea, 0xde, 0x6e, 0x20, 0x56, 0xe3, 0x6e, 0x20, 0xd0, 0xfd, 0xec, 0x63,
    ]);
    const decoded = decodeText(bytes);
    expect(decoded).toEqual({ encoding: 'windows-1258', text: 'Nguyễn Văn Đức', converted: 'windows-1258' });
  });
});

describe('detection does not fire on Unicode or ASCII', () => {
  it('leaves ordinary Unicode Vietnamese and ASCII alone', () => {
    for (const s of UNICODE_SAMPLES) expect(detectLegacyText(s)).toBeNull();
    expect(detectLegacyText('Nguyen Van A, 1980')).toBeNull();
    expect(convertLegacyText('Nguye\u0302\u0303n')).toEqual({ text: 'Nguyễn', converted: null });
  });

  it('decodes UTF-8 with and without BOM, and UTF-16 with and without BOM', () => {
    const text = UNICODE_SAMPLES.join('\n');
    const utf8 = new TextEncoder().encode(text);
    expect(decodeText(utf8)).toEqual({ encoding: 'utf-8', text, converted: null });
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8])).text).toBe(text);
    const le = Buffer.from(`\ufeff${text}`, 'utf16le');
    expect(decodeText(le)).toEqual({ encoding: 'utf-16le', text, converted: null });
    expect(decodeText(Buffer.from(text, 'utf16le')).encoding).toBe('utf-16le');
    const be = Buffer.from(`\ufeff${text}`, 'utf16le').swap16();
    expect(decodeText(be)).toEqual({ encoding: 'utf-16be', text, converted: null });
  });

  it('never converts text made of Vietnamese syllables in Unicode (property)', () => {
    const word = fc.constantFrom(
      'Nguyễn',
      'Trần',
      'Lê',
      'Phạm',
      'Hoàng',
      'Văn',
      'Thị',
      'Hồng',
      'Bình',
      'Hà',
      'Tám',
      'Lý',
      'Ánh',
      'Ê',
      'đường',
      'khu',
      'phố',
      'tổ',
      'số',
      'ngày',
      'tháng',
      'năm',
      'Đà',
      'Lạt',
      'Bảo',
      'Lộc',
      'Hải',
      'Yến',
    );
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 12 }), (words) => {
        const text = words.join(' ');
        expect(convertLegacyText(text)).toEqual({ text, converted: null });
        expect(decodeText(new TextEncoder().encode(text)).converted).toBeNull();
      }),
    );
  });
});

describe('isVietnameseSyllable', () => {
  it('accepts real syllables and rejects mojibake and impossible clusters', () => {
    for (const w of [
      'nguyễn',
      'Trương',
      'quốc',
      'giữa',
      'gì',
      'khuỷu',
      'thuyền',
      'anh',
      'ếch',
      'bát',
      'bạt',
    ]) {
      expect(isVietnameseSyllable(w), w).toBe(true);
    }
    for (const w of ['nguyÔn', 'b¶o', 'bàt', 'ngêi', 'bỡnh', 'áà', 'xyz', 'voõ']) {
      expect(isVietnameseSyllable(w), w).toBe(false);
    }
  });
});

describe('encoders round-trip (property)', () => {
  const lowerWord = fc.constantFrom(
    'nguyễn',
    'trần',
    'lê',
    'phạm',
    'hoàng',
    'huỳnh',
    'văn',
    'thị',
    'hồng',
    'thủy',
    'bình',
    'ánh',
    'đức',
    'quỳnh',
    'trương',
    'đặng',
    'khu',
    'phố',
    'phường',
    'ỷ',
    'ỵ',
    'ữ',
    'ợ',
    'ặ',
    'ẵ',
    'ẫ',
    'ễ',
    'ĩ',
    'ị',
    'ỗ',
    'ự',
  );
  const capitalise = (w: string) => (/^[ăâêôơưđa-z]/.test(w) ? w[0]!.toUpperCase() + w.slice(1) : w);
  const word = fc.oneof(lowerWord, lowerWord.map(capitalise));
  // Detection is judged on names, as in a real column: lone toned vowels ('ễ' is 'Ô' in TCVN3, itself
  // a Unicode word) are ambiguous and only checked for round-tripping.
  const name = fc
    .tuple(
      fc.constantFrom('Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Đặng', 'Trương', 'Võ'),
      fc.constantFrom('Văn', 'Thị', 'Hữu', 'Ngọc', 'Quốc', 'Xuân', 'Bích'),
      fc.constantFrom('Thắng', 'Hồng', 'Thủy', 'Việt', 'Bình', 'Đức', 'Quỳnh', 'Yến', 'Lộc', 'Hải'),
    )
    .map((parts) => parts.join(' '));

  it('TCVN3: tcvn3ToUnicode(unicodeToTcvn3(s)) === s', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 10 }), (words) => {
        const s = words.join(' ');
        expect(tcvn3ToUnicode(unicodeToTcvn3(s))).toBe(s);
      }),
    );
  });

  it('VNI: vniToUnicode(unicodeToVni(s)) === s, in any case', () => {
    const anyCase = fc.oneof(
      word,
      lowerWord.map((w) => w.toUpperCase()),
    );
    fc.assert(
      fc.property(fc.array(anyCase, { minLength: 1, maxLength: 10 }), (words) => {
        const s = words.join(' ');
        expect(vniToUnicode(unicodeToVni(s))).toBe(s);
      }),
    );
  });

  // One short name can be ambiguous ('Voõ Bích Bình' is VNI, but reads as Unicode too); a column
  // of a few names is not.
  it('a list of names encoded in TCVN3 or VNI is detected as such and converted back', () => {
    fc.assert(
      fc.property(fc.array(name, { minLength: 3, maxLength: 8 }), (names) => {
        const s = names.join('\n');
        expect(convertLegacyText(unicodeToTcvn3(s))).toEqual({ text: s, converted: 'tcvn3' });
        expect(convertLegacyText(unicodeToVni(s))).toEqual({ text: s, converted: 'vni' });
        expect(convertLegacyText(s)).toEqual({ text: s, converted: null });
      }),
    );
  });

  it('encodes known samples as the old fonts did', () => {
    expect(unicodeToTcvn3('Nguyễn Văn A')).toBe('NguyÔn V¨n A');
    expect(unicodeToVni('Trương Thị Thủy')).toBe('Tröông Thò Thuûy');
    expect(unicodeToVni('NGUYỄN THỊ HỒNG')).toBe('NGUYEÃN THÒ HOÀNG');
  });
});
