/**
 * What a count's closure row holds beside its result JSON (migration 0036): the figures the national
 * roll-up sums, taken from the same result when the row is written, so the roll-up reads three
 * columns instead of parsing every closure's JSON. Null for a value the result does not carry.
 */
export interface ClosureSummary {
  readonly outcome: string | null;
  readonly registered: number | null;
  readonly voted: number | null;
}

const wholeOrNull = (v: unknown): number | null => (Number.isSafeInteger(v) ? (v as number) : null);

/** The summary of a result (the object, or its JSON text as stored; unreadable JSON gives nulls). */
export function closureSummaryOf(result: unknown): ClosureSummary {
  let r: unknown = result;
  if (typeof result === 'string') {
    try {
      r = JSON.parse(result) as unknown;
    } catch {
      r = null;
    }
  }
  if (r === null || typeof r !== 'object') return { outcome: null, registered: null, voted: null };
  const o = r as Record<string, unknown>;
  return {
    outcome: typeof o['outcome'] === 'string' ? o['outcome'] : null,
    registered: wholeOrNull(o['registered']),
    voted: wholeOrNull(o['voted']),
  };
}
