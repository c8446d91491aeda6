/**
 * zod as the contract uses it: messages in Vietnamese (zod's own `vi` locale), on the server and in
 * the browser alike, and the small schemas every feature repeats.
 */
import { z } from 'zod';
// One locale imported by name: `z.locales` would bring every language into the browser bundle.
import vi from 'zod/v4/locales/vi.js';

z.config(vi());

export { z };

/** An id in a path or a body: a UUID or a statistics office code. */
export const id = z.string().min(1).max(64);
/** `{ id }` path parameters, the most common. */
export const idParams = z.object({ id });
/** A civil date, YYYY-MM-DD, that exists in the calendar. */
export const civilDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD.')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'Ngày này không có trong lịch.',
  )
  // Nothing this product dates (a birth, a decision, a rename) comes before 1900: earlier is a slip.
  .refine((s) => s >= '1900-01-01', 'Ngày phải từ 01/01/1900 trở về sau. Hãy kiểm tra lại năm.');
/** A time of day in Vietnam, HH:MM. */
export const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ phải có dạng HH:MM.');
/** Text a person typed: at most `max` characters. */
export const text = (max: number) => z.string().max(max);
/** An ISO-8601 instant as stored (audit, sessions). */
export const instant = z.string();
/** A count of people or papers. */
export const count = z.number().int().min(0).max(1_000_000);
/** The `{ ok: true }`-style acknowledgement some writes answer with. */
export const done = z.object({ ok: z.literal(true) });
