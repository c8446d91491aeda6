/**
 * How the web app writes dates, times, numbers and percentages: Vietnamese conventions everywhere
 * (dd/mm/yyyy, 1.234, 58,4%), and times in Vietnam whatever the browser's time zone.
 */
import { vietnamDate, vietnamTime } from '../../domain/calendar/vietnam-time';

const numberVi = new Intl.NumberFormat('vi-VN');
const percentVi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1, minimumFractionDigits: 0 });

/** A civil date (YYYY-MM-DD) as dd/mm/yyyy; '' for none. */
export function vnDate(date: string | null | undefined): string {
  if (!date) return '';
  const [y, m, d] = date.slice(0, 10).split('-');
  return d && m && y ? `${d}/${m}/${y}` : date;
}

/** An instant as the Vietnam time HH:MM (HH:MM:SS with `seconds`). */
export const vnTime = (instant: string, seconds = false): string => vietnamTime(instant, seconds);

/** An instant as "HH:MM dd/mm/yyyy" in Vietnam. */
export const vnDateTime = (instant: string): string =>
  `${vietnamTime(instant)} ${vnDate(vietnamDate(instant))}`;

/** Today's civil date in Vietnam (from the browser's clock). */
export const vnToday = (): string => vietnamDate(new Date());

/** A whole number with Vietnamese digit grouping (1.234.567). */
export const vnNumber = (n: number): string => numberVi.format(n);

/** A number with up to `digits` decimals and the Vietnamese decimal comma (1,125). */
export const vnDecimal = (n: number, digits: number): string =>
  n.toLocaleString('vi-VN', { maximumFractionDigits: digits });

/**
 * A percentage the server computed exactly, as a decimal string ("58.39", integer arithmetic), with
 * the Vietnamese decimal comma: "58,39%". The digits are kept as computed, never rounded again.
 */
export const vnPercentText = (decimal: string): string => `${decimal.replace('.', ',')}%`;

/** A share as a percentage with a decimal comma (58,4%); `part/whole`, or a ratio 0..1 with one argument. */
export function vnPercent(part: number, whole?: number): string {
  const ratio = whole === undefined ? part : whole === 0 ? 0 : part / whole;
  return `${percentVi.format(ratio * 100)}%`;
}
