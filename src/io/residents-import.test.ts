import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import {
  cleanPersonalId,
  diffResidents,
  importResidentsFile,
  mapHeaders,
  type ImportOptions,
  type ImportResult,
  type StoredResident,
} from './residents-import';
import { buildResidentsTemplate, GUIDE_SHEET, TEMPLATE_SHEET } from './residents-template';

const HEADER =
  'Mã hộ,Họ và tên,Ngày sinh,Giới tính,Số định danh cá nhân,Quan hệ với chủ hộ,Loại cư trú,Tổ,Địa chỉ';
const GOOD = [
  'KP1-0001,Nguyễn Văn An,05/09/1980,Nam,068080001234,Chủ hộ,Thường trú,Tổ 1,"Số 12, đường Trần Phú"',
  'KP1-0001,Trần Thị Bình,1982-03-14,Nữ,068182000321,Vợ,Thường trú,Tổ 1,"Số 12, đường Trần Phú"',
  'KP1-0001,Nguyễn Minh Châu,20/11/2008,Nữ,068308000111,Con,Thường trú,Tổ 1,"Số 12, đường Trần Phú"',
  'KP1-0002,Lê Thanh Bình,01/01/1970,Nam,,Chủ hộ,Tạm trú,Tổ 2,',
];

/** The old spreadsheets saved as CSV, with the encoding each was typed in. */
const LEGACY_FIXTURES = [
  ['residents-tcvn3.csv', 'tcvn3'],
  ['residents-vni.csv', 'vni'],
] as const;
const FIXTURE_NAMES = [
  'Nguyễn Văn Thắng',
  'Trần Thị Hồng',
  'Nguyễn Quốc Việt',
  'Phạm Thị Thủy',
  'Lê Đức Huỳnh',
];

const csv = (...lines: string[]) => new TextEncoder().encode(lines.join('\r\n') + '\r\n');

