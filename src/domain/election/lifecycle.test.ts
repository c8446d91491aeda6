import { describe, expect, it } from 'vitest';
import { ELECTION_STATES, canTransition, isTerminal, nextStates, transition } from './lifecycle';

describe('election lifecycle', () => {
  it('runs the happy path from planned to recognised', () => {
    const path = [
      'planned',
      'candidatesDrafted',
      'listOfficial',
      'teamFormed',
      'rollPosted',
      'polling',
      'counted',
      'reported',
      'recognised',
    ] as const;
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1]!, path[i]!)).toBe(true);
    expect(isTerminal('recognised')).toBe(true);
  });

  it('QĐ 01/2016 Điều 16: after the report the commune recognises, orders a re-run, or (Điều 15 k3) appoints an interim head', () => {
    expect(nextStates('reported')).toEqual(['recognised', 'rerunOrdered', 'interim']);
    expect(canTransition('rerunOrdered', 'polling')).toBe(true);
    expect(canTransition('interim', 'planned')).toBe(true);
  });

  it('refuses skipping steps with a Vietnamese message', () => {
    expect(canTransition('planned', 'polling')).toBe(false);
    const r = transition('teamFormed', 'counted');
    expect(!r.ok && r.error.code).toBe('invalid-transition');
    expect(!r.ok && r.error.message).toContain('Đã niêm yết danh sách cử tri');
  });

  it('every state is reachable from planned', () => {
    const seen = new Set<string>(['planned']);
    const queue: Array<(typeof ELECTION_STATES)[number]> = ['planned'];
    for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
      for (const n of nextStates(state)) {
        if (seen.has(n)) continue;
        seen.add(n);
        queue.push(n);
      }
    }
    expect([...seen].sort()).toEqual([...ELECTION_STATES].sort());
  });
});
