import JSZip from 'jszip';
import { expect, it } from 'vitest';
import { renderDocx } from '../../src/documents/render-docx';
import type { DocumentModel } from '../../src/documents/model';
import { demo, documents } from '../../src/services';
import { describeEachDatabase } from '../support/databases';
import { aCommuneOfficer, aProvinceViewer } from '../support/actors';

const WARD = '24820';
const officer = aCommuneOfficer(WARD);

/** A commune's own wording for the invitation, written in Word with placeholders. */
async function invitationTemplate(text: string): Promise<Buffer> {
  const model: DocumentModel = {
    meta: { title: 'Giấy mời', date: '2024-11-08' },
    blocks: [{ kind: 'paragraph', runs: [text] }],
  };
  return renderDocx(model);
}

async function docxText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

describeEachDatabase('forms and commune templates', (t) => {
  it('lists every form with the fields a template may use', async () => {
    await demo.loadDemo(t.ctx());
    const list = await documents.catalogue(t.ctx(), officer, WARD);
    if (!list.ok) throw new Error(list.error.message);
    expect(list.value.length).toBeGreaterThanOrEqual(30);
    const invitation = list.value.find((f) => f.id === 'invitation')!;
    expect(invitation.title).toContain('Giấy mời');
    expect(invitation.fields).toContain('venue');
    expect(invitation.template).toBeNull();
  });

  it('renders a form with its sample data as PDF and DOCX', async () => {
    const pdf = await documents.sampleFile(t.ctx(), aProvinceViewer('68'), WARD, 'count-record', 'pdf');
    expect(pdf.ok && pdf.value.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await documents.sampleFile(t.ctx(), officer, WARD, 'count-record', 'docx');
    expect(docx.ok && (await docxText(docx.value.bytes))).toContain('BIÊN BẢN KIỂM PHIẾU');
    const missing = await documents.sampleFile(t.ctx(), officer, WARD, 'no-such-form', 'pdf');
    expect(!missing.ok && missing.error.code).toBe('not-found');
  });

  it('uses the commune’s own DOCX wording once uploaded, and the built-in one after removal', async () => {
    const template = await invitationTemplate('Trân trọng kính mời {{invitee}} dự họp tại {{venue}}.');
    const up = await documents.uploadTemplate(t.ctx(), officer, WARD, 'invitation', {
      fileName: 'giấy mời.docx',
      bytes: template,
    });
    if (!up.ok) throw new Error(up.error.message);
    expect(up.value.placeholders).toEqual(['invitee', 'venue']);
    const filled = await documents.sampleFile(t.ctx(), officer, WARD, 'invitation', 'docx');
    expect(filled.ok && (await docxText(filled.value.bytes))).toBe(
      'Trân trọng kính mời Ông Dương Hữu Phước, đại diện hộ gia đình, Tổ 1, Khu phố 1 dự họp tại Nhà văn hóa khu phố 1.',
    );
    const list = await documents.catalogue(t.ctx(), officer, WARD);
    expect(list.ok && list.value.find((f) => f.id === 'invitation')?.template?.fileName).toBe(
      'giấy mời.docx',
    );
    await documents.removeTemplate(t.ctx(), officer, WARD, 'invitation');
    const builtIn = await documents.sampleFile(t.ctx(), officer, WARD, 'invitation', 'docx');
    expect(builtIn.ok && (await docxText(builtIn.value.bytes))).toContain('GIẤY MỜI');
  });

  it('refuses a template with unknown fields, a file that is not DOCX, and a province viewer', async () => {
    const unknown = await documents.uploadTemplate(t.ctx(), officer, WARD, 'invitation', {
      fileName: 'x.docx',
      bytes: await invitationTemplate('Kính mời {{ten_khong_co}}'),
    });
    expect(!unknown.ok && unknown.error.message).toContain('{{ten_khong_co}}');
    const notDocx = await documents.uploadTemplate(t.ctx(), officer, WARD, 'invitation', {
      fileName: 'x.docx',
      bytes: Buffer.from('hello'),
    });
    expect(!notDocx.ok && notDocx.error.field).toBe('file');
    const viewer = await documents.uploadTemplate(t.ctx(), aProvinceViewer('68'), WARD, 'invitation', {
      fileName: 'x.docx',
      bytes: await invitationTemplate('{{venue}}'),
    });
    expect(!viewer.ok && viewer.error.code).toBe('forbidden');
    const list = await documents.catalogue(t.ctx(), officer, WARD);
    expect(list.ok && list.value.every((f) => f.template === null)).toBe(true);
  });
});