async function run(bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  const r = await importResidentsFile(bytes, options);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Replaces one cell of GOOD[row] (0-based column) and imports the file. */
async function withCell(row: number, column: number, value: string, options: ImportOptions = {}) {
  const lines = GOOD.map((l) => l);
  const cells = (lines[row] as string).split(',');
  cells[column] = value;
  lines[row] = cells.join(',');
  return run(csv(HEADER, ...lines), options);
}

describe('importResidentsFile: a clean file', () => {
  it('accepts every row, normalised, with spreadsheet line numbers', async () => {
    const r = await run(csv(HEADER, ...GOOD), { referenceDate: '2024-11-17' });
    expect(r.rejected).toEqual([]);
    expect(r.rows).toBe(4);
    expect(r.converted).toBeNull();
    expect(r.accepted[0]).toEqual({
      line: 2,
      householdCode: 'KP1-0001',
      fullName: 'Nguyễn Văn An',
      birthDate: '1980-09-05',
      sex: 'male',
      personalId: '068080001234',
      relation: 'head',
      residence: 'permanent',
      residenceAssumed: false,
      legalCapacity: 'full',
      residentGroup: 'Tổ 1',
      address: 'Số 12, đường Trần Phú',
    });
    expect(r.accepted[3]).toMatchObject({ line: 5, personalId: null, residence: 'temporary', address: null });
  });

  it('normalises text: NFC, trimmed, single spaces, no zero-width characters', async () => {
    const r = await withCell(0, 1, '  Nguye\u0302\u0303n   Va\u0306n\u200B An ');
    expect(r.accepted[0]?.fullName).toBe('Nguyễn Văn An');
  });

  it('restores the leading zero Excel drops from ID numbers stored as numbers', async () => {
    expect(cleanPersonalId('68080001234')).toBe('068080001234');
    expect(cleanPersonalId('1080001234')).toBe('001080001234');
    expect(cleanPersonalId('068 080 001 234')).toBe('068080001234');
    const r = await withCell(0, 4, '68080001234');
    expect(r.accepted[0]?.personalId).toBe('068080001234');
  });

  it('reads a TCVN3 file and reports the conversion', async () => {
    const tcvn3 =
      'M· hé,Hä vµ tªn,Ngµy sinh,Giíi tÝnh,Quan hÖ víi chñ hé,Lo¹i c\u00ad tró\nKP1-0001,NguyÔn V¨n An,05/09/1980,Nam,Chñ hé,Th\u00adêng tró\n';
    const r = await run(Uint8Array.from([...tcvn3].map((c) => c.charCodeAt(0))));
    expect(r.converted).toBe('tcvn3');
    expect(r.rejected).toEqual([]);
    expect(r.accepted[0]).toMatchObject({
      fullName: 'Nguyễn Văn An',
      relation: 'head',
      residence: 'permanent',
    });
  });
});

describe('importResidentsFile: every rejection reason', () => {
  it('the example of the issue: an impossible birth date', async () => {
    const r = await withCell(0, 2, '31/02/1980');
    expect(r.rejected).toContainEqual({
      row: 2,
      field: 'birthDate',
      message:
        "Dòng 2, cột 'Ngày sinh': '31/02/1980' không phải là ngày hợp lệ. Hãy nhập theo dạng ngày/tháng/năm, ví dụ 05/09/1980.",
    });
    expect(r.accepted.map((a) => a.line)).not.toContain(2);
  });

  it('a birth date after the reference date', async () => {
    const r = await withCell(2, 2, '01/01/2030', { referenceDate: '2024-11-17' });
    expect(r.rejected[0]).toMatchObject({ row: 4, field: 'birthDate' });
    expect(r.rejected[0]?.message).toContain('tương lai');
  });

  it.each([
    [0, 'householdCode', "cột 'Mã hộ': chưa nhập mã hộ."],
    [1, 'fullName', "cột 'Họ và tên': chưa nhập họ và tên."],
    [2, 'birthDate', "cột 'Ngày sinh': chưa nhập ngày sinh."],
    [3, 'sex', "cột 'Giới tính': chưa nhập giới tính."],
    [5, 'relation', "cột 'Quan hệ với chủ hộ': chưa nhập quan hệ với chủ hộ."],
  ])('a required field left empty (column %i, %s)', async (column, fieldName, message) => {
    const r = await withCell(3, column, '');
    expect(r.rejected).toContainEqual({ row: 5, field: fieldName, message: `Dòng 5, ${message}` });
  });

  it('sex other than Nam/Nữ, unknown relation, residence and legal capacity', async () => {
    expect((await withCell(0, 3, 'M')).rejected[0]).toMatchObject({
      field: 'sex',
      message: expect.stringContaining('"Nam" hoặc "Nữ"') as string,
    });
    expect((await withCell(1, 5, 'Bạn')).rejected[0]).toMatchObject({ field: 'relation' });
    expect((await withCell(0, 6, 'Lưu trú')).rejected[0]).toMatchObject({ field: 'residence' });
    const lines = [HEADER + ',Năng lực hành vi dân sự', GOOD[0] + ',Tốt'];
    expect((await run(csv(...lines))).rejected[0]).toMatchObject({ field: 'legalCapacity', row: 2 });
  });

  it('accepts the usual spellings: NỮ, nu, Con trai, Mẹ, tạm trú, Hạn chế', async () => {
    const lines = [
      HEADER + ',Năng lực hành vi dân sự',
      GOOD[0] + ',',
      GOOD[1]!.replace('Nữ', 'NỮ') + ',Hạn chế',
    ];
    const r = await run(csv(...lines));
    expect(r.rejected).toEqual([]);
    expect(r.accepted[1]).toMatchObject({ sex: 'female', legalCapacity: 'restricted' });
    expect((await withCell(2, 5, 'Con trai')).accepted[2]?.relation).toBe('child');
  });

  it('personal ID: not 12 digits, old 9-digit CMND, unknown province, century, year and sex mismatch', async () => {
    const cases: [string, string][] = [
      ['06808000123X', 'phải gồm đúng 12 chữ số'],
      ['123456789', 'chứng minh nhân dân 9 số cũ'],
      ['003080001234', "'003' không phải là mã tỉnh"],
      ['068280001234', 'mã thế kỷ'],
      ['068081001234', "phải là '80'"],
      ['068180001234', 'giới tính'],
    ];
    for (const [id, text] of cases) {
      const r = await withCell(0, 4, id);
      expect(r.rejected[0], id).toMatchObject({ row: 2, field: 'personalId' });
      expect(r.rejected[0]?.message, id).toContain(text);
      expect(r.rejected[0]?.message, id).toMatch(/^Dòng 2, cột 'Số định danh cá nhân': /);
    }
  });

  it('personal ID required when the commune asks for it', async () => {
    const r = await run(csv(HEADER, ...GOOD), { requirePersonalId: true });
    expect(r.rejected).toEqual([
      {
        row: 5,
        field: 'personalId',
        message: "Dòng 5, cột 'Số định danh cá nhân': chưa nhập số định danh cá nhân.",
      },
    ]);
  });

  it('a personal ID twice in the file: the later row is rejected', async () => {
    const r = await withCell(3, 4, '068182000321');
    // Same ID as line 3 but line 5 is a man born 1970: the sex/year check fires first.
    expect(r.rejected[0]).toMatchObject({ row: 5, field: 'personalId' });
    const dup = GOOD[1]!.replace('Trần Thị Bình', 'Trần Thị Bình B');
    const r2 = await run(csv(HEADER, ...GOOD, dup));
    expect(r2.rejected).toEqual([
      {
        row: 6,
        field: 'personalId',
        message: "Dòng 6, cột 'Số định danh cá nhân': số định danh cá nhân 068182000321 trùng với dòng 3.",
      },
    ]);
    expect(r2.accepted).toHaveLength(4);
  });

  it('a personal ID already stored elsewhere', async () => {
    const r = await run(csv(HEADER, ...GOOD), {
      existingIds: new Map([['068308000111', 'Khu phố 3, hộ KP3-0042']]),
    });
    expect(r.rejected).toEqual([
      {
        row: 4,
        field: 'personalId',
        message:
          "Dòng 4, cột 'Số định danh cá nhân': số định danh cá nhân 068308000111 đã có trong dữ liệu (Khu phố 3, hộ KP3-0042).",
      },
    ]);
    const r2 = await run(csv(HEADER, ...GOOD), { existingIds: new Set(['068080001234']) });
    expect(r2.rejected[0]?.message).toContain('đã có trong dữ liệu.');
  });

  it('a household without a head, and a household with two heads', async () => {
    const noHead = await withCell(3, 5, 'Con');
    expect(noHead.rejected).toEqual([
      {
        row: 5,
        field: 'relation',
        message:
          "Dòng 5, cột 'Quan hệ với chủ hộ': hộ 'KP1-0002' không có chủ hộ. Mỗi hộ cần đúng một người ghi \"Chủ hộ\".",
      },
    ]);
    const twoHeads = await withCell(1, 5, 'Chủ hộ');
    expect(twoHeads.rejected).toEqual([
      {
        row: 3,
        field: 'relation',
        message:
          "Dòng 3, cột 'Quan hệ với chủ hộ': hộ 'KP1-0001' đã có chủ hộ ở dòng 2. Mỗi hộ chỉ có một chủ hộ.",
      },
    ]);
  });

  it('several problems on one row are all reported', async () => {
    const r = await run(csv(HEADER, 'KP1-0009,,31/02/1980,X,,Chủ hộ,Thường trú,,'));
    expect(r.rejected.map((x) => x.field)).toEqual(['fullName', 'birthDate', 'sex']);
    expect(r.accepted).toEqual([]);
  });

  it('missing required columns fail the whole file with the list of columns', async () => {
    const r = await importResidentsFile(csv('Họ và tên,Ngày sinh', 'Nguyễn Văn An,05/09/1980'));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('import.missingColumns');
      expect(r.error.message).toContain("'Mã hộ', 'Giới tính', 'Quan hệ với chủ hộ'.");
      expect(r.error.message).not.toContain('Loại cư trú');
    }
  });

  it('an unreadable file fails with the reader’s message', async () => {
    const r = await importResidentsFile(new Uint8Array());
    expect(!r.ok && r.error.code).toBe('tabular.empty');
  });
});

