export { excelSerialToDate, parseDate } from './dates';
export {
  convertLegacyText,
  convertWith,
  decodeText,
  decodeWindows1258,
  detectLegacyText,
  tcvn3ToUnicode,
  unicodeToTcvn3,
  unicodeToVni,
  vniToUnicode,
} from './legacy-encodings';
export type { ByteEncoding, ConvertedText, DecodedBytes, LegacyEncoding } from './legacy-encodings';
export { RESIDENT_COLUMNS, fieldForHeader } from './resident-columns';
export type { ResidentColumn, ResidentField } from './resident-columns';
export { relationText, residentCells, writeResidentsCsv, writeResidentsXlsx } from './residents-export';
export type { ResidentsExportOptions } from './residents-export';
export {
  DEFAULT_RESIDENCE,
  cleanPersonalId,
  diffResidents,
  importResidentsFile,
  mapHeaders,
  residentValidator,
  validateResidentTable,
} from './residents-import';
export type {
  ColumnMapping,
  HeaderMapping,
  ImportLayout,
  ImportOptions,
  ImportResult,
  LegalCapacity,
  RejectedRow,
  Relation,
  Residence,
  ResidentChange,
  ResidentDiff,
  ResidentFields,
  ResidentRow,
  ResidentValidator,
  StoredResident,
} from './residents-import';
export { buildResidentsTemplate, GUIDE_SHEET, TEMPLATE_SHEET } from './residents-template';
export { cellText, readTabular, streamTabular } from './tabular';
export type {
  ReadTabularOptions,
  Table,
  TabularFailureCode,
  TabularHeader,
  TabularInfo,
  TabularRowSink,
} from './tabular';
export { addSheet, neutralizeCell, safeSheetName, writeXlsx } from './xlsx-export';
export type { CellValue, XlsxColumn, XlsxSheet } from './xlsx-export';
