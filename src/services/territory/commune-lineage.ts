/**
 * The 2025 reorganisation of communes: a predecessor commune (its old name, old district, province)
 * merged into a commune in force from 2025-07-01, on an effective date, by a decision (a Nghị quyết
 * of UBTVQH). The dataset in assets/ holds only the new units; this lineage lets records dated
 * before the change show the names they had. Predecessors are stored as historical communes
 * (services/historical-units.ts), the same rows `recordHistoricalCommune` writes.
 */
import { randomUUID } from 'node:crypto';
import type { CivilDate } from '../../domain/calendar';
import { addDays, isCivilDate } from '../../domain/calendar';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { parseDate } from '../../io/dates';
import { readTabular } from '../../io/tabular';
import { territory as territoryRepo } from '../../store';
import type { Db } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { failures } from '../common';
import { checkHistoricalCommune, insertHistoricalCommune } from './historical-units';
import { clean, loadCommune } from '../decisions';
import { UNITS_VALID_FROM } from './territory';

export interface LineageInput {
  readonly provinceCode: string;
  readonly oldDistrict: string;
  readonly oldCommune: string;
  readonly oldCode?: string | null;
  /** Statistics code of the 2025 commune. */
  readonly successorCode: string;
  readonly effectiveOn: CivilDate;
  readonly decisionNumber: string;
  readonly decisionDate: CivilDate;
  readonly decisionBody: string;
  /** Names of the successor's hamlets that were in the predecessor. */
  readonly hamlets?: readonly string[];
}

export interface LineageRejection {
  readonly row: number;
  readonly field: string;
  readonly message: string;
}

export interface LineageOutcome {
  readonly rows: number;
  readonly written: boolean;
  readonly preview: { oldCommune: string; oldDistrict: string; successor: string; effectiveOn: string }[];
}

type Checked = {
  readonly input: LineageInput;
  readonly historical: Awaited<ReturnType<typeof checkHistoricalCommune>> & { ok: true };
  readonly existingId: string | null;
  readonly successorName: string;
  readonly hamletIds: string[];
};

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

async function checkRow(db: Db, input: LineageInput): Promise<Result<Checked>> {
  const successor = await territoryRepo.getCommuneValidity(db, clean(input.successorCode));
  if (!successor || successor.validTo !== null)
    return err(
      failures.invalid(
        'successorCode',
        `Không có xã, phường mã "${input.successorCode}" trong danh mục từ 01/07/2025.`,
      ),
    );
  if (successor.provinceCode !== input.provinceCode)
    return err(
      failures.invalid(
        'successorCode',
        `Xã, phường mã "${input.successorCode}" không thuộc tỉnh mã "${input.provinceCode}".`,
      ),
    );
  if (!isCivilDate(input.effectiveOn) || input.effectiveOn > UNITS_VALID_FROM)
    return err(failures.invalid('effectiveOn', 'Ngày có hiệu lực phải là một ngày, chậm nhất 01/07/2025.'));
  if (!clean(input.decisionNumber))
    return err(failures.invalid('decisionNumber', 'Hãy nhập số nghị quyết sắp xếp đơn vị hành chính.'));
  if (!isCivilDate(input.decisionDate) || input.decisionDate > input.effectiveOn)
    return err(
      failures.invalid('decisionDate', 'Ngày ban hành nghị quyết không hợp lệ hoặc sau ngày có hiệu lực.'),
    );
  if (!clean(input.decisionBody))
    return err(
      failures.invalid('decisionBody', 'Hãy nhập cơ quan ban hành (ví dụ Ủy ban Thường vụ Quốc hội).'),
    );
  const historical = await checkHistoricalCommune(db, {
    provinceCode: input.provinceCode,
    districtName: input.oldDistrict,
    communeName: input.oldCommune,
    communeCode: input.oldCode ?? null,
    validTo: addDays(input.effectiveOn, -1),
  });
  if (!historical.ok) return historical;
  const hamlets = await territoryRepo.listHamlets(db, successor.id);
  const hamletIds: string[] = [];
  for (const name of input.hamlets ?? []) {
    const h = hamlets.find((x) => fold(x.name) === fold(name));
    if (!h) return err(failures.invalid('hamlets', `${successor.name} không có thôn, tổ dân phố "${name}".`));
    hamletIds.push(h.id);
  }
  const existing = await existingPredecessor(
    db,
    input.provinceCode,
    historical.value.districtName,
    historical.value.communeName,
  );
  if (existing && (await territoryRepo.hasLineage(db, existing, successor.id)))
    return err(
      failures.conflict(
        'oldCommune',
        `${historical.value.communeName} (${historical.value.districtName}) đã được ghi là đã nhập vào ${successor.name}.`,
      ),
    );
  return ok({ input, historical, existingId: existing, successorName: successor.name, hamletIds });
}

