/**
 * The columns of a residents spreadsheet: template header, accepted synonyms, whether required, and
 * the explanation shown on the template's "Hướng dẫn" sheet. One table feeds the importer's header
 * mapping and the template, so they cannot drift apart.
 */
import { foldForSearch } from '../domain/people';

export type ResidentField =
  | 'householdCode'
  | 'fullName'
  | 'birthDate'
  | 'sex'
  | 'personalId'
  | 'relation'
  | 'residence'
  | 'legalCapacity'
  | 'residentGroup'
  | 'address';

export interface ResidentColumn {
  readonly field: ResidentField;
  readonly header: string;
  readonly required: boolean;
  /** Other headers seen in commune spreadsheets, matched without accents and case. */
  readonly synonyms: readonly string[];
  readonly example: string;
  readonly help: string;
  readonly width: number;
}

export const RESIDENT_COLUMNS: readonly ResidentColumn[] = [
  {
    field: 'householdCode',
    header: 'Mã hộ',
    required: true,
    synonyms: ['mã hộ gia đình', 'mã số hộ', 'số hộ', 'số hộ khẩu', 'mã hộ khẩu', 'hộ số'],
    example: 'KP1-0001',
    help: 'Mã riêng của hộ gia đình trong thôn, khu phố (ví dụ KP1-0001). Các thành viên cùng hộ ghi cùng một mã.',
    width: 14,
  },
  {
    field: 'fullName',
    header: 'Họ và tên',
    required: true,
    synonyms: ['họ tên', 'họ và tên công dân', 'tên', 'họ và tên người'],
    example: 'Nguyễn Văn An',
    help: 'Họ, tên đệm và tên, viết có dấu.',
    width: 28,
  },
  {
    field: 'birthDate',
    header: 'Ngày sinh',
    required: true,
    synonyms: ['ngày tháng năm sinh', 'ngày, tháng, năm sinh', 'sinh ngày', 'ngày/tháng/năm sinh'],
    example: '05/09/1980',
    help: 'Ngày/tháng/năm, ví dụ 05/09/1980. Cũng nhận dạng 1980-09-05 và ô ngày của Excel.',
    width: 13,
  },
  {
    field: 'sex',
    header: 'Giới tính',
    required: true,
    synonyms: ['giới', 'nam/nữ', 'nam nữ', 'phái'],
    example: 'Nam',
    help: 'Ghi "Nam" hoặc "Nữ".',
    width: 10,
  },
  {
    field: 'personalId',
    header: 'Số định danh cá nhân',
    required: false,
    synonyms: [
      'số định danh',
      'mã định danh',
      'số cccd',
      'cccd',
      'căn cước',
      'số căn cước',
      'căn cước công dân',
      'số căn cước công dân',
      'cmnd/cccd',
      'số cmnd/cccd',
    ],
    example: '068080001234',
    help: 'Số định danh cá nhân (số thẻ căn cước) gồm 12 chữ số. Nên định dạng cột là Văn bản (Text) để Excel không bỏ mất số 0 ở đầu.',
    width: 20,
  },
  {
    field: 'relation',
    header: 'Quan hệ với chủ hộ',
    required: true,
    synonyms: ['quan hệ', 'quan hệ chủ hộ', 'quan hệ với chủ hộ gia đình', 'qh với chủ hộ'],
    example: 'Chủ hộ',
    help: 'Chủ hộ, Vợ, Chồng, Con, Cha, Mẹ, Cháu, Anh, Chị, Em, hoặc Khác. Mỗi hộ có đúng một chủ hộ.',
    width: 18,
  },
  {
    field: 'residence',
    header: 'Loại cư trú',
    // Most household lists exported by commune offices have no such column: the import fills it with
    // the default the officer chooses (permanent unless changed) and marks each such person as assumed.
    required: false,
    synonyms: ['cư trú', 'tình trạng cư trú', 'hình thức cư trú', 'thường trú/tạm trú', 'thường trú tạm trú'],
    example: 'Thường trú',
    help: 'Ghi "Thường trú" hoặc "Tạm trú". Ô trống, hoặc tệp không có cột này: ghi theo loại mặc định chọn khi nhập (Thường trú), đánh dấu là giả định để kiểm tra lại.',
    width: 13,
  },
  {
    field: 'legalCapacity',
    header: 'Năng lực hành vi dân sự',
    required: false,
    synonyms: ['năng lực hành vi', 'năng lực hvds', 'nlhvds'],
    example: 'Đầy đủ',
    help: 'Để trống hoặc ghi "Đầy đủ"; ghi "Hạn chế" hoặc "Mất" khi đã có quyết định của Tòa án.',
    width: 16,
  },
  {
    field: 'residentGroup',
    header: 'Tổ',
    required: false,
    synonyms: ['tổ dân phố', 'tổ nhân dân', 'tổ dân cư', 'tổ tự quản', 'thuộc tổ', 'tổ số'],
    example: 'Tổ 1',
    help: 'Tổ nhân dân tự quản (tổ dân cư) của hộ, nếu thôn, khu phố có chia tổ.',
    width: 10,
  },
  {
    field: 'address',
    header: 'Địa chỉ',
    required: false,
    synonyms: ['nơi ở', 'nơi ở hiện nay', 'địa chỉ thường trú', 'số nhà', 'địa chỉ hộ'],
    example: 'Số 12, đường Trần Phú',
    help: 'Số nhà, đường (hẻm, ngõ) của hộ.',
    width: 28,
  },
];

export const COLUMN_BY_FIELD = new Map(RESIDENT_COLUMNS.map((c) => [c.field, c]));

/** Header text as compared: no accents, lowercase, punctuation other than '/' removed. */
export function headerKey(header: string): string {
  return foldForSearch(header)
    .replace(/[^a-z0-9/ ]+/g, ' ')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ')
    .trim();
}

const FIELD_BY_HEADER = new Map<string, ResidentField>();
for (const c of RESIDENT_COLUMNS) {
  for (const h of [c.header, ...c.synonyms]) FIELD_BY_HEADER.set(headerKey(h), c.field);
}

export function fieldForHeader(header: string): ResidentField | null {
  return FIELD_BY_HEADER.get(headerKey(header)) ?? null;
}

export const HOUSEHOLD_FIELDS: readonly ResidentField[] = ['householdCode', 'address', 'residentGroup'];
