import { describe, expect, it } from 'vitest';
import { applyOverrides } from './overrides';
import { nd59 } from './nd59-2023';

const who = { reason: 'Quyết định 12/2024/QĐ-UBND của UBND tỉnh', by: 'Sở Nội vụ', at: '2024-05-02' };

describe('profile overrides', () => {
  it('TT04 Điều 12 k2: a province fixes the term at 2.5 years, and the history records why', () => {
    const r = applyOverrides(nd59, [{ path: 'term.months', value: 30, ...who }]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.term.value.months).toBe(30);
    expect(r.value.term.overrides).toEqual([{ path: 'term.months', previousValue: 60, ...who }]);
    expect(nd59.term.value.months).toBe(60); // the shipped profile is untouched
  });

  it('validates the result: a 4-year term is not among the options', () => {
    const r = applyOverrides(nd59, [{ path: 'term.months', value: 48, ...who }]);
    expect(!r.ok && r.error).toMatchObject({ code: 'invalid-override', field: 'term.months' });
  });

  it('marks a checked [U] value verified', () => {
    const r = applyOverrides(nd59, [
      { path: 'winner.meeting.threshold.base', value: 'participated', confidence: 'verified', ...who },
    ]);
    expect(r.ok && r.value.winner.confidence).toBe('verified');
    expect(r.ok && r.value.winner.value.meeting?.threshold.base).toBe('participated');
  });

  it('addresses timeline steps by id and removal procedures by kind', () => {
    const r = applyOverrides(nd59, [
      { path: 'timeline.form-team.offsetDays', value: -12, ...who },
      { path: 'removal.release.newElection.withinDays', value: 45, ...who },
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.timeline.find((s) => s.value.id === 'form-team')?.value.offsetDays).toBe(-12);
    expect(r.value.removal[0]?.newElection.value.withinDays).toBe(45);
  });

  it('refuses unknown paths, citations, and overrides without a reason', () => {
    const a = applyOverrides(nd59, [{ path: 'term.years', value: 5, ...who }]);
    expect(!a.ok && a.error.code).toBe('unknown-path');
    const b = applyOverrides(nd59, [{ path: 'term.citation', value: {}, ...who }]);
    expect(!b.ok && b.error.code).toBe('protected-path');
    const c = applyOverrides(nd59, [{ path: 'term.months', value: 30, ...who, reason: ' ' }]);
    expect(!c.ok && c.error.code).toBe('override-incomplete');
    const d = applyOverrides(nd59, [{ path: 'id', value: 'x', ...who }]);
    expect(!d.ok && d.error.code).toBe('unknown-path');
  });
});
