/**
 * The Vietnam clock. Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset
 * turns any instant into the civil date and wall-clock time there, whatever the machine's time zone.
 * The domain reads no clock: callers pass the instant (a service passes its context's `now()`).
 */
import type { CivilDate } from './civil-date';

export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;
const OFFSET_MS = VIETNAM_UTC_OFFSET_MINUTES * 60_000;

const shifted = (instant: Date | string): string =>
  new Date((typeof instant === 'string' ? Date.parse(instant) : instant.getTime()) + OFFSET_MS).toISOString();

/** The civil date in Vietnam at an instant (YYYY-MM-DD). */
export function vietnamDate(instant: Date | string): CivilDate {
  return shifted(instant).slice(0, 10);
}

/** The wall-clock time in Vietnam at an instant: HH:MM, or HH:MM:SS with `seconds`. */
export function vietnamTime(instant: Date | string, seconds = false): string {
  return shifted(instant).slice(11, seconds ? 19 : 16);
}

/** Date and time in Vietnam at an instant, for people: DD/MM/YYYY HH:MM:SS. */
export function vietnamDateTime(instant: Date | string): string {
  const t = shifted(instant);
  return `${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)} ${t.slice(11, 19)}`;
}

/** The instant of a civil date and a Vietnam wall-clock time (HH:MM or HH:MM:SS). */
export function vietnamInstant(date: CivilDate, time: string): Date {
  const hhmmss = time.length === 5 ? `${time}:00` : time;
  return new Date(`${date}T${hhmmss}+07:00`);
}
