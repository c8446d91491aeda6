import { describe, expect, it } from 'vitest';
import { validatePersonalId } from '../domain/people/personal-id';
import { ageOn as ageOnDates } from '../domain/calendar/civil-date';
import {
  createPersonalIdAllocator,
  generateHouseholds,
  type DemoHousehold,
  type PopulationOptions,
} from './population';

const base: PopulationOptions = {
  seed: 42,
  households: 2000,
  codePrefix: 'KP1',
  birthProvinceCode: '068',
  referenceDate: '2024-11-17',
  residentGroups: ['Tổ 1', 'Tổ 2', 'Tổ 3'],
};

const ageAt = (birthDate: string, ref = base.referenceDate) => ageOnDates(birthDate, ref);
const people = (hs: DemoHousehold[]) => hs.flatMap((h) => h.members);

describe('generateHouseholds', () => {
  const households = generateHouseholds(base);
  const residents = people(households);

  it('is repeatable: the same seed gives the same population', () => {
    expect(generateHouseholds(base)).toEqual(households);
  });

  it('differs with another seed', () => {
    expect(generateHouseholds({ ...base, seed: 43 })).not.toEqual(households);
  });

  it('makes the requested number of households with unique codes in the KP1-0001 form', () => {
    expect(households).toHaveLength(2000);
    expect(households[0]?.code).toBe('KP1-0001');
    expect(new Set(households.map((h) => h.code)).size).toBe(2000);
  });

  it('gives every resident a unique personal ID that passes the validator with their birth date and sex', () => {
    expect(new Set(residents.map((r) => r.personalId)).size).toBe(residents.length);
    for (const r of residents) {
      const result = validatePersonalId(r.personalId, { birthDate: r.birthDate, sex: r.sex });
      expect(result.ok, `${r.personalId} ${r.birthDate} ${r.sex}`).toBe(true);
    }
  });

  it('puts an adult head with full legal capacity first in every household, and only one head', () => {
    for (const h of households) {
      const [head, ...others] = h.members;
      expect(head?.relation).toBe('head');
      expect(head?.legalCapacity).toBe('full');
      expect(ageAt(head!.birthDate)).toBeGreaterThanOrEqual(18);
      expect(others.every((m) => m.relation !== 'head')).toBe(true);
    }
  });

  it('has household sizes 1-7 with a mean near 3.6', () => {
    const sizes = households.map((h) => h.members.length);
    expect(Math.min(...sizes)).toBe(1);
    expect(Math.max(...sizes)).toBe(7);
    const mean = residents.length / households.length;
    expect(mean).toBeGreaterThan(3.3);
    expect(mean).toBeLessThan(3.9);
  });

  it('keeps ages plausible: nobody born after the reference date, children younger than the head, parents older', () => {
    for (const h of households) {
      const headAge = ageAt(h.members[0]!.birthDate);
      for (const m of h.members) {
        const age = ageAt(m.birthDate);
        expect(age).toBeGreaterThanOrEqual(0);
        expect(age).toBeLessThan(100);
        if (m.relation === 'child') expect(headAge - age).toBeGreaterThanOrEqual(14);
        if (m.relation === 'grandchild') expect(headAge - age).toBeGreaterThanOrEqual(30);
        if (m.relation === 'parent') expect(age - headAge).toBeGreaterThanOrEqual(18);
      }
    }
  });

  it('has realistic shares: ~38% Nguyễn, ~10% born elsewhere, a few temporary residents and restricted capacities', () => {
    const share = (pred: (r: (typeof residents)[number]) => boolean) =>
      residents.filter(pred).length / residents.length;
    expect(share((r) => r.fullName.startsWith('Nguyễn '))).toBeGreaterThan(0.3);
    expect(share((r) => r.fullName.startsWith('Nguyễn '))).toBeLessThan(0.46);
    const elsewhere = share((r) => !r.personalId.startsWith('068'));
    expect(elsewhere).toBeGreaterThan(0.07);
    expect(elsewhere).toBeLessThan(0.13);
    const temporary = share((r) => r.residence === 'temporary');
    expect(temporary).toBeGreaterThan(0.01);
    expect(temporary).toBeLessThan(0.1);
    expect(residents.some((r) => r.legalCapacity === 'restricted' || r.legalCapacity === 'none')).toBe(true);
    expect(share((r) => r.legalCapacity !== 'full')).toBeLessThan(0.02);
    const males = share((r) => r.sex === 'male');
    expect(males).toBeGreaterThan(0.45);
    expect(males).toBeLessThan(0.58);
  });

  it('writes three-part NFC names and addresses in the "Số 12, đường Trần Phú" form', () => {
    for (const r of residents) {
      expect(r.fullName.split(' ').length).toBeGreaterThanOrEqual(3);
      expect(r.fullName.normalize('NFC')).toBe(r.fullName);
    }
    expect(households.every((h) => /^Số \d+, đường \S/.test(h.address))).toBe(true);
    expect(new Set(households.map((h) => h.address)).size).toBe(households.length);
  });

  it('assigns residents’ groups in contiguous blocks, or null when the hamlet has none', () => {
    expect(households[0]?.residentGroup).toBe('Tổ 1');
    expect(households.at(-1)?.residentGroup).toBe('Tổ 3');
    expect(new Set(households.map((h) => h.residentGroup))).toEqual(new Set(['Tổ 1', 'Tổ 2', 'Tổ 3']));
    const none = generateHouseholds({ ...base, households: 5, residentGroups: undefined });
    expect(none.every((h) => h.residentGroup === null)).toBe(true);
  });

  it('rejects an unknown birth province code and a negative count', () => {
    expect(() => generateHouseholds({ ...base, birthProvinceCode: '003' })).toThrow(RangeError);
    expect(() => generateHouseholds({ ...base, households: -1 })).toThrow(RangeError);
  });

  it('keeps IDs unique across calls that share one allocator', () => {
    const personalIds = createPersonalIdAllocator(7);
    const a = people(generateHouseholds({ ...base, seed: 1, personalIds }));
    const b = people(generateHouseholds({ ...base, seed: 2, personalIds }));
    const ids = [...a, ...b].map((r) => r.personalId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('generates a large population (speed is measured in bench/, not asserted here)', () => {
    const big = generateHouseholds({ ...base, households: 140_000 });
    expect(people(big).length).toBeGreaterThan(450_000);
  });
});
