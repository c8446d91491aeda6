import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { demo } from '../../src/services';
import {
  downloadDocument,
  issueDocument,
  listDocuments,
} from '../../src/services/documents/document-registry';
import type { IssueRequest } from '../../src/services/documents/document-registry';
import type { StampedPdf } from '../../src/documents/render-pdf';
import { describeEachDatabase } from '../support/databases';
import { tamperingOnPurpose } from '../support/sealed-fixture';
import { aCommuneOfficer, aProvinceViewer } from '../support/actors';

const WARD = '24820';
const officer = aCommuneOfficer(WARD);

// The registry does not care what the files are: these renders stand in for the form renderers.
const request = (over: Partial<IssueRequest> = {}): IssueRequest => ({
  formId: 'decision-election-day',
  title: 'Quyết định ấn định ngày bầu cử',
  issuerKey: `commune:${WARD}:ubnd`,
  symbol: 'QĐ-UBND',
  date: '2024-10-01',
  communeId: WARD,
  data: { hamlet: 'Khu phố 1' },
  render: (number, stamp) =>
    Promise.resolve({
      docx: Buffer.from(`docx ${number ?? '-'}`),
      // A stand-in for renderIssuedPdf: the stamp's code and chain position in the bytes.
      pdf: Buffer.from(`%PDF ${number ?? '-'}/QĐ-UBND ${stamp.code} ${stamp.chainSeq}`) as StampedPdf,
    }),
  ...over,
});

describeEachDatabase('issued documents', (t) => {
  tamperingOnPurpose(() => t.store());
  it('numbers documents per issuing body, symbol and year, restarting each year', async () => {
    await demo.loadDemo(t.ctx());
    const a = await issueDocument(t.ctx(), officer, request());
    const b = await issueDocument(t.ctx(), officer, request());
    const plan = await issueDocument(t.ctx(), officer, request({ symbol: 'KH-UBND' }));
    const nextYear = await issueDocument(t.ctx(), officer, request({ date: '2025-01-02' }));
    const minutes = await issueDocument(
      t.ctx(),
      officer,
      request({ symbol: null, issuerKey: 'hamlet:x:bctmt' }),
    );
    expect([a, b, plan, nextYear, minutes].map((r) => r.ok && r.value.number)).toEqual([1, 2, 1, 1, null]);
  });

  it('stores the files with their hashes and gives them back unchanged', async () => {
    const issued = await issueDocument(t.ctx(), officer, request());
    if (!issued.ok) throw new Error(issued.error.message);
    const pdf = await downloadDocument(t.ctx(), officer, issued.value.id, 'pdf');
    if (!pdf.ok) throw new Error(pdf.error.message);
    const { verification_code: code, chain_seq: seq } = issued.value;
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(pdf.value.bytes.toString()).toBe(`%PDF 3/QĐ-UBND ${code} ${seq}`);
    // The chain position printed on the paper is the issuing event's own.
    const event = await t
      .ctx()
      .store.db.selectFrom('audit_events')
      .select(['action', 'entity_id'])
      .where('seq', '=', seq ?? -1)
      .executeTakeFirst();
    expect(event).toEqual({ action: 'document.issue', entity_id: issued.value.id });
    expect(issued.value.document_date).toBe('2024-10-01');
    expect(createHash('sha256').update(pdf.value.bytes).digest('hex')).toBe(issued.value.pdf_sha256);
    const viewer = await downloadDocument(t.ctx(), aProvinceViewer('68'), issued.value.id, 'docx');
    expect(viewer.ok).toBe(true);
    const stranger = await downloadDocument(t.ctx(), aCommuneOfficer('24823'), issued.value.id, 'docx');
    expect(!stranger.ok && stranger.error.code).toBe('forbidden');
  });

  it('detects a stored file that was altered after issue', async () => {
    const issued = await issueDocument(t.ctx(), officer, request());
    if (!issued.ok) throw new Error(issued.error.message);
    await t
      .store()
      .db.updateTable('documents')
      .set({ pdf: Buffer.from('%PDF forged') })
      .where('id', '=', issued.value.id)
      .execute();
    const pdf = await downloadDocument(t.ctx(), officer, issued.value.id, 'pdf');
    expect(!pdf.ok && pdf.error.code).toBe('integrity');
  });

  it('reissues as a new version naming the one it replaces, and only from the latest', async () => {
    const first = await issueDocument(t.ctx(), officer, request());
    if (!first.ok) throw new Error(first.error.message);
    const second = await issueDocument(t.ctx(), officer, request({ replaces: first.value.id }));
    expect(second.ok && [second.value.version, second.value.replaces_id]).toEqual([2, first.value.id]);
    const again = await issueDocument(t.ctx(), officer, request({ replaces: first.value.id }));
    expect(!again.ok && again.error.code).toBe('conflict');
    const list = await listDocuments(t.ctx(), officer, { communeId: WARD });
    expect(list.ok && list.value.length).toBeGreaterThanOrEqual(8);
  });

  it('refuses issuing for a province viewer and writes nothing', async () => {
    const before = await listDocuments(t.ctx(), officer, { communeId: WARD });
    const denied = await issueDocument(t.ctx(), aProvinceViewer('68'), request());
    expect(!denied.ok && denied.error.code).toBe('forbidden');
    const after = await listDocuments(t.ctx(), officer, { communeId: WARD });
    expect(after.ok && before.ok && after.value.length).toBe(before.ok ? before.value.length : -1);
  });

  it('writes nothing, not even a number, when rendering fails', async () => {
    const failing = request({
      symbol: 'TB-UBND',
      render: () => Promise.reject(new Error('renderer crashed')),
    });
    await expect(issueDocument(t.ctx(), officer, failing)).rejects.toThrow('renderer crashed');
    const next = await issueDocument(t.ctx(), officer, request({ symbol: 'TB-UBND' }));
    expect(next.ok && next.value.number).toBe(1);
  });
});

it('quotes a document by the date it bears, not the UTC day of the instant it was issued', async () => {
  const { docRef } = await import('../../src/services/office/recognition');
  const info = {
    number: 4,
    symbol: 'QĐ-UBND',
    title: 'Quyết định',
    issued_at: '2026-11-22T17:30:00.000Z',
    document_date: '2026-11-23',
  } as Parameters<typeof docRef>[0];
  expect(docRef(info)).toBe('số 04/QĐ-UBND ngày 23/11/2026');
});
