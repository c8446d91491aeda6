import { describe, expect, it } from 'vitest';
import { nd59 } from '../rules/nd59-2023';
import { quangTri2016 } from '../rules/quang-tri-2016';
import { tayNinh2019 } from '../rules/tay-ninh-2019';
import { checkTrigger, evaluateRemovalVote, removalDeadlines, removalProcedure } from './removal';

describe('cho thôi làm (ND59 Điều 9)', () => {
  it('ND59 Điều 9 k1: a resignation needs a letter', () => {
    expect(checkTrigger(nd59, 'release', { code: 'resignation', hasLetter: true }).ok).toBe(true);
    const r = checkTrigger(nd59, 'release', { code: 'resignation' });
    expect(!r.ok && r.error.code).toBe('letter-required');
  });

  it('ND59 Điều 9 k1: a petition of at least 50% of households: 100 of 200 is enough, 99 is not', () => {
    expect(
      checkTrigger(nd59, 'release', { code: 'householdPetition', signatures: 100, registered: 200 }).ok,
    ).toBe(true);
    const r = checkTrigger(nd59, 'release', { code: 'householdPetition', signatures: 99, registered: 200 });
    expect(!r.ok && r.error).toMatchObject({ code: 'petition-below-threshold', field: 'signatures' });
    expect(!r.ok && r.error.message).toContain('ít nhất 100');
  });

  it('ND59 Điều 9: miễn nhiệm and bãi nhiệm are no longer separate procedures', () => {
    const r = removalProcedure(nd59, 'recall');
    expect(!r.ok && r.error.code).toBe('removal-kind-not-in-profile');
  });

  it('ND59 Điều 9 k3: recognition within 05 working days; new election decided within 60 days', () => {
    const r = removalDeadlines(nd59, 'release', '2026-02-13', '2026-02-25');
    expect(r.ok && r.value).toEqual({
      recognitionDue: '2026-02-27',
      newElectionBy: '2026-04-26',
      newElectionMode: 'decided',
    });
  });
});

describe('miễn nhiệm, bãi nhiệm (Quy trình Tây Ninh 2019)', () => {
  it('Quy trình TN Điều 9 k2a: a head transferred to other work needs no letter', () => {
    expect(checkTrigger(tayNinh2019, 'dismissal', { code: 'transfer' }).ok).toBe(true);
    expect(
      checkTrigger(tayNinh2019, 'dismissal', { code: 'householdPetition', signatures: 90, registered: 90 })
        .ok,
    ).toBe(false);
  });

  it('Quy trình TN Điều 10 k1: recall on the petition of at least one third of household representatives', () => {
    expect(
      checkTrigger(tayNinh2019, 'recall', { code: 'householdPetition', signatures: 34, registered: 100 }).ok,
    ).toBe(true);
    expect(
      checkTrigger(tayNinh2019, 'recall', { code: 'householdPetition', signatures: 33, registered: 100 }).ok,
    ).toBe(false);
    expect(checkTrigger(tayNinh2019, 'recall', { code: 'frontChairProposal' }).ok).toBe(true);
  });

  it('Quy trình TN Điều 10 k1: the meeting needs more than 50% present', () => {
    const r = evaluateRemovalVote(tayNinh2019, 'recall', { registered: 100, present: 50, approve: 50 });
    expect(r.ok && r.value.outcome).toBe('notQuorate');
  });

  it('Quy trình TN Điều 10 k2d: passes with more than 50% of the whole hamlet, not of those present', () => {
    const fail = evaluateRemovalVote(tayNinh2019, 'recall', { registered: 100, present: 80, approve: 50 });
    expect(fail.ok && fail.value).toMatchObject({ outcome: 'rejected', required: 51 });
    const pass = evaluateRemovalVote(tayNinh2019, 'recall', { registered: 100, present: 80, approve: 51 });
    expect(pass.ok && pass.value.outcome).toBe('passed');
  });

  it('Quy trình TN Điều 9 k2d: new election held within 20 days of recognition', () => {
    const r = removalDeadlines(tayNinh2019, 'dismissal', '2024-11-18', '2024-11-22');
    expect(r.ok && r.value).toEqual({
      recognitionDue: '2024-11-25',
      newElectionBy: '2024-12-12',
      newElectionMode: 'held',
    });
  });

  it('refuses impossible counts naming the field', () => {
    const r = evaluateRemovalVote(tayNinh2019, 'recall', { registered: 100, present: 120, approve: 1 });
    expect(!r.ok && r.error.field).toBe('present');
    const s = evaluateRemovalVote(tayNinh2019, 'recall', { registered: 100, present: 60, approve: -1 });
    expect(!s.ok && s.error.field).toBe('approve');
  });
});

describe('QĐ 01/2016 Điều 17 (NQLT 09/2008, unverified)', () => {
  it('QĐ 01/2016 Điều 17: dismissal and recall values are unverified parameters', () => {
    const r = removalProcedure(quangTri2016, 'recall');
    expect(r.ok && r.value.passRule.confidence).toBe('unverified');
  });
});
