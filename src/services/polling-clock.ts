/**
 * Polling hours on polling day. Times are Vietnam local time (UTC+7, no daylight saving) computed
 * from the injected clock, never from the machine's time zone.
 */
import type { RuleProfile } from '../domain/rules';

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

export interface VnInstant {
  readonly date: string;
  /** HH:MM in Vietnam. */
  readonly time: string;
}

export function vnInstant(at: Date): VnInstant {
  const iso = new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

export interface PollingWindow {
  /** The earliest a ballot may be cast (the profile's earliest start, else its first session). */
  readonly opens: string;
  /** The announced end: closing before it needs every voter on the roll to have voted. */
  readonly ends: string;
  /** The latest the poll may run. */
  readonly latest: string;
}

/** The profile's polling hours, or null when the profile sets none (then only the day is checked). */
export function pollingWindow(profile: RuleProfile): PollingWindow | null {
  const h = profile.pollingHours.value;
  if (!h) return null;
  const first = [...h.sessionStarts].sort()[0] ?? h.end;
  return { opens: h.earliestStart ?? first, ends: h.end, latest: h.latestEnd ?? h.end };
}
