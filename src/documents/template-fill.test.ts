import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { FORMS } from './forms/index';
import { sampleCountRecord } from './forms/count-record';
import { b, p, type DocumentModel } from './model';
import { renderDocx } from './render-docx';
import {
  escapeXml,
  fillDocxTemplate,
  mergeSplitPlaceholders,
  templateData,
  templateFieldNames,
  templatePlaceholders,
} from './template-fill';
import { docxText, flat } from './test-support';

function templateModel(): DocumentModel {
  return {
    meta: { title: 'Mẫu riêng của phường', date: '2024-11-17' },
    blocks: [
      { kind: 'title', text: 'BIÊN BẢN KIỂM PHIẾU', subtitle: ['Bầu {{chuc_danh}} {{ten_thon}}'] },
      // Word often splits a placeholder into runs with different formatting.
      p(['Ngày bầu cử: {{ngay_', b('bau_cu'), '}}; ghi chú: {{ghi_chu}}; {{khong_co}}']),
      {
        kind: 'table',
        columns: [
          { header: 'STT', width: 1 },
          { header: 'Họ và tên', width: 4 },
          { header: 'Số phiếu', width: 2 },
        ],
        rows: [['{{#ung_cu_vien}}{{stt}}', '{{ho_ten}}', '{{votes}} ({{votes_words}}){{/ung_cu_vien}}']],
      },
    ],
  };
}

describe('DOCX templates', () => {
  it('fills placeholders, split runs and repeated rows, escaping the values', async () => {
    const template = await renderDocx(templateModel());
    const result = await fillDocxTemplate(template, {
      chuc_danh: 'Khu phố trưởng',
      ten_thon: 'khu phố 1',
      ngay_bau_cu: '17/11/2024',
      ghi_chu: 'A & B <c> "d"',
      ung_cu_vien: [
        { ho_ten: 'Nguyễn Văn An', votes: 187, votes_words: 'một trăm tám mươi bảy' },
        { ho_ten: 'Trần Thị Bích Ngọc', votes: 58, votes_words: 'năm mươi tám' },
      ],
    });
    if (!result.ok) throw new Error(result.error.message);
    const text = flat(await docxText(result.value.docx));
    expect(text).toContain('Bầu Khu phố trưởng khu phố 1');
    expect(text).toContain('Ngày bầu cử: 17/11/2024; ghi chú: A & B <c> "d"');
    expect(text).toContain('1 Nguyễn Văn An 187 (một trăm tám mươi bảy)');
    expect(text).toContain('2 Trần Thị Bích Ngọc 58 (năm mươi tám)');
    expect(text).not.toContain('{{#ung_cu_vien}}');
    expect(result.value.unknownPlaceholders).toEqual(['khong_co']);
    const xml =
      (await (await JSZip.loadAsync(result.value.docx)).file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('A &amp; B &lt;c&gt; &quot;d&quot;');
  });

  it('lists the placeholders a template uses, joined across runs', async () => {
    const names = await templatePlaceholders(await renderDocx(templateModel()));
    expect(names).toEqual(
      expect.arrayContaining([
        'ten_thon',
        'ngay_bau_cu',
        '#ung_cu_vien',
        '/ung_cu_vien',
        'ho_ten',
        'khong_co',
      ]),
    );
  });

  it('moves a placeholder split over three runs into the first', () => {
    const para =
      '<w:p><w:r><w:t>Thôn {{ten</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>_</w:t></w:r><w:r><w:t>thon}} nhé</w:t></w:r></w:p>';
    const merged = mergeSplitPlaceholders(para);
    expect(merged).toContain('<w:t xml:space="preserve">Thôn {{ten_thon}}</w:t>');
    expect(merged).toContain('<w:t xml:space="preserve"> nhé</w:t>');
    expect(merged).toContain('<w:rPr><w:b/></w:rPr>');
  });

  it('refuses a macro-enabled package and a non-zip file', async () => {
    const zip = await JSZip.loadAsync(await renderDocx(templateModel()));
    zip.file('word/vbaProject.bin', new Uint8Array([1, 2, 3]));
    const withMacro = await zip.generateAsync({ type: 'nodebuffer' });
    const r = await fillDocxTemplate(withMacro, {});
    expect(r.ok ? '' : r.error.code).toBe('template-has-macros');
    const bad = await fillDocxTemplate(Buffer.from('not a zip'), {});
    expect(bad.ok ? '' : bad.error.code).toBe('template-not-docx');
  });

  it('escapes XML special characters', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
  });
});

describe('template fields of the forms', () => {
  it('flattens form data with words, dates in words and Vietnamese aliases', () => {
    const d = templateData(sampleCountRecord());
    expect(d['total_on_roll']).toBe(312);
    expect(d['total_on_roll_words']).toBe('ba trăm mười hai');
    expect(d['head_date']).toBe('17/11/2024');
    expect(d['head_date_text']).toBe('ngày 17 tháng 11 năm 2024');
    expect(d['election_hamlet']).toBe('khu phố 1');
    expect(d['ten_thon']).toBe('khu phố 1');
    expect(d['nhiem_ky']).toBe('2024-2027');
    const rows = d['ung_cu_vien'];
    expect(Array.isArray(rows) && rows[0]).toEqual({
      stt: 1,
      name: 'Nguyễn Văn An',
      ho_ten: 'Nguyễn Văn An',
      votes: 187,
      votes_words: 'một trăm tám mươi bảy',
    });
  });

  it('every form exposes its fields', () => {
    for (const f of FORMS) expect(templateFieldNames(f.sample()).length, f.id).toBeGreaterThan(3);
  });

  it('a form sample fills a template built from the same form', async () => {
    const template = await renderDocx({
      meta: { title: 't', date: '2024-11-17' },
      blocks: [p('{{ten_thon}}: {{total_on_roll}} ({{total_on_roll_words}})')],
    });
    const r = await fillDocxTemplate(template, templateData(sampleCountRecord()));
    if (!r.ok) throw new Error(r.error.message);
    expect(flat(await docxText(r.value.docx))).toContain('khu phố 1: 312 (ba trăm mười hai)');
  });
});