describe('header mapping', () => {
  it('recognises synonyms without accents or case, and lets the officer map the rest', () => {
    const m = mapHeaders([
      'STT',
      'HO TEN',
      'Ngày, tháng, năm sinh',
      'Giới',
      'Số CCCD',
      'Quan hệ',
      'Cư trú',
      'Số hộ khẩu',
      'Ghi chú',
    ]);
    expect(m.columns).toEqual([
      null,
      'fullName',
      'birthDate',
      'sex',
      'personalId',
      'relation',
      'residence',
      'householdCode',
      null,
    ]);
    expect(m.missing).toEqual([]);
    const explicit = mapHeaders(['Col A', 'Col B', 'HO TEN'], { 0: 'fullName', 2: null });
    expect(explicit.columns).toEqual(['fullName', null, null]);
    expect(explicit.missing).toContain('householdCode');
  });

  it('keeps the first of two columns claiming one field', () => {
    const m = mapHeaders(['Họ và tên', 'Họ tên']);
    expect(m.columns).toEqual(['fullName', null]);
    expect(m.duplicated).toEqual(['fullName']);
  });

  it('imports a file whose headers the officer mapped by hand', async () => {
    const bytes = csv('a,b,c,d,e,f', 'KP1-0001,Nguyễn Văn An,05/09/1980,Nam,Chủ hộ,Thường trú');
    const mapping = {
      0: 'householdCode',
      1: 'fullName',
      2: 'birthDate',
      3: 'sex',
      4: 'relation',
      5: 'residence',
    } as const;
    const r = await run(bytes, { mapping });
    expect(r.accepted).toHaveLength(1);
    expect(r.columns).toEqual(['householdCode', 'fullName', 'birthDate', 'sex', 'relation', 'residence']);
  });
});

