import { describe, expect, it } from 'vitest';
import { CIVIL_MAJORITY, isAdultOn, legalCapacityOn } from './legal-capacity';

describe('Bộ luật Dân sự 2015 Điều 20: adults are 18 and over, with full civil-act capacity', () => {
  it('Điều 20 k1: 18 on the day of the 18th birthday, not the day before', () => {
    expect(CIVIL_MAJORITY.value).toBe(18);
    expect(CIVIL_MAJORITY.citation.article).toBe('Điều 20');
    expect(isAdultOn('2006-11-17', '2024-11-17')).toBe(true);
    expect(isAdultOn('2006-11-18', '2024-11-17')).toBe(false);
    expect(isAdultOn('2006-02-28', '2024-02-28')).toBe(true);
  });

  it('Điều 21 k1: a minor has limited capacity whatever the records say', () => {
    expect(legalCapacityOn({ birthDate: '2010-01-01', legalCapacity: 'full' }, '2024-11-17')).toBe('limited');
  });

  it('Điều 20 k2 with Điều 22 and 24: an adult keeps the capacity the records hold (restricted is limited)', () => {
    expect(legalCapacityOn({ birthDate: '1980-01-01', legalCapacity: 'full' }, '2024-11-17')).toBe('full');
    expect(legalCapacityOn({ birthDate: '1980-01-01', legalCapacity: 'restricted' }, '2024-11-17')).toBe(
      'limited',
    );
    expect(legalCapacityOn({ birthDate: '1980-01-01', legalCapacity: 'none' }, '2024-11-17')).toBe('none');
  });
});
