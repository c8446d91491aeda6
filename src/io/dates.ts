/**
 * Dates as officers type them: dd/mm/yyyy (the Vietnamese order), d/m/yyyy, yyyy-mm-dd, and Excel
 * serial numbers (1900 date system), into civil 'YYYY-MM-DD' strings.
 */
import { err, ok, type Result } from '../domain/result';

const EXAMPLE = 'Hãy nhập theo dạng ngày/tháng/năm, ví dụ 05/09/1980.';

/** Serial 60 is 29/02/1900, a day that never existed: Lotus 1-2-3 counted 1900 as a leap year. */
const FAKE_LEAP_DAY = 60;
const MAX_SERIAL = 2_958_465; // 31/12/9999
const UNIX_EPOCH_SERIAL = 25_569; // 01/01/1970

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year);
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function invalid(shown: string, hint = EXAMPLE) {
  return err({ code: 'date.invalid', message: `'${shown}' không phải là ngày hợp lệ. ${hint}` });
}

function fromParts(shown: string, year: number, month: number, day: number): Result<string> {
  if (year < 1000 || !isRealDate(year, month, day)) return invalid(shown);
  return ok(`${pad(year, 4)}-${pad(month)}-${pad(day)}`);
}

/** Excel serial day number (time of day ignored) to 'YYYY-MM-DD'. */
export function excelSerialToDate(serial: number): Result<string> {
  const day = Math.floor(serial);
  if (!Number.isFinite(serial) || day < 1 || day > MAX_SERIAL) {
    return invalid(String(serial), 'Số ngày của Excel phải nằm trong khoảng 1 đến 2958465.');
  }
  if (day === FAKE_LEAP_DAY) {
    return invalid('29/02/1900', 'Năm 1900 không có ngày 29/02 (lỗi của Excel).');
  }
  const unixDays = day - UNIX_EPOCH_SERIAL + (day < FAKE_LEAP_DAY ? 1 : 0);
  return ok(new Date(unixDays * 86_400_000).toISOString().slice(0, 10));
}

/** Parses one cell. Strings are trimmed; numbers (and 5-digit strings) are Excel serials. */
export function parseDate(input: string | number): Result<string> {
  if (typeof input === 'number') return excelSerialToDate(input);
  const s = input.normalize('NFC').trim();
  if (s === '') return err({ code: 'date.empty', message: `Chưa nhập ngày. ${EXAMPLE}` });
  let m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s);
  if (m) return fromParts(s, Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(s);
  if (m) return fromParts(s, Number(m[1]), Number(m[2]), Number(m[3]));
  if (/^\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2}$/.test(s)) {
    return invalid(s, `Năm phải có đủ 4 chữ số. ${EXAMPLE}`);
  }
  if (/^\d{4}$/.test(s)) return invalid(s, `Chỉ có năm, cần đủ ngày, tháng và năm. ${EXAMPLE}`);
  if (/^\d{5}(?:\.\d+)?$/.test(s)) return excelSerialToDate(Number(s));
  return invalid(s);
}
