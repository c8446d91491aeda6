import { expect, it } from 'vitest';
import { office, removal } from '../../src/services';
import type { ServiceContext } from '../../src/services';
import { aCommuneOfficer, aProvinceViewer } from '../support/actors';
import { describeEachDatabase } from '../support/databases';
import { expectEveryTamperFound } from '../support/tamper';
import { WARD, at, loadWard } from './office-support';

const officer = aCommuneOfficer(WARD);
const front = { ...aCommuneOfficer(WARD), role: 'frontOfficer' as const, userId: 'u-front' };
const csv = (rows: string[][]) => new TextEncoder().encode(rows.map((r) => r.join(',')).join('\n'));

async function headOf(ctx: ServiceContext, hamletName: string) {
  const reg = await office.getRegister(ctx, officer, WARD);
  if (!reg.ok) throw new Error(reg.error.message);
  return reg.value.hamlets.find((x) => x.name === hamletName)!.current.find((c) => c.position === 'head')!;
}

const decision = { decisionNumber: '25/QĐ-UBND', decisionBody: 'Chủ tịch UBND Phường 2' };

describeEachDatabase('commendations and discipline of office-holders (QĐ 01/2016 Điều 19, 20)', (t) => {
  it('records a commendation against a term and lists it in the register', async () => {
    const ctx = t.ctx(at('2026-02-02'));
    await loadWard(ctx);
    const heads = [
      ['Thôn/Tổ dân phố', 'Chức danh', 'Họ và tên', 'Ngày bắt đầu'],
      ['Khu phố 1', 'Khu phố trưởng', 'Bùi Văn Thắng', '21/11/2024'],
      ['Khu phố 2', 'Khu phố trưởng', 'Hồ Văn Tư', '21/11/2024'],
    ];
    const imported = await office.importOfficeHolders(ctx, officer, WARD, csv(heads), {
      confirm: true,
    });
    if (!imported.ok) throw new Error(imported.error.message);
    const head = await headOf(ctx, 'Khu phố 1');
    const r = await office.recordOfficeRecord(ctx, officer, {
      termId: head.id,
      form: 'award',
      decidedOn: '2025-12-30',
      ...decision,
      content: 'Giấy khen: hoàn thành xuất sắc nhiệm vụ năm 2025',
    });
    if (!r.ok) throw new Error(r.error.message);
    const list = await office.listOfficeRecords(ctx, aProvinceViewer('68'), WARD);
    if (!list.ok) throw new Error(list.error.message);
    expect(list.value).toHaveLength(1);
    expect(list.value[0]).toMatchObject({
      termId: head.id,
      holderName: 'Bùi Văn Thắng',
      positionTitle: 'Khu phố trưởng',
      kind: 'commendation',
      formLabel: 'Khen thưởng',
      removal: null,
    });
    expect(list.value[0]!.citation).toContain('Điều 19');
  });

  it('refuses forms the seed does not name, dates outside the term or in the future, missing fields, the Front and viewers', async () => {
    const ctx = t.ctx(at('2026-02-02'));
    const head = await headOf(ctx, 'Khu phố 1');
    const base = {
      termId: head.id,
      form: 'praise',
      decidedOn: '2026-01-10',
      ...decision,
      content: 'Biểu dương trong phong trào',
    };
    const cases: [Partial<office.RecordInput>, string][] = [
      [{ form: 'canhCao' }, 'form'],
      [{ decidedOn: '2024-11-20' }, 'decidedOn'],
      [{ decidedOn: '2026-02-03' }, 'decidedOn'],
      [{ decisionNumber: ' ' }, 'decisionNumber'],
      [{ decisionBody: '' }, 'decisionBody'],
      [{ content: 'ok' }, 'content'],
    ];
    for (const [over, field] of cases) {
      const r = await office.recordOfficeRecord(ctx, officer, { ...base, ...over });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.field).toBe(field);
    }
    const unknown = await office.recordOfficeRecord(ctx, officer, { ...base, termId: 'nope' });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.code).toBe('not-found');
    for (const actor of [front, aProvinceViewer('68'), aCommuneOfficer('24823')]) {
      const r = await office.recordOfficeRecord(ctx, actor, base);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('forbidden');
    }
    const other = await office.listOfficeRecords(ctx, aCommuneOfficer('24823'), WARD);
    expect(other.ok).toBe(false);
  });

  it('a dismissal points to the removal procedure of the same term, and to the case once one is open', async () => {
    const ctx = t.ctx(at('2026-02-02'));
    const head = await headOf(ctx, 'Khu phố 2');
    const r = await office.recordOfficeRecord(ctx, officer, {
      termId: head.id,
      form: 'dismissal',
      decidedOn: '2026-02-01',
      ...decision,
      content: 'Vi phạm quy chế: không hoàn thành nhiệm vụ hai năm liền',
    });
    if (!r.ok) throw new Error(r.error.message);
    const before = await office.listOfficeRecords(ctx, officer, WARD);
    if (!before.ok) throw new Error(before.error.message);
    const rec = before.value.find((x) => x.form === 'dismissal')!;
    // ND59 has no "miễn nhiệm": the record points to its "cho thôi làm" procedure instead.
    expect(rec.removal).toMatchObject({ kind: 'release', caseId: null, state: null });
    expect(rec.removal?.note).toContain('cho thôi làm');
    expect(rec.citation).toContain('Điều 20');
    const opened = await removal.openRemoval(ctx, officer, {
      termId: head.id,
      kind: 'release',
      trigger: 'frontCommitteeProposal',
      on: '2026-02-02',
      grounds: ['Không hoàn thành nhiệm vụ'],
      proposer: 'Trưởng ban công tác Mặt trận khu phố 2',
    });
    const after = await office.listOfficeRecords(ctx, officer, WARD);
    if (!after.ok) throw new Error(after.error.message);
    const linked = after.value.find((x) => x.form === 'dismissal')!;
    if (!opened.ok) throw new Error(opened.error.message);
    expect(linked.removal).toMatchObject({ kind: 'release', caseId: opened.value.id, state: 'proposed' });
    // The record does not end the term: only the removal procedure does.
    expect((await headOf(ctx, 'Khu phố 2')).id).toBe(head.id);
    const audit = await ctx.store.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'like', 'office.%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['office.commendation', 'office.discipline']),
    );
  });

  it('finds an edit, a delete and an insert made outside the application in office_records', async () => {
    await expectEveryTamperFound(t.store(), 'office_records');
  });
});