describe("layout 'households': a household row followed by its members", () => {
  const header = 'Mã hộ,Địa chỉ,Tổ,Họ và tên,Ngày sinh,Giới tính,Quan hệ với chủ hộ,Loại cư trú';
  it('fills the household code, address and group down to the member rows', async () => {
    const r = await run(
      csv(
        header,
        'KP1-0001,"Số 12, đường Trần Phú",Tổ 1,,,,,',
        ',,,Nguyễn Văn An,05/09/1980,Nam,Chủ hộ,Thường trú',
        ',,,Trần Thị Bình,14/03/1982,Nữ,Vợ,Thường trú',
        'KP1-0002,Số 14,Tổ 2,Lê Thanh Bình,01/01/1970,Nam,Chủ hộ,Thường trú',
        ',,,Lê Thị Hoa,01/01/1972,Nữ,Vợ,Tạm trú',
      ),
      { layout: 'households' },
    );
    expect(r.rejected).toEqual([]);
    expect(r.rows).toBe(4);
    expect(r.accepted.map((a) => [a.line, a.householdCode, a.address, a.residentGroup])).toEqual([
      [3, 'KP1-0001', 'Số 12, đường Trần Phú', 'Tổ 1'],
      [4, 'KP1-0001', 'Số 12, đường Trần Phú', 'Tổ 1'],
      [5, 'KP1-0002', 'Số 14', 'Tổ 2'],
      [6, 'KP1-0002', 'Số 14', 'Tổ 2'],
    ]);
  });

  it('reads an XLSX whose "Mã hộ" cells are merged over the members', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Hộ');
    ws.addRows([
      ['Mã hộ', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Quan hệ với chủ hộ', 'Loại cư trú'],
      ['KP2-0007', 'Phạm Quý Hưng', new Date(Date.UTC(1975, 4, 2)), 'Nam', 'Chủ hộ', 'Thường trú'],
      [null, 'Phạm Thị Lan', new Date(Date.UTC(2001, 0, 9)), 'Nữ', 'Con', 'Thường trú'],
    ]);
    ws.mergeCells('A2:A3');
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await run(bytes, { layout: 'households' });
    expect(r.rejected).toEqual([]);
    expect(r.accepted.map((a) => [a.householdCode, a.birthDate])).toEqual([
      ['KP2-0007', '1975-05-02'],
      ['KP2-0007', '2001-01-09'],
    ]);
  });

  it("layout 'residents' does not guess: a row without a code is rejected", async () => {
    const r = await run(csv(HEADER, GOOD[0]!, ',' + GOOD[1]!.split(',').slice(1).join(',')));
    expect(r.rejected[0]).toMatchObject({ row: 3, field: 'householdCode' });
  });
});

