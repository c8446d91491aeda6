/**
 * Importing the current office-holders from a spreadsheet, so that a commune can start mid-term:
 * one row per holder (hamlet, residents' group, position, name, start date, term, how they got it,
 * the decision). Preview first; confirming writes every accepted row in one transaction.
 */
import type { CivilDate } from '../../domain/calendar';
import { formatVietnamese } from '../../domain/calendar';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { parseDate } from '../../io/dates';
import { readTabular } from '../../io/tabular';
import { office as repo, territory as territoryRepo } from '../../store';
import type { ImportOptions } from '../../contract/office';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { failures } from '../common';
import type { OfficeBasis, OfficePosition } from '../decisions';
import {
  chosenTermMonths,
  clean,
  loadCommune,
  loadProfile,
  positionTitle,
  termEndOf,
  vnToday,
} from '../decisions';
import { isCurrent, termRow } from './register';

/** Preview or confirm, with the profile and the province's choice of term (months). */
export type { ImportOptions } from '../../contract/office';

export interface ImportRow {
  readonly row: number;
  readonly hamletId: string;
  readonly hamletName: string;
  readonly residentGroupId: string | null;
  readonly position: OfficePosition;
  readonly positionTitle: string;
  readonly holderName: string;
  readonly basis: OfficeBasis;
  readonly startOn: CivilDate;
  readonly plannedEnd: CivilDate | null;
  readonly termLabel: string | null;
  readonly decisionRef: string | null;
}

