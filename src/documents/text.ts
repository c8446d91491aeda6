/** Text both renderers print the same way, so the DOCX and the PDF say exactly the same thing. */
import type { DocumentNumber, PlaceDate } from './model';
import { padNumber, placeDateLine } from './words';

/** "Số: 05/QĐ-UBND"; a draft without a number keeps room to write it: "Số:      /KH-UBND". */
export function documentNumberText(n: DocumentNumber): string {
  const num = n.number === null ? '\u00a0'.repeat(6) : padNumber(n.number);
  return `Số: ${num}/${n.symbol}`;
}

export function placeDateText(pd: PlaceDate): string {
  return placeDateLine(pd.place, pd.date, pd.year);
}

/** Uppercase without a locale: Vietnamese letters have no locale-specific case mappings. */
export function upper(text: string): string {
  return text.normalize('NFC').toUpperCase();
}