describe('diffResidents', () => {
  const stored = async (): Promise<StoredResident[]> =>
    (await run(csv(HEADER, ...GOOD))).accepted.map(({ line: _line, ...fields }, i) => ({
      id: `r${i + 1}`,
      ...fields,
    }));

  it('re-importing the same file changes nothing', async () => {
    const again = await run(csv(HEADER, ...GOOD));
    const d = diffResidents(again.accepted, await stored());
    expect(d.toAdd).toEqual([]);
    expect(d.toChange).toEqual([]);
    expect(d.unchanged.map((s) => s.id)).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(d.notInFile).toEqual([]);
  });

  it('an updated file shows the added rows and the changed fields, matched by ID or by name and birth date', async () => {
    const updated = [
      GOOD[0]!.replace('Tổ 1', 'Tổ 3'),
      GOOD[1]!,
      // no personal ID in the file: matched by name + birth date, stored ID kept
      GOOD[2]!.replace('068308000111', ''),
      'KP1-0002,LÊ THANH BÌNH,01/01/1970,Nam,,Chủ hộ,Thường trú,Tổ 2,',
      'KP1-0003,Hồ Văn Dũng,02/02/1990,Nam,,Chủ hộ,Thường trú,,',
    ];
    const d = diffResidents((await run(csv(HEADER, ...updated))).accepted, await stored());
    expect(d.toAdd.map((a) => a.fullName)).toEqual(['Hồ Văn Dũng']);
    expect(d.toChange.map((c) => [c.id, c.fields])).toEqual([
      ['r1', ['residentGroup']],
      ['r4', ['fullName', 'residence']],
    ]);
    expect(d.unchanged.map((s) => s.id)).toEqual(['r2', 'r3']);
  });

  it('lists stored residents the file does not mention, and never matches two people with different IDs', async () => {
    const s = await stored();
    const other = { ...s[0]!, id: 'x', personalId: '068080009999' };
    const d = diffResidents([], s);
    expect(d.notInFile).toHaveLength(4);
    const row = { ...s[0]!, line: 2, residenceAssumed: false };
    const d2 = diffResidents([row], [other]);
    expect(d2.toAdd).toHaveLength(1);
    expect(d2.notInFile).toEqual([other]);
  });
});

describe('residents template', () => {
  it('has the Vietnamese headers, one example row that imports cleanly, and a "Hướng dẫn" sheet', async () => {
    const buffer = await buildResidentsTemplate();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([TEMPLATE_SHEET, GUIDE_SHEET]);
    const list = wb.getWorksheet(TEMPLATE_SHEET)!;
    expect((list.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Mã hộ',
      'Họ và tên',
      'Ngày sinh',
      'Giới tính',
      'Số định danh cá nhân',
      'Quan hệ với chủ hộ',
      'Loại cư trú',
      'Năng lực hành vi dân sự',
      'Tổ',
      'Địa chỉ',
    ]);
    expect(list.rowCount).toBe(2);
    const guide = wb.getWorksheet(GUIDE_SHEET)!;
    expect(guide.getCell('A2').value).toBe('Mã hộ');
    expect(guide.getCell('C6').text).toContain('12 chữ số');
    const r = await run(new Uint8Array(buffer));
    expect(r.rejected).toEqual([]);
    expect(r.accepted).toEqual([
      {
        line: 2,
        householdCode: 'KP1-0001',
        fullName: 'Nguyễn Văn An',
        birthDate: '1980-09-05',
        sex: 'male',
        personalId: '068080001234',
        relation: 'head',
        residence: 'permanent',
        residenceAssumed: false,
        legalCapacity: 'full',
        residentGroup: 'Tổ 1',
        address: 'Số 12, đường Trần Phú',
      },
    ]);
  });
});

describe('fixtures: old spreadsheets saved as CSV', () => {
  it.each(LEGACY_FIXTURES)('%s imports with every row accepted and reports %s', async (file, encoding) => {
    const bytes = new Uint8Array(readFileSync(fileURLToPath(new URL(`./fixtures/${file}`, import.meta.url))));
    const r = await run(bytes, { referenceDate: '2024-11-17' });
    expect(r.converted).toBe(encoding);
    expect(r.rejected).toEqual([]);
    expect(r.accepted.map((a) => a.fullName)).toEqual(FIXTURE_NAMES);
    expect(r.accepted[4]).toMatchObject({
      relation: 'grandchild',
      residence: 'temporary',
      address: 'Số 15, đường Hai Bà Trưng',
    });
  });
});

