/**
 * Civil dates as day numbers (days since 1970-01-01), with integer arithmetic only (H. Hinnant's
 * algorithms): no Date objects, so no time-zone surprises and fast enough for millions of people.
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function formatCivil(date: CivilDate): string {
  const mm = date.month < 10 ? `0${date.month}` : `${date.month}`;
  const dd = date.day < 10 ? `0${date.day}` : `${date.day}`;
  return `${date.year}-${mm}-${dd}`;
}

export function parseCivil(iso: string): CivilDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`'${iso}' is not a YYYY-MM-DD date`);
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const back = civilFromDays(daysFromCivil(date.year, date.month, date.day));
  if (back.month !== date.month || back.day !== date.day) throw new RangeError(`'${iso}' is not a real date`);
  return date;
}

/** Whole years from birth to the reference day (birthday counts on the day itself). */
export function ageOn(birth: CivilDate, reference: CivilDate): number {
  const before =
    reference.month < birth.month || (reference.month === birth.month && reference.day < birth.day);
  return reference.year - birth.year - (before ? 1 : 0);
}
