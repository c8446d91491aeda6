/**
 * Polling hours on polling day. Times are Vietnam local time (UTC+7, no daylight saving) computed
 * from the injected clock, never from the machine's time zone.
 */
import { vietnamDate, vietnamTime } from '../../domain/calendar';
import type { RuleProfile } from '../../domain/rules';
import type { PollingSession } from '../../domain/election';
import { communeChoosesSessions, parseSessions } from '../../domain/election';

export interface VnInstant {
  readonly date: string;
  /** HH:MM in Vietnam. */
  readonly time: string;
}

export function vnInstant(at: Date): VnInstant {
  return { date: vietnamDate(at), time: vietnamTime(at) };
}

export interface PollingWindow {
  /** The earliest a ballot may be cast (the profile's earliest start, else the session the commune chose). */
  readonly opens: string;
  /** The announced end: closing before it needs every voter on the roll to have voted. */
  readonly ends: string;
  /** The latest the poll may run. */
  readonly latest: string;
  /** The profile's session starts (Tây Ninh Điều 16 k3f: morning from 07:30, afternoon from 13:30). */
  readonly sessions: readonly string[];
  /** The sessions the commune fixed for this election, when its profile lets it (else empty). */
  readonly chosen: readonly PollingSession[];
}

/**
 * The profile's polling hours, or null when the profile sets none (then only the day is checked).
 * Without an earliest start the profile lists sessions the commune chooses from (Tây Ninh): the poll
 * opens at the election's announced start time, never before the first session.
 */
export function pollingWindow(
  profile: RuleProfile,
  startTime: string | null = null,
  sessionsJson: string | null = null,
): PollingWindow | null {
  const h = profile.pollingHours.value;
  if (!h) return null;
  const sessions = [...h.sessionStarts].sort();
  const fixed = communeChoosesSessions(h) ? parseSessions(sessionsJson) : [];
  const first = fixed[0] ?? null;
  const last = fixed.at(-1) ?? null;
  if (first && last) return { opens: first.start, ends: last.end, latest: last.end, sessions, chosen: fixed };
  const firstStart = sessions[0] ?? h.end;
  const chosen = startTime !== null && startTime > firstStart ? startTime : firstStart;
  return {
    opens: h.earliestStart ?? chosen,
    ends: h.end,
    latest: h.latestEnd ?? h.end,
    sessions,
    chosen: [],
  };
}

/** "buổi sáng từ 07:30, buổi chiều từ 13:30" for two sessions; "từ 07:00" for one. */
export function describeSessions(w: PollingWindow): string {
  if (w.sessions.length !== 2) return w.sessions.map((s) => `từ ${s}`).join(', ');
  return `buổi sáng từ ${w.sessions[0]}, buổi chiều từ ${w.sessions[1]}`;
}
