import { describe, expect, it } from 'vitest';
import { downloadName } from '../../src/server/download-name';

describe('download names', () => {
  it('fold the Vietnamese title to ASCII words joined by dashes, keeping the extension', () => {
    expect(downloadName('Biên bản kiểm phiếu Khu phố 1.pdf')).toBe('bien-ban-kiem-phieu-khu-pho-1.pdf');
    expect(downloadName('03-QĐ-UBND Quyết định công nhận Trưởng thôn Đông Hà.docx')).toBe(
      '03-qd-ubnd-quyet-dinh-cong-nhan-truong-thon-dong-ha.docx',
    );
    expect(downloadName('danh-sach-cu-tri-khu-pho-1.xlsx')).toBe('danh-sach-cu-tri-khu-pho-1.xlsx');
  });

  it('never carries a quote, a slash or a header break, and always has a name', () => {
    expect(downloadName('a"b\\c/d\r\ne.pdf')).toBe('a-b-c-d-e.pdf');
    expect(downloadName('…')).toBe('tai-ve');
    expect(downloadName('Ảnh.PDF')).toBe('anh.pdf');
    expect(downloadName(`${'Tên rất dài '.repeat(30)}.pdf`).length).toBeLessThanOrEqual(124);
  });
});