async function existingPredecessor(db: Db, provinceCode: string, district: string, commune: string) {
  const d = await territoryRepo.findDistrict(db, provinceCode, district);
  if (!d) return null;
  return (await territoryRepo.findCommuneInDistrict(db, d.id, commune)) ?? null;
}

/**
 * Checks every row first; a single bad row rejects the whole batch with every problem listed, so
 * nothing is partly written. Without `confirm` it only previews.
 */
export async function recordLineage(
  ctx: ServiceContext,
  actor: Actor,
  rows: readonly LineageInput[],
  options: { confirm?: boolean; firstRow?: number } = {},
): Promise<Result<LineageOutcome>> {
  if (actor.role !== 'admin')
    return err(failures.forbidden('ghi nhận việc sắp xếp đơn vị hành chính cấp xã'));
  if (rows.length === 0) return err(failures.invalid('rows', 'Tệp không có dòng dữ liệu nào.'));
  const db = ctx.store.db;
  const checked: Checked[] = [];
  const rejected: LineageRejection[] = [];
  const seen = new Set<string>();
  for (const [i, input] of rows.entries()) {
    const row = (options.firstRow ?? 1) + i;
    const c = await checkRow(db, input);
    if (!c.ok) {
      rejected.push({ row, field: c.error.field ?? '', message: c.error.message });
      continue;
    }
    const key = `${fold(c.value.historical.value.districtName)}|${fold(c.value.historical.value.communeName)}`;
    if (seen.has(key))
      rejected.push({ row, field: 'oldCommune', message: 'Dòng này trùng với một dòng trước trong tệp.' });
    seen.add(key);
    checked.push(c.value);
  }
  if (rejected.length > 0) {
    return err({
      code: 'invalid-input',
      field: 'rows',
      message: `Không ghi dòng nào: ${rejected.length} dòng có lỗi. ${rejected.map((r) => `Dòng ${r.row}: ${r.message}`).join(' ')}`,
      details: { rejected },
    });
  }
  const preview = checked.map((c) => ({
    oldCommune: c.historical.value.communeName,
    oldDistrict: c.historical.value.districtName,
    successor: c.successorName,
    effectiveOn: c.input.effectiveOn,
  }));
  if (!options.confirm) return ok({ rows: checked.length, written: false, preview });
  await writeWithAudit(ctx, actor, async (trx) => {
    for (const c of checked) await writeOne(trx, c, actor, ctx.now().toISOString());
    return {
      value: undefined,
      audit: {
        action: 'commune.lineage',
        entity: 'commune',
        entityId: checked[0]!.input.successorCode,
        data: { rows: preview },
      },
    };
  });
  return ok({ rows: checked.length, written: true, preview });
}

async function writeOne(trx: Db, c: Checked, actor: Actor, at: string) {
  const predecessor = c.existingId ?? (await insertHistoricalCommune(trx, c.historical.value)).id;
  await territoryRepo.insertLineage(trx, {
    id: randomUUID(),
    predecessorId: predecessor,
    successorId: clean(c.input.successorCode),
    effectiveOn: c.input.effectiveOn,
    decisionNumber: clean(c.input.decisionNumber),
    decisionDate: c.input.decisionDate,
    decisionBody: clean(c.input.decisionBody),
    hamletIds: c.hamletIds,
    recordedBy: actor.userId,
    recordedAt: at,
  });
}

const HEADERS = {
  provinceCode: ['ma tinh', 'tinh'],
  oldDistrict: ['huyen cu', 'quan huyen cu', 'huyen thi xa thanh pho cu', 'huyen'],
  oldCommune: ['xa cu', 'ten xa cu', 'xa phuong thi tran cu', 'don vi cu'],
  oldCode: ['ma xa cu'],
  successorCode: ['ma xa moi', 'ma don vi moi', 'ma xa phuong moi'],
  effectiveOn: ['ngay hieu luc', 'co hieu luc tu'],
  decisionNumber: ['so nghi quyet', 'nghi quyet', 'so quyet dinh'],
  decisionDate: ['ngay nghi quyet', 'ngay ban hanh'],
  decisionBody: ['co quan ban hanh', 'co quan'],
  hamlets: ['thon to dan pho', 'thon khu pho', 'cac thon'],
} as const;
type Column = keyof typeof HEADERS;
const REQUIRED: readonly Column[] = [
  'provinceCode',
  'oldDistrict',
  'oldCommune',
  'successorCode',
  'effectiveOn',
  'decisionNumber',
  'decisionDate',
  'decisionBody',
];

const dateOf = (text: string): string => {
  if (!text) return '';
  const d = parseDate(text);
  return d.ok ? d.value : text;
};

