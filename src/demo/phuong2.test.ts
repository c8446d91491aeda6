import { describe, expect, it } from 'vitest';
import { validatePersonalId } from '../domain/people/personal-id';
import { demoWard, generateDemoWard } from './phuong2';

describe('demoWard (seed 000)', () => {
  it('is Phường 2 Bảo Lộc, Lâm Đồng, with five khu phố of 150-600 households and 3-6 groups each', () => {
    expect(demoWard).toMatchObject({ provinceCode: '68', communeCode: '24820', displayName: 'Phường 2' });
    expect(demoWard.hamlets.map((h) => h.name)).toEqual([
      'Khu phố 1',
      'Khu phố 2',
      'Khu phố 3',
      'Khu phố 4',
      'Khu phố 5',
    ]);
    for (const h of demoWard.hamlets) {
      expect(h.households).toBeGreaterThanOrEqual(150);
      expect(h.households).toBeLessThanOrEqual(600);
      expect(h.residentGroups.length).toBeGreaterThanOrEqual(3);
      expect(h.residentGroups.length).toBeLessThanOrEqual(6);
    }
  });

  it('KH Phường 2 24/07/2024 mục IV: the chair Lê Thanh Bình directs khu phố 4 and 5, the vice-chair 1 to 3', () => {
    const chair = demoWard.officials.find((o) => o.role === 'chair');
    expect(chair).toMatchObject({ fullName: 'Lê Thanh Bình', hamlets: ['Khu phố 4', 'Khu phố 5'] });
    const vice = demoWard.officials.find((o) => o.role === 'viceChair');
    expect(vice).toMatchObject({
      fullName: 'Nguyễn Thuận',
      hamlets: ['Khu phố 1', 'Khu phố 2', 'Khu phố 3'],
    });
    for (const h of demoWard.hamlets) {
      expect(demoWard.officials.some((o) => o.role === 'staff' && o.hamlets.includes(h.name))).toBe(true);
    }
  });

  it('generates the whole ward repeatably, with personal IDs unique across hamlets and valid', () => {
    const ward = generateDemoWard('2024-11-17');
    expect(generateDemoWard('2024-11-17')).toEqual(ward);
    const residents = ward.flatMap((h) => h.households.flatMap((hh) => hh.members));
    expect(new Set(residents.map((r) => r.personalId)).size).toBe(residents.length);
    expect(residents.every((r) => validatePersonalId(r.personalId, r).ok)).toBe(true);
    expect(ward.map((h) => h.households.length)).toEqual(demoWard.hamlets.map((h) => h.households));
    expect(ward[2]?.households[0]?.code).toBe('KP3-0001');
  });
});
