import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makePersonalId } from '../domain/people';
import { writeResidentsCsv, writeResidentsXlsx } from './residents-export';
import { importResidentsFile, type ResidentFields, type ResidentRow } from './residents-import';

// No capital with a tone (Á, Ấ...): the .VnTime fonts cannot write one, so TCVN3 could not round-trip it.
const given = ['Thắng', 'Hồng', 'Thủy', 'Việt', 'Bình', 'Đức', 'Quỳnh', 'Yến', 'Lộc', 'Hải', 'Ân'];
const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Đặng', 'Trương', 'Võ'];

/** Households of 1-4 residents with consistent IDs: one head each. */
const residents = fc
  .array(
    fc.record({
      size: fc.integer({ min: 1, max: 4 }),
      group: fc.option(fc.constantFrom('Tổ 1', 'Tổ 2'), { nil: null }),
      address: fc.option(fc.constantFrom('Số 12, đường Trần Phú', 'Số 3 hẻm 5 Kim Đồng'), { nil: null }),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .chain((households) =>
    fc.tuple(
      ...households.map((h, hi) =>
        fc
          .array(
            fc.record({
              family: fc.constantFrom(...family),
              middle: fc.constantFrom('Văn', 'Thị', 'Ngọc'),
              given: fc.constantFrom(...given),
              sex: fc.constantFrom('male' as const, 'female' as const),
              year: fc.integer({ min: 1930, max: 2020 }),
              day: fc.integer({ min: 1, max: 28 }),
              relation: fc.constantFrom(
                'spouse' as const,
                'child' as const,
                'parent' as const,
                'grandchild' as const,
                'sibling' as const,
                'other' as const,
              ),
              residence: fc.constantFrom('permanent' as const, 'temporary' as const),
              legalCapacity: fc.constantFrom(
                'full' as const,
                'full' as const,
                'restricted' as const,
                'none' as const,
              ),
              withId: fc.boolean(),
            }),
            { minLength: h.size, maxLength: h.size },
          )
          .map((people) =>
            people.map((p, pi): ResidentFields => ({
              householdCode: `KP1-${String(hi + 1).padStart(4, '0')}`,
              fullName: `${p.family} ${p.middle} ${p.given}`,
              birthDate: `${p.year}-03-${String(p.day).padStart(2, '0')}`,
              sex: p.sex,
              personalId: p.withId
                ? makePersonalId({ provinceCode: '068', sex: p.sex, birthYear: p.year, serial: hi * 10 + pi })
                : null,
              relation: pi === 0 ? 'head' : p.relation,
              residence: p.residence,
              legalCapacity: pi === 0 ? 'full' : p.legalCapacity,
              residentGroup: h.group,
              address: h.address,
            })),
          ),
      ),
    ),
  )
  .map((households) => households.flat());

const strip = (rows: ResidentRow[]): ResidentFields[] =>
  rows.map(({ line: _line, residenceAssumed: _assumed, ...fields }) => fields);

async function reimport(bytes: Uint8Array) {
  const r = await importResidentsFile(bytes);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('writeResidentsXlsx / writeResidentsCsv', () => {
  it('export then import gives back the same residents, in XLSX, CSV, TCVN3 and VNI (property)', async () => {
    await fc.assert(
      fc.asyncProperty(residents, fc.constantFrom('xlsx', 'csv', 'tcvn3', 'vni'), async (people, format) => {
        const bytes =
          format === 'xlsx'
            ? await writeResidentsXlsx(people)
            : writeResidentsCsv(people, format === 'csv' ? {} : { legacy: format });
        const r = await reimport(new Uint8Array(bytes));
        expect(r.rejected).toEqual([]);
        expect(strip(r.accepted)).toEqual(people);
        expect(r.converted).toBe(format === 'tcvn3' || format === 'vni' ? format : null);
      }),
      { numRuns: 40 },
    );
  });

  it('writes UTF-8 CSV with a BOM and quotes fields that need it', () => {
    const csv = writeResidentsCsv([
      {
        householdCode: 'KP1-0001',
        fullName: 'Nguyễn Văn An',
        birthDate: '1980-09-05',
        sex: 'male',
        personalId: '068080001234',
        relation: 'head',
        residence: 'permanent',
        legalCapacity: 'full',
        residentGroup: 'Tổ 1',
        address: 'Số 12, đường "Trần Phú"',
      },
    ]);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8').split('\r\n')[1]).toBe(
      'KP1-0001,Nguyễn Văn An,05/09/1980,Nam,068080001234,Chủ hộ,Thường trú,Đầy đủ,Tổ 1,"Số 12, đường ""Trần Phú"""',
    );
  });
});
