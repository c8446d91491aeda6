import { expect, it } from 'vitest';
import { p } from '../../src/documents/model';
import { renderIssuedPdf } from '../../src/documents/render-pdf';
import { qrOfPdfPage } from '../../src/documents/test-support';
import { createContext, demo } from '../../src/services';
import { issueDocument, verifyByCode } from '../../src/services/documents';
import type { IssueRequest } from '../../src/services/documents';
import { describeEachDatabase, fixedNow } from '../support/databases';
import { tamperingOnPurpose } from '../support/sealed-fixture';
import { aCommuneOfficer } from '../support/actors';

const WARD = '24820';
const officer = aCommuneOfficer(WARD);

const request = (): IssueRequest => ({
  formId: 'decision-election-day',
  title: 'Quyết định ấn định ngày bầu cử Khu phố 1',
  issuerKey: `commune:${WARD}:ubnd`,
  symbol: 'QĐ-UBND',
  date: '2024-10-01',
  communeId: WARD,
  data: { hamlet: 'Khu phố 1' },
  render: (_number, stamp) => {
    const model = { meta: { title: 'Quyết định', date: '2024-10-01' }, blocks: [p('Nội dung quyết định.')] };
    return Promise.resolve({ docx: Buffer.from('docx'), pdf: renderIssuedPdf(model, stamp) });
  },
});

describeEachDatabase('public verification of an issued document by its code', (t) => {
  tamperingOnPurpose(() => t.store());
  const issue = async () => {
    const ctx = createContext(t.store(), fixedNow, { publicUrl: 'https://baucoso.example.vn/' });
    const issued = await issueDocument(ctx, officer, request());
    if (!issued.ok) throw new Error(issued.error.message);
    return { ctx, doc: issued.value, code: issued.value.verification_code ?? '' };
  };
  const must = async (code: string) => {
    const r = await verifyByCode(t.ctx(), code);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const sql = async (statement: string, ...values: unknown[]) => {
    const { sql: tag } = await import('kysely');
    await tag.raw(statement.replace(/\?/g, () => `'${String(values.shift())}'`)).execute(t.store().db);
  };

  it('answers what the paper shows and that it matches, however the code is typed', async () => {
    await demo.loadDemo(t.ctx());
    const { ctx, doc, code } = await issue();
    const pdf = await ctx.store.db
      .selectFrom('documents')
      .select('pdf')
      .where('id', '=', doc.id)
      .executeTakeFirstOrThrow();
    expect(qrOfPdfPage(pdf.pdf, 1)).toBe(`https://baucoso.example.vn/kiem-tra/${code}`);
    const v = await must(code.toLowerCase().replace(/-/g, ''));
    expect(v).toMatchObject({
      code,
      title: 'Quyết định ấn định ngày bầu cử Khu phố 1',
      number: expect.stringMatching(/^Số: \d{2}\/QĐ-UBND$/),
      date: '2024-10-01',
      commune: expect.stringContaining('2'),
      hash: doc.pdf_sha256,
      chainSeq: doc.chain_seq,
      replaced: false,
      checks: { bytes: true, record: true, chain: true, witness: true },
      matches: true,
      problems: [],
    });
  });

  it('refuses what cannot be a code and says when no document has it', async () => {
    const bad = await verifyByCode(t.ctx(), 'ABC');
    expect(!bad.ok && bad.error).toMatchObject({ code: 'invalid-input', field: 'code' });
    const none = await verifyByCode(t.ctx(), '0000-0000-0000');
    expect(!none.ok && none.error.code).toBe('not-found');
    expect(!none.ok && none.error.message).toContain('Không có văn bản nào mang mã kiểm tra này');
  });

  it('fails when the stored bytes were changed, even with their stored hash', async () => {
    const { doc, code } = await issue();
    await sql('update documents set pdf = docx where id = ?', doc.id);
    const alone = await must(code);
    expect(alone).toMatchObject({ matches: false, checks: { bytes: false, record: false, chain: true } });
    expect(alone.problems.join(' ')).toContain('tệp đã bị sửa');
    const { doc: other, code: otherCode } = await issue();
    const { createHash } = await import('node:crypto');
    await sql(
      'update documents set pdf = docx, pdf_sha256 = ? where id = ?',
      createHash('sha256').update('docx').digest('hex'),
      other.id,
    );
    // The bytes agree with the new hash, but the row no longer matches its seal, and the issuing
    // event in the chain names the old hash.
    const withHash = await must(otherCode);
    expect(withHash).toMatchObject({ matches: false, checks: { bytes: true, record: false, chain: false } });
  });

  it('fails when a sealed row was edited: the document row, or its issuing event', async () => {
    const { doc, code } = await issue();
    await sql("update documents set title = 'Quyết định khác' where id = ?", doc.id);
    expect(await must(code)).toMatchObject({ matches: false, checks: { record: false } });
    const { doc: other, code: otherCode } = await issue();
    await sql(`update audit_events set user_id = null where seq = ${other.chain_seq}`);
    expect(await must(otherCode)).toMatchObject({
      matches: false,
      checks: { bytes: true, record: true, chain: false },
    });
  });
});
