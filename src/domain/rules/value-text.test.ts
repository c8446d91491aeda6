import { describe, expect, it } from 'vitest';
import { profileTables } from './doc';
import { SHIPPED_PROFILES } from './registry';
import { valueText } from './value-text';

const everyRow = () =>
  SHIPPED_PROFILES.flatMap((p) => {
    const t = profileTables(p);
    return [...t.params, ...t.removal.flatMap((r) => r.params)].map((r) => ({ profile: p.id, ...r }));
  });

describe('rule values as officials read them', () => {
  it('no value of any shipped profile is raw JSON or an English code', () => {
    for (const r of everyRow()) {
      expect(r.value, `${r.profile} ${r.key}`).not.toMatch(/[{}[\]"]/);
      expect(r.value, `${r.profile} ${r.key}`).not.toMatch(
        /\b(true|false|null|minAge|householdRepresentatives|peoplesCommittee|meeting|separateBallot|chair)\b/,
      );
    }
  });

  it('no note sends an official to the project’s source files', () => {
    for (const p of SHIPPED_PROFILES) {
      const t = profileTables(p);
      const notes = [...t.params, ...t.timeline]
        .map((r) => r.note)
        .concat(t.sources.map((s) => s.note ?? ''));
      for (const n of notes) expect(n).not.toMatch(/seed \d|DOMAIN\.md/);
    }
  });

  it('states each kind of value as a sentence', () => {
    expect(
      valueText('voter', {
        minAge: 18,
        permanentResidence: true,
        exclusions: ['lostLegalCapacity'],
        inPersonOnly: true,
        mobileBox: false,
      }),
    ).toBe(
      'Từ đủ 18 tuổi vào ngày bầu cử; phải thường trú tại thôn, tổ dân phố; không được bầu nếu mất năng lực hành vi dân sự; phải tự đi bầu, không bầu thay.',
    );
    expect(valueText('electorate', 'householdRepresentatives')).toBe('Cử tri là đại diện hộ gia đình.');
    expect(
      valueText('meetingQuorum', { numerator: 1, denominator: 2, base: 'registered', strict: true }),
    ).toMatch(/^Trên 50% /);
    expect(valueText('pollingDays', [6, 0])).toBe('Thứ Bảy, Chủ nhật.');
    expect(valueText('term', { months: 60, options: [30, 60] })).toBe('60 tháng; tỉnh có thể chọn 30 tháng.');
    expect(valueText('residentGroup', null)).toBe('Không quy định.');
    // A shape added later and not yet worded still reads as words, not JSON.
    expect(valueText('somethingNew', { a: 3, b: true })).toBe('3; Có.');
  });
});