/**
 * Drops one column from every line of a CSV, byte for byte, so a legacy-encoded fixture stays in its
 * encoding. The columns before the dropped one hold no quotes or commas in these fixtures.
 */
function withoutColumn(bytes: Uint8Array, column: number): Uint8Array {
  const out: number[] = [];
  let field = 0;
  let quoted = false;
  for (const b of bytes) {
    if (b === 0x22) quoted = !quoted;
    const atComma = b === 0x2c && !quoted;
    if (b === 0x0a) {
      field = 0;
      out.push(b);
      continue;
    }
    if (field === column && (!atComma || column > 0)) {
      if (atComma) field++;
      continue;
    }
    out.push(b);
    if (atComma) field++;
  }
  return new Uint8Array(out);
}

describe('a household list without the residence-type column', () => {
  const noResidence = (line: string) => {
    const cells = line.split(',');
    cells.splice(6, 1);
    return cells.join(',');
  };

  it('imports every row as permanent, each marked as assumed, and says how many', async () => {
    const r = await run(csv(noResidence(HEADER), ...GOOD.map(noResidence)), { referenceDate: '2024-11-17' });
    expect(r.rejected).toEqual([]);
    expect(r.accepted).toHaveLength(4);
    expect(r.columns).not.toContain('residence');
    expect(r.accepted.every((a) => a.residence === 'permanent' && a.residenceAssumed)).toBe(true);
    expect(r.residenceDefault).toBe('permanent');
    expect(r.residenceAssumed).toBe(4);
  });

  it('takes the default the officer chooses for the whole file', async () => {
    const r = await run(csv(noResidence(HEADER), ...GOOD.map(noResidence)), {
      residenceDefault: 'temporary',
    });
    expect(r.accepted.map((a) => a.residence)).toEqual(['temporary', 'temporary', 'temporary', 'temporary']);
    expect(r.residenceAssumed).toBe(4);
  });

  it('fills only the blank cells when the column is there, and still refuses a value it does not know', async () => {
    const blank = await withCell(3, 6, '');
    expect(blank.rejected).toEqual([]);
    expect(blank.accepted[3]).toMatchObject({ residence: 'permanent', residenceAssumed: true });
    expect(blank.accepted[0]).toMatchObject({ residence: 'permanent', residenceAssumed: false });
    expect(blank.residenceAssumed).toBe(1);
    const wrong = await withCell(3, 6, 'Lưu trú');
    expect(wrong.rejected[0]).toMatchObject({ row: 5, field: 'residence' });
    expect(wrong.accepted).toHaveLength(3);
  });

  it('still requires the columns that cannot be guessed', async () => {
    const r = await importResidentsFile(
      csv('Họ và tên,Ngày sinh,Giới tính,Quan hệ với chủ hộ', 'An,05/09/1980,Nam,Chủ hộ'),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain("Không tìm thấy cột 'Mã hộ'.");
  });

  it.each(LEGACY_FIXTURES)(
    '%s without the column imports in %s with every row assumed permanent',
    async (file, encoding) => {
      const full = new Uint8Array(
        readFileSync(fileURLToPath(new URL(`./fixtures/${file}`, import.meta.url))),
      );
      const r = await run(withoutColumn(full, 6), { referenceDate: '2024-11-17' });
      expect(r.converted).toBe(encoding);
      expect(r.headers).not.toContain('Loại cư trú');
      expect(r.headers).toContain('Quan hệ với chủ hộ');
      expect(r.rejected).toEqual([]);
      expect(r.accepted.map((a) => a.fullName)).toEqual(FIXTURE_NAMES);
      expect(r.accepted[4]).toMatchObject({
        relation: 'grandchild',
        residence: 'permanent',
        residenceAssumed: true,
        address: 'Số 15, đường Hai Bà Trưng',
      });
    },
  );
});
