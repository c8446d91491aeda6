import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { FORMS } from '../../src/documents/forms';
import { sampleCountRecord } from '../../src/documents/forms/count-record';
import type { sampleElectionTeamDecision } from '../../src/documents/forms/election-team-decision';
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

/** The text of the rendered DOCX, paragraph by paragraph: what a reader of the printed form sees. */
async function renderedText(model: DocumentModel): Promise<string> {
  const zip = await JSZip.loadAsync(await renderDocx(model));
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return (
    xml
      .split('</w:p>')
      .map((para) => [...para.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
      // A paragraph mark between paragraphs: a word may end one heading and begin the next paragraph.
      .join(' ¶ ')
      .replace(/&amp;/g, '&')
      .normalize('NFC')
      .replace(/\s+/g, ' ')
  );
}

/** The articles of a decision by number: "Điều 3. …" up to the next article. */
function articlesOf(text: string): Map<number, string> {
  const parts = text.split(/Điều (\d+)\. /);
  const out = new Map<number, string>();
  for (let i = 1; i < parts.length; i += 2) out.set(Number(parts[i]), parts[i + 1] ?? '');
  return out;
}

describe('every form, rendered from its data, refers to what it contains', () => {
  for (const form of FORMS) {
    it(`${form.id}: its references, labels and names are read from its data`, async () => {
      const text = await renderedText(form.build(form.sample()));
      const articles = articlesOf(text);
      // "Nơi nhận: Như Điều N" names the article that says who carries the decision out.
      for (const m of text.matchAll(/Như Điều (\d+);/g)) {
        const n = Number(m[1]);
        expect(articles.get(n), `${form.id}: Như Điều ${n}`).toMatch(/chịu trách nhiệm thi hành/);
      }
      // An article referred to ("có tên tại Điều 1") exists.
      for (const m of text.matchAll(/tại Điều (\d+)(?! Nghị định| Quy chế| Quyết định| Luật| Thông tư)/g)) {
        if (articles.size > 0) expect(articles.has(Number(m[1])), `${form.id}: tại Điều ${m[1]}`).toBe(true);
      }
      // A label is a form number of the source ("Mẫu số 02"), never a placeholder.
      for (const m of text.matchAll(/Mẫu số (\S+)/gi)) expect(m[1]).toMatch(/^\d{2}\b/);
      // No word doubled by a template put together from pieces ("Đại diện đại diện hộ gia đình").
      expect(text, form.id).not.toMatch(/(?<!\p{L})(\p{L}+ \p{L}+) \1(?!\p{L})/iu);
      // Hamlet names keep their case in running text: "khu phố 1", never a lowered proper name.
      expect(text, form.id).not.toMatch(/(?<!\p{L})(thôn|ấp) \p{Ll}{2,} \p{Ll}/u);
    });
  }

  it('the count record carries the label its profile gives, or none (Quảng Trị, Tây Ninh)', async () => {
    const form = FORMS.find((f) => f.id === 'count-record')!;
    const nd59 = sampleCountRecord();
    expect(await renderedText(form.build(nd59))).toContain('Mẫu số 02');
    const none = { ...nd59, head: { ...nd59.head, formLabel: undefined } };
    const qt = await renderedText(
      form.build({
        ...none,
        teamLabel: 'Tổ bầu cử gồm:',
        witnessLabel: 'Cử tri chứng kiến việc kiểm phiếu:',
      }),
    );
    expect(qt).not.toContain('Mẫu số');
    expect(qt).toContain('Tổ bầu cử gồm:');
    expect(qt).toContain(
      'Cử tri chứng kiến việc kiểm phiếu: ¶ 1. Ông Dương Hữu Phước ¶ 2. Bà Ngô Thị Mỹ Uyên',
    );
  });

  it('a decision whose executing article moves is still referred to by its number', async () => {
    const form = FORMS.find((f) => f.id === 'election-team-decision')!;
    const sample = form.sample() as ReturnType<typeof sampleElectionTeamDecision>;
    // Without the electorate article the executors are Điều 4, not 5.
    const text = await renderedText(form.build({ ...sample, electorate: null }));
    expect(text).toContain('Như Điều 4;');
    expect(articlesOf(text).get(4)).toMatch(/chịu trách nhiệm thi hành/);
    expect(await renderedText(form.build(sample))).toContain('Như Điều 5;');
  });
});
