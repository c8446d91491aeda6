import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DOCX, JPEG, PDF, PNG, safeFileName, safeServedType, uploadKindOf } from './upload-kind';

async function zip(files: Record<string, string>): Promise<Buffer> {
  const z = new JSZip();
  for (const [name, text] of Object.entries(files)) z.file(name, text);
  return z.generateAsync({ type: 'nodebuffer' });
}

describe('what an upload really is', () => {
  it('knows a scan and a Word document by their bytes', async () => {
    expect(await uploadKindOf(Buffer.from('%PDF-1.7\n'))).toBe(PDF);
    expect(await uploadKindOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe(JPEG);
    expect(await uploadKindOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(PNG);
    const docx = await zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
    expect(await uploadKindOf(docx)).toBe(DOCX);
  });

  it('refuses a web page, a script, a program, a Word file with macros and any other zip', async () => {
    expect(await uploadKindOf(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
    expect(await uploadKindOf(Buffer.from('alert(1)'))).toBeNull();
    expect(await uploadKindOf(Buffer.from([0x4d, 0x5a, 0x90, 0]))).toBeNull();
    const docm = await zip({
      '[Content_Types].xml': '<Types/>',
      'word/document.xml': '<w:document/>',
      'word/vbaProject.bin': 'x',
    });
    expect(await uploadKindOf(docm)).toBeNull();
    expect(await uploadKindOf(await zip({ 'a.txt': 'x' }))).toBeNull();
    expect(await uploadKindOf(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toBeNull();
  });

  it('keeps only the last part of a sent name, cleaned, with the extension of what it is', () => {
    expect(safeFileName('../../../../etc/passwd', PDF)).toBe('passwd.pdf');
    expect(safeFileName('C:\\Users\\a\\Đơn ứng cử.exe', PDF)).toBe('Đơn ứng cử.pdf');
    expect(safeFileName('bad\u202Egnp.js', PNG)).toBe('badgnp.png');
    expect(safeFileName('...', DOCX)).toBe('ho-so.docx');
    expect(safeServedType('text/html')).toBe('application/octet-stream');
    expect(safeServedType('application/pdf')).toBe('application/pdf');
  });
});
