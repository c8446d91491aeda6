import { describe, expect, it } from 'vitest';
import { orderedUuid } from './ordered-ids';

describe('time-ordered ids', () => {
  it('are version-7 UUIDs that sort in the order they were made, even within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => orderedUuid(1_700_000_000_000));
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    // A clock that steps back never makes an id that sorts before the last one.
    const back = orderedUuid(1_600_000_000_000);
    expect(back > ids.at(-1)!).toBe(true);
  });
});
