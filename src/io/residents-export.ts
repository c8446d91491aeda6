/**
 * Writes residents back out in the template's layout, as XLSX or CSV, optionally in a legacy font
 * encoding: for the demo hamlet's spreadsheet, test files, and exports officers re-import.
 */
import type { Sex } from '../domain/people';
import { unicodeToTcvn3, unicodeToVni } from './legacy-encodings';
import { RESIDENT_COLUMNS, type ResidentField } from './resident-columns';
import type { LegalCapacity, Relation, Residence, ResidentFields } from './residents-import';
import { TEMPLATE_SHEET } from './residents-template';
import { neutralizeCell, writeXlsx } from './xlsx-export';

const SEX_TEXT: Readonly<Record<Sex, string>> = { male: 'Nam', female: 'Nữ' };
const RESIDENCE_TEXT: Readonly<Record<Residence, string>> = { permanent: 'Thường trú', temporary: 'Tạm trú' };
const CAPACITY_TEXT: Readonly<Record<LegalCapacity, string>> = {
  full: 'Đầy đủ',
  restricted: 'Hạn chế',
  none: 'Mất',
};

export function relationText(relation: Relation, sex: Sex): string {
  const male = sex === 'male';
  switch (relation) {
    case 'head':
      return 'Chủ hộ';
    case 'spouse':
      return male ? 'Chồng' : 'Vợ';
    case 'child':
      return 'Con';
    case 'parent':
      return male ? 'Cha' : 'Mẹ';
    case 'grandchild':
      return 'Cháu';
    case 'sibling':
      return male ? 'Anh' : 'Chị';
    case 'other':
      return 'Khác';
  }
}

function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** The template's cell text for each field of a resident. */
export function residentCells(r: ResidentFields): Record<ResidentField, string> {
  return {
    householdCode: r.householdCode,
    fullName: r.fullName,
    birthDate: formatDate(r.birthDate),
    sex: SEX_TEXT[r.sex],
    personalId: r.personalId ?? '',
    relation: relationText(r.relation, r.sex),
    residence: RESIDENCE_TEXT[r.residence],
    legalCapacity: CAPACITY_TEXT[r.legalCapacity],
    residentGroup: r.residentGroup ?? '',
    address: r.address ?? '',
  };
}

export interface ResidentsExportOptions {
  /** Write the text as a .VnTime (TCVN3) or VNI-Times user would have typed it. */
  readonly legacy?: 'tcvn3' | 'vni';
  /** Columns to leave out, as lists kept by commune offices often do (no residence type, say). */
  readonly omit?: readonly ResidentField[];
}

function columnsOf(options: ResidentsExportOptions) {
  return RESIDENT_COLUMNS.filter((c) => !options.omit?.includes(c.field));
}

function encoder(legacy: ResidentsExportOptions['legacy']): (s: string) => string {
  if (legacy === 'tcvn3') return unicodeToTcvn3;
  if (legacy === 'vni') return unicodeToVni;
  return (s) => s;
}

export async function writeResidentsXlsx(
  residents: readonly ResidentFields[],
  options: ResidentsExportOptions = {},
): Promise<Buffer> {
  const encode = encoder(options.legacy);
  return writeXlsx([
    {
      name: TEMPLATE_SHEET,
      columns: columnsOf(options).map((c) => ({ header: encode(c.header), key: c.field, width: c.width })),
      rows: residents.map((r) => {
        const cells = residentCells(r);
        return Object.fromEntries(columnsOf(options).map((c) => [c.field, encode(cells[c.field])]));
      }),
    },
  ]);
}

function csvField(value: string): string {
  const safe = String(neutralizeCell(value));
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * CSV with comma separators: UTF-8 with a BOM (so Excel opens it as UTF-8), or, for a legacy font
 * encoding, one byte per character as those old files were saved.
 */
export function writeResidentsCsv(
  residents: readonly ResidentFields[],
  options: ResidentsExportOptions = {},
): Buffer {
  const columns = columnsOf(options);
  const lines = [columns.map((c) => csvField(c.header)).join(',')];
  for (const r of residents) {
    const cells = residentCells(r);
    lines.push(columns.map((c) => csvField(cells[c.field])).join(','));
  }
  const text = `${lines.join('\r\n')}\r\n`;
  if (options.legacy) return Buffer.from(encoder(options.legacy)(text), 'latin1');
  return Buffer.from(`\ufeff${text}`, 'utf8');
}