/** Reads a CSV or XLSX file of lineage rows, then records them as `recordLineage` does. */
export async function importLineage(
  ctx: ServiceContext,
  actor: Actor,
  bytes: Uint8Array,
  options: { confirm?: boolean } = {},
): Promise<Result<LineageOutcome>> {
  if (actor.role !== 'admin')
    return err(failures.forbidden('ghi nhận việc sắp xếp đơn vị hành chính cấp xã'));
  const table = await readTabular(bytes);
  if (!table.ok) return table;
  const col = {} as Record<Column, number>;
  for (const k of Object.keys(HEADERS) as Column[])
    col[k] = table.value.headers.findIndex((h) => (HEADERS[k] as readonly string[]).includes(fold(h)));
  const missing = REQUIRED.filter((k) => col[k] < 0);
  if (missing.length > 0)
    return err(
      failures.invalid(
        'headers',
        'Thiếu cột bắt buộc. Tệp cần các cột: Mã tỉnh, Huyện cũ, Xã cũ, Mã xã mới, Ngày hiệu lực, Số nghị quyết, Ngày nghị quyết, Cơ quan ban hành; không bắt buộc: Mã xã cũ, Thôn/tổ dân phố (cách nhau bằng dấu ;).',
      ),
    );
  const rows: LineageInput[] = table.value.rows.map((cells) => {
    const cell = (k: Column) => (col[k] >= 0 ? clean(cells[col[k]]) : '');
    return {
      provinceCode: cell('provinceCode').padStart(2, '0'),
      oldDistrict: cell('oldDistrict'),
      oldCommune: cell('oldCommune'),
      oldCode: cell('oldCode') || null,
      successorCode: cell('successorCode'),
      effectiveOn: dateOf(cell('effectiveOn')),
      decisionNumber: cell('decisionNumber'),
      decisionDate: dateOf(cell('decisionDate')),
      decisionBody: cell('decisionBody'),
      hamlets: cell('hamlets')
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean),
    };
  });
  return recordLineage(ctx, actor, rows, { ...options, firstRow: table.value.rowNumbers[0] ?? 2 });
}

export interface UnitNames {
  readonly communeName: string;
  readonly districtName: string | null;
  readonly provinceName: string;
  /** True when the names are those of a predecessor, before the reorganisation. */
  readonly historical: boolean;
  readonly effectiveOn: CivilDate | null;
}

/**
 * The names a record dated `on` should carry: before the successor's effective date, those of the
 * predecessor the hamlet belonged to (named in the lineage, or the only predecessor); otherwise the
 * commune's own names.
 */
export async function namesOn(
  db: Db,
  communeId: string,
  on: CivilDate,
  hamletId?: string | null,
): Promise<UnitNames> {
  const commune = await territoryRepo.getCommune(db, communeId);
  const province = commune ? await territoryRepo.getProvince(db, commune.provinceCode) : undefined;
  const current: UnitNames = {
    communeName: commune?.name ?? communeId,
    districtName: null,
    provinceName: province?.name ?? '',
    historical: false,
    effectiveOn: null,
  };
  const lineage = await territoryRepo.predecessorsOf(db, communeId);
  const before = lineage.filter((l) => on < l.effectiveOn);
  if (before.length === 0) return current;
  const own = hamletId ? before.find((l) => l.hamletIds.includes(hamletId)) : undefined;
  const chosen = own ?? (before.length === 1 ? before[0] : undefined);
  if (!chosen) return current;
  return {
    communeName: chosen.name,
    districtName: chosen.district ?? null,
    provinceName: current.provinceName,
    historical: true,
    effectiveOn: chosen.effectiveOn,
  };
}

export interface LineageView {
  readonly oldCommune: string;
  readonly oldDistrict: string | null;
  readonly effectiveOn: CivilDate;
  readonly decisionNumber: string;
  readonly decisionDate: CivilDate;
  readonly decisionBody: string;
  readonly hamletIds: string[];
}

/** The predecessors of a commune, for its page. */
export async function listLineage(
  ctx: ServiceContext,
  actor: Actor,
  communeId: string,
): Promise<Result<LineageView[]>> {
  const c = await loadCommune(ctx, actor, communeId, 'read');
  if (!c.ok) return c;
  const rows = await territoryRepo.predecessorsOf(ctx.store.db, communeId);
  return ok(
    rows.map((r) => ({
      oldCommune: r.name,
      oldDistrict: r.district,
      effectiveOn: r.effectiveOn,
      decisionNumber: r.decisionNumber,
      decisionDate: r.decisionDate,
      decisionBody: r.decisionBody,
      hamletIds: r.hamletIds,
    })),
  );
}
