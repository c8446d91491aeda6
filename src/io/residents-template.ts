/**
 * The downloadable residents template: a "Danh sách" sheet with the Vietnamese headers the importer
 * recognises and one example row, and a "Hướng dẫn" sheet explaining each column.
 */
import ExcelJS from 'exceljs';
import { RESIDENT_COLUMNS } from './resident-columns';
import { addSheet } from './xlsx-export';

export const TEMPLATE_SHEET = 'Danh sách';
export const GUIDE_SHEET = 'Hướng dẫn';

const GUIDE_INTRO = [
  'Mỗi dòng là một người. Dòng đầu tiên là tiêu đề cột: giữ nguyên tên cột như tệp mẫu.',
  'Dòng 2 là ví dụ: hãy xóa hoặc ghi đè trước khi nhập.',
  'Các thành viên cùng hộ ghi cùng một mã hộ; mỗi hộ có đúng một người ghi "Chủ hộ".',
  'Có thể nhập tệp Excel (.xlsx) hoặc CSV; chữ gõ bằng phông TCVN3 (ABC) hoặc VNI sẽ được tự động chuyển sang Unicode.',
  'Nhập lại cùng một tệp không làm thay đổi dữ liệu; nhập tệp đã sửa sẽ cho xem trước những gì thay đổi.',
];

export async function buildResidentsTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'baucoso';
  const list = addSheet(workbook, {
    name: TEMPLATE_SHEET,
    columns: RESIDENT_COLUMNS.map((c) => ({ header: c.header, key: c.field, width: c.width })),
    rows: [Object.fromEntries(RESIDENT_COLUMNS.map((c) => [c.field, c.example]))],
  });
  // Text format keeps the leading zeros of ID numbers and stops Excel from re-reading dates.
  for (const [i, c] of RESIDENT_COLUMNS.entries()) {
    if (c.field === 'personalId' || c.field === 'householdCode') list.getColumn(i + 1).numFmt = '@';
  }
  list.getRow(2).font = { italic: true, color: { argb: 'FF808080' } };
  addGuide(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addGuide(workbook: ExcelJS.Workbook): void {
  const guide = workbook.addWorksheet(GUIDE_SHEET);
  guide.columns = [
    { header: 'Cột', key: 'header', width: 26 },
    { header: 'Bắt buộc', key: 'required', width: 10 },
    { header: 'Cách ghi', key: 'help', width: 90 },
    { header: 'Ví dụ', key: 'example', width: 24 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const c of RESIDENT_COLUMNS) {
    const row = guide.addRow({
      header: c.header,
      required: c.required ? 'Có' : 'Không',
      help: c.help,
      example: c.example,
    });
    row.getCell('help').alignment = { wrapText: true, vertical: 'top' };
  }
  guide.addRow([]);
  for (const line of GUIDE_INTRO) guide.addRow({ header: '', help: line });
}
