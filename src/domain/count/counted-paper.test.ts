import { describe, expect, it } from 'vitest';
import { checkCountedPaper, PAPER_LIMITS, paperForKey, paperOfKey, tallyPaperOf } from './counted-paper';

const ballot = ['a', 'b'];
const keypad = { candidates: [{ id: 'a' }, { id: 'b' }], defects: [{ code: 'unstamped' as const }] };

describe('a counted paper', () => {
  it('is stored with its names in ballot order, and none when set aside for a defect', () => {
    expect(checkCountedPaper({ kept: ['b', 'a'] }, ballot, [])).toEqual({
      ok: true,
      value: { kept: ['a', 'b'], defect: null },
    });
    expect(checkCountedPaper({ kept: ['a'], defect: 'unstamped' }, ballot, ['unstamped'])).toEqual({
      ok: true,
      value: { kept: [], defect: 'unstamped' },
    });
  });

  it('refuses a name not on the ballot, a name twice, too many names, a defect the profile does not list', () => {
    const code = (r: ReturnType<typeof checkCountedPaper>) => (r.ok ? null : r.error.code);
    expect(code(checkCountedPaper({ kept: ['c'] }, ballot, []))).toBe('invalid-input');
    expect(code(checkCountedPaper({ kept: ['a', 'a'] }, ballot, []))).toBe('invalid-input');
    const many = Array.from({ length: PAPER_LIMITS.keptMax + 1 }, () => 'a');
    expect(code(checkCountedPaper({ kept: many }, ballot, []))).toBe('invalid-input');
    expect(code(checkCountedPaper({ kept: [], defect: 'both-columns' }, ballot, ['unstamped']))).toBe(
      'invalid-reason',
    );
  });

  it('reaches the tally with one name kept when set aside, so the defect is the reason counted', () => {
    expect(tallyPaperOf({ kept: [], defect: 'unstamped' }, ballot)).toEqual({
      kept: ['a'],
      defects: ['unstamped'],
    });
    expect(tallyPaperOf({ kept: ['b'], defect: null }, ballot)).toEqual({ kept: ['b'] });
  });

  it('comes from one key of the keypad, or a scenario key', () => {
    expect(paperForKey('1', keypad)).toEqual({ kept: ['a'], defect: null });
    expect(paperForKey('3', keypad)).toEqual({ kept: ['a', 'b'], defect: null });
    expect(paperForKey('0', keypad)).toEqual({ kept: [], defect: null });
    expect(paperForKey('.', keypad)).toBe('defect');
    expect(paperForKey('+', keypad)).toBeNull();
    expect(paperOfKey('.1', keypad)).toEqual({ kept: [], defect: 'unstamped' });
    expect(paperOfKey('.2', keypad)).toBeUndefined();
    expect(paperOfKey('2', keypad)).toEqual({ kept: ['b'], defect: null });
  });
});