export interface ImportPreview {
  readonly rows: number;
  readonly toAdd: ImportRow[];
  readonly existing: { row: number; message: string }[];
  readonly rejected: { row: number; field: string; message: string }[];
  readonly imported: number;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const HEADERS = {
  hamlet: [
    'thon',
    'thon to dan pho',
    'thon khu pho',
    'khu pho',
    'ap',
    'to dan pho',
    'ten thon',
    'thon ap khu pho',
    'don vi',
  ],
  group: ['to tu quan', 'to', 'to nhan dan tu quan', 'to dan cu'],
  position: ['chuc danh', 'chuc vu'],
  name: ['ho va ten', 'ho ten', 'nguoi giu chuc danh'],
  start: ['ngay bat dau', 'tu ngay', 'ngay nhan nhiem vu', 'ngay cong nhan'],
  end: ['ngay ket thuc', 'den ngay', 'het nhiem ky'],
  term: ['nhiem ky'],
  basis: ['hinh thuc', 'can cu giu chuc', 'cach thuc'],
  decision: ['quyet dinh', 'so quyet dinh', 'can cu'],
} as const;

type Column = keyof typeof HEADERS;

function columns(headers: readonly string[]): Record<Column, number> {
  const out = {} as Record<Column, number>;
  for (const key of Object.keys(HEADERS) as Column[]) {
    out[key] = headers.findIndex((h) => (HEADERS[key] as readonly string[]).includes(fold(h)));
  }
  return out;
}

/** "Trưởng thôn", "Khu phố phó", "Tổ trưởng tổ tự quản" ... to a position. */
export function parsePosition(text: string): OfficePosition | undefined {
  const f = fold(text);
  if (!f) return undefined;
  const group = /\bto (tu quan|nhan dan|dan cu)\b/.test(f);
  if (f.includes('thu ky')) return group ? 'groupSecretary' : undefined;
  const deputy = /\bpho\b/.test(f.replace(/khu pho|to dan pho/g, '')) || f.startsWith('to pho');
  if (group) return deputy ? 'groupDeputy' : 'groupLeader';
  return deputy ? 'deputyHead' : 'head';
}

export function parseBasis(text: string, position: OfficePosition): OfficeBasis | undefined {
  const f = fold(text);
  if (!f) return position === 'deputyHead' ? 'deputyRecognised' : 'elected';
  if (f.includes('lam thoi') || f.includes('tam thoi')) return 'interim';
  if (f.includes('bau') || f.includes('trung cu')) return 'elected';
  if (f.includes('chon') || f.includes('cong nhan'))
    return position === 'deputyHead' ? 'deputyRecognised' : 'elected';
  return undefined;
}

export async function importOfficeHolders(
  ctx: ServiceContext,
  actor: Actor,
  communeId: string,
  bytes: Uint8Array,
  options: ImportOptions = {},
): Promise<Result<ImportPreview>> {
  const c = await loadCommune(ctx, actor, communeId, options.confirm ? 'decide' : 'manage');
  if (!c.ok) return c;
  const profile = loadProfile(options.profileId);
  if (!profile.ok) return profile;
  const months = chosenTermMonths(profile.value, options.termMonths);
  if (!months.ok) return months;
  const table = await readTabular(bytes);
  if (!table.ok) return table;
  const col = columns(table.value.headers);
  const missing = (['hamlet', 'position', 'name', 'start'] as const).filter((k) => col[k] < 0);
  if (missing.length > 0) {
    return err(
      failures.invalid(
        'headers',
        `Thiếu cột bắt buộc trong dòng tiêu đề (${table.value.headers.join(', ')}). Tệp cần các cột: Thôn/Tổ dân phố, Chức danh, Họ và tên, Ngày bắt đầu; không bắt buộc: Tổ tự quản, Nhiệm kỳ, Hình thức, Quyết định, Ngày kết thúc.`,
      ),
    );
  }
  const db = ctx.store.db;
  const today = vnToday(ctx);
  const hamlets = await territoryRepo.listHamlets(db, communeId);
  const byName = new Map(hamlets.map((h) => [fold(h.name), h]));
  const terms = await repo.listTermsOfCommune(db, communeId);
  const out = {
    toAdd: [] as ImportRow[],
    existing: [] as { row: number; message: string }[],
    rejected: [] as ImportPreview['rejected'],
  };
  const seen = new Set<string>();
  for (const [i, cells] of table.value.rows.entries()) {
    const row = table.value.rowNumbers[i] ?? i + 2;
    const cell = (k: Column) => (col[k] >= 0 ? clean(cells[col[k]]) : '');
    const reject = (field: string, message: string) => out.rejected.push({ row, field, message });
    if (cells.every((x) => !x?.trim())) continue;
    const hamlet = byName.get(fold(cell('hamlet')));
    if (!hamlet) {
      reject(
        'hamlet',
        `Không có thôn, tổ dân phố "${cell('hamlet')}" trong xã/phường; hãy thêm đơn vị trước.`,
      );
      continue;
    }
    const position = parsePosition(cell('position'));
    if (!position) {
      reject('position', `Không nhận ra chức danh "${cell('position')}".`);
      continue;
    }
    let groupId: string | null = null;
    if (position.startsWith('group')) {
      const groups = await territoryRepo.listResidentGroups(db, hamlet.id);
      const g = groups.find((x) => fold(x.name) === fold(cell('group')));
      if (!g) {
        reject('group', `Không có tổ tự quản "${cell('group')}" trong ${hamlet.name}.`);
        continue;
      }
      groupId = g.id;
    }
    const name = cell('name');
    if (name.length < 2) {
      reject('name', 'Chưa nhập họ và tên.');
      continue;
    }
    const start = parseDate(cell('start'));
    if (!start.ok) {
      reject('start', start.error.message);
      continue;
    }
    if (start.value > today) {
      reject('start', `Ngày bắt đầu ${formatVietnamese(start.value)} sau hôm nay.`);
      continue;
    }
    const basis = parseBasis(cell('basis'), position);
    if (!basis) {
      reject('basis', `Không nhận ra hình thức "${cell('basis')}" (bầu, lâm thời, công nhận).`);
      continue;
    }
    let plannedEnd: CivilDate | null = null;
    if (cell('end')) {
      const e = parseDate(cell('end'));
      if (!e.ok || e.value < start.value) {
        reject('end', e.ok ? 'Ngày kết thúc trước ngày bắt đầu.' : e.error.message);
        continue;
      }
      plannedEnd = e.value;
    } else if (basis === 'interim') {
      const m = profile.value.interim.value.maxMonths;
      plannedEnd = m === null ? null : termEndOf(start.value, m);
    } else {
      plannedEnd = termEndOf(start.value, months.value);
    }
    const key = `${hamlet.id}|${groupId ?? ''}|${position}|${fold(name)}`;
    const same = terms.find(
      (t) =>
        t.hamlet_id === hamlet.id &&
        t.resident_group_id === groupId &&
        t.position === position &&
        isCurrent(t, today),
    );
    const title = positionTitle(position, hamlet.kind);
    if (seen.has(key) || (same && fold(same.holder_name) === fold(name))) {
      out.existing.push({ row, message: `${name} đã có trong sổ là ${title} ${hamlet.name}.` });
      continue;
    }
    const single = position !== 'deputyHead';
    if (
      single &&
      (same ||
        out.toAdd.some(
          (r) => r.hamletId === hamlet.id && r.residentGroupId === groupId && r.position === position,
        ))
    ) {
      reject(
        'position',
        `${hamlet.name} đã có ${title} ${same?.holder_name ?? 'ở dòng trước'}; hãy ghi thôi giữ chức trước khi nhập người khác.`,
      );
      continue;
    }
    seen.add(key);
    out.toAdd.push({
      row,
      hamletId: hamlet.id,
      hamletName: hamlet.name,
      residentGroupId: groupId,
      position,
      positionTitle: title,
      holderName: name,
      basis,
      startOn: start.value,
      plannedEnd,
      termLabel: cell('term') || null,
      decisionRef: cell('decision') || null,
    });
  }
  const preview = { rows: table.value.rows.length, ...out, imported: 0 };
  if (!options.confirm || out.toAdd.length === 0) return ok(preview);
  const at = ctx.now().toISOString();
  await writeWithAudit(ctx, actor, async (trx) => {
    for (const r of out.toAdd) {
      await repo.insertTerm(
        trx,
        termRow(
          {
            hamletId: r.hamletId,
            residentGroupId: r.residentGroupId,
            position: r.position,
            holderName: r.holderName,
            basis: r.basis === 'interim' ? 'interim' : 'imported',
            decisionRef: [BASIS_LABEL[r.basis], r.decisionRef].filter(Boolean).join('; ') || null,
            profileId: profile.value.id,
            termLabel: r.termLabel,
            startOn: r.startOn,
            plannedEnd: r.plannedEnd,
          },
          actor,
          at,
        ),
      );
    }
    return {
      value: undefined,
      audit: {
        action: 'office.import',
        entity: 'commune',
        entityId: communeId,
        data: { rows: out.toAdd.length, profile: profile.value.id },
      },
    };
  });
  return ok({ ...preview, imported: out.toAdd.length });
}

const BASIS_LABEL: Readonly<Record<OfficeBasis, string>> = {
  elected: 'Trúng cử',
  interim: 'Lâm thời',
  deputyRecognised: 'Được công nhận',
  imported: '',
};
