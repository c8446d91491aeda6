import { describe, expect, it } from 'vitest';
import { nd59 } from '../rules/nd59-2023';
import { quangTri2016 } from '../rules/quang-tri-2016';
import { tayNinh2019 } from '../rules/tay-ninh-2019';
import { kienGiang2024 } from '../rules/kien-giang-2024';
import { isAdultOn, legalCapacityOn } from './legal-capacity';

describe('Bộ luật Dân sự 2015 Điều 20: adults are 18 and over, with full civil-act capacity', () => {
  it('Điều 20 k1: every profile carries 18, cited to the Civil Code', () => {
    for (const p of [nd59, quangTri2016, tayNinh2019, kienGiang2024]) {
      expect(p.civilMajorityAge.value).toBe(18);
      expect(p.civilMajorityAge.citation).toEqual({
        source: 'Bộ luật Dân sự 2015',
        article: 'Điều 20',
        clause: 'khoản 1',
      });
    }
  });

  it('Điều 20 k1: 18 on the day of the 18th birthday, not the day before', () => {
    expect(isAdultOn(nd59, '2006-11-17', '2024-11-17')).toBe(true);
    expect(isAdultOn(nd59, '2006-11-18', '2024-11-17')).toBe(false);
    expect(isAdultOn(nd59, '2006-02-28', '2024-02-28')).toBe(true);
  });

  it('Điều 21 k1: a minor has limited capacity whatever the records say', () => {
    expect(legalCapacityOn(nd59, { birthDate: '2010-01-01', legalCapacity: 'full' }, '2024-11-17')).toBe(
      'limited',
    );
  });

  it('Điều 20 k2 with Điều 22 and 24: an adult keeps the capacity the records hold (restricted is limited)', () => {
    const adult = (legalCapacity: 'full' | 'restricted' | 'none') =>
      legalCapacityOn(nd59, { birthDate: '1980-01-01', legalCapacity }, '2024-11-17');
    expect(adult('full')).toBe('full');
    expect(adult('restricted')).toBe('limited');
    expect(adult('none')).toBe('none');
  });

  it('follows the profile value once it is overridden', () => {
    const older = { ...nd59, civilMajorityAge: { ...nd59.civilMajorityAge, value: 21 } };
    expect(isAdultOn(older, '2004-01-01', '2024-11-17')).toBe(false);
  });
});
