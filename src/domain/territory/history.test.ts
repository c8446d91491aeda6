import { describe, expect, it } from 'vitest';
import type { ChangeEvent, Move } from './history';
import { checkChangeDate, countsOn, hamletsOn, movedGroupName, nameOn, namesOf, placeOn } from './history';
import { checkConditions, currentStep, missingBeforeDecision } from './establishment';
import { nationalEstablishment, quangTriEstablishment } from '../rules/establishment-values';

const ev = (e: Partial<ChangeEvent> & Pick<ChangeEvent, 'kind' | 'effectiveOn'>): ChangeEvent => ({
  order: 0,
  fromHamletIds: [],
  toHamletId: null,
  nameBefore: null,
  nameAfter: null,
  createsTarget: false,
  ...e,
});

const hamlets = [
  { id: 'kp1', name: 'Khu phố 1', kind: 'khu-pho' },
  { id: 'kp2', name: 'Khu phố 2', kind: 'khu-pho' },
  { id: 'kp12', name: 'Khu phố Trung Tâm', kind: 'khu-pho' },
  { id: 'kp3', name: 'Khu phố Hòa Bình', kind: 'khu-pho' },
];
// kp1 + kp2 merged into the new kp12 on 2025-01-01; kp3 renamed from "Khu phố 3" on 2024-12-01.
const events: ChangeEvent[] = [
  ev({
    kind: 'merged',
    effectiveOn: '2025-01-01',
    fromHamletIds: ['kp1', 'kp2'],
    toHamletId: 'kp12',
    nameAfter: 'Khu phố Trung Tâm',
    createsTarget: true,
  }),
  ev({
    kind: 'renamed',
    effectiveOn: '2024-12-01',
    toHamletId: 'kp3',
    nameBefore: 'Khu phố 3',
    nameAfter: 'Khu phố Hòa Bình',
  }),
];

describe('the register as it was (QĐ 01/2016 Điều 3 k3: merging hamlets)', () => {
  it('shows the merged hamlets before the effective date and the new one from it', () => {
    const before = hamletsOn(hamlets, events, '2024-11-01').map((h) => h.name);
    expect(before).toEqual(['Khu phố 1', 'Khu phố 2', 'Khu phố 3']);
    const dayBefore = hamletsOn(hamlets, events, '2024-12-31').map((h) => h.id);
    expect(dayBefore).toEqual(['kp1', 'kp2', 'kp3']);
    const after = hamletsOn(hamlets, events, '2025-01-01');
    expect(after.map((h) => h.name)).toEqual(['Khu phố Trung Tâm', 'Khu phố Hòa Bình']);
    expect(after[0]!.since).toBe('2025-01-01');
    expect(after[1]!.since).toBeNull();
  });

  it('keeps every old name readable', () => {
    expect(nameOn(hamlets[3]!, events, '2024-11-30')).toBe('Khu phố 3');
    expect(nameOn(hamlets[3]!, events, '2024-12-01')).toBe('Khu phố Hòa Bình');
    expect(namesOf(hamlets[3]!, events)).toEqual([
      { name: 'Khu phố 3', from: null },
      { name: 'Khu phố Hòa Bình', from: '2024-12-01' },
    ]);
  });

  it('places a household where it was: moves after the day are undone, newest first', () => {
    const moves: Move[] = [
      { subjectId: 'h1', fromHamletId: 'kp1', toHamletId: 'kp12', effectiveOn: '2025-01-01', order: 1 },
      { subjectId: 'h1', fromHamletId: 'kp12', toHamletId: 'kp3', effectiveOn: '2025-06-01', order: 2 },
    ];
    expect(placeOn('kp3', moves, '2025-06-01')).toBe('kp3');
    expect(placeOn('kp3', moves, '2025-05-31')).toBe('kp12');
    expect(placeOn('kp3', moves, '2024-11-01')).toBe('kp1');
    const counts = countsOn(
      [
        { id: 'h1', hamletId: 'kp3' },
        { id: 'h2', hamletId: 'kp12' },
      ],
      [
        ...moves,
        { subjectId: 'h2', fromHamletId: 'kp2', toHamletId: 'kp12', effectiveOn: '2025-01-01', order: 1 },
      ],
      '2024-11-01',
    );
    expect(Object.fromEntries(counts)).toEqual({ kp1: 1, kp2: 1 });
  });

  it('refuses a change before the hamlet existed, after it ended, or before its last change', () => {
    expect(checkChangeDate('kp12', events, '2024-12-31')).toEqual({
      ok: false,
      reason: 'notYet',
      date: '2025-01-01',
    });
    expect(checkChangeDate('kp1', events, '2025-02-01')).toEqual({
      ok: false,
      reason: 'ended',
      date: '2025-01-01',
    });
    expect(checkChangeDate('kp3', events, '2024-11-30')).toEqual({
      ok: false,
      reason: 'beforeLastChange',
      date: '2024-12-01',
    });
    expect(checkChangeDate('kp3', events, '2024-12-01')).toEqual({ ok: true });
  });

  it('renames a moved group whose name is taken in the receiving hamlet', () => {
    expect(movedGroupName('Tổ 1', 'Khu phố 2', ['Tổ 1', 'Tổ 2'])).toBe('Tổ 1 (Khu phố 2)');
    expect(movedGroupName('Tổ 9', 'Khu phố 2', ['Tổ 1'])).toBe('Tổ 9');
    expect(movedGroupName('Tổ 1', 'Khu phố 2', ['Tổ 1', 'tổ 1 (khu phố 2)'])).toBe('Tổ 1 (Khu phố 2) 2');
  });
});

describe('establishing a hamlet (QĐ 01/2016 Điều 9–10; TT04 Điều 7–8)', () => {
  const rule = nationalEstablishment.value;
  it('needs the minimum households of its kind and area unless an exception of Điều 9 k2 applies', () => {
    expect(checkConditions(rule, true, 'plain', 699, null)).toEqual({
      ok: false,
      minimum: 700,
      reason: 'tooFew',
    });
    expect(checkConditions(rule, true, 'plain', 700, null)).toEqual({
      ok: true,
      minimum: 700,
      exception: null,
    });
    expect(checkConditions(rule, false, 'mountainBorder', 350, null).ok).toBe(true);
    const resettled = checkConditions(rule, false, 'plain', 80, 'resettlement');
    expect(resettled.ok && resettled.exception).toMatch(/tái định cư/);
    expect(checkConditions(rule, false, 'plain', 80, 'whatever')).toEqual({
      ok: false,
      minimum: 500,
      reason: 'unknownException',
    });
    expect(quangTriEstablishment.confidence).toBe('unverified');
  });

  it('walks the checklist: the decision waits for every required item before it', () => {
    expect(currentStep([])).toBe('policy');
    expect(currentStep(['commune-report', 'policy-approval'])).toBe('dossier');
    expect(missingBeforeDecision(['commune-report']).map((i) => i.key)).toEqual([
      'policy-approval',
      'scheme',
      'voter-opinion',
      'submission',
      'appraisal',
    ]);
    const all = ['commune-report', 'policy-approval', 'scheme', 'voter-opinion', 'submission', 'appraisal'];
    expect(missingBeforeDecision(all)).toEqual([]);
    expect(currentStep([...all, 'decision'])).toBe('decided');
  });
});
