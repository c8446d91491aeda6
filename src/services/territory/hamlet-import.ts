import { randomUUID } from 'node:crypto';
import { isHamletKind, kindFromName, parseHamletKind } from '../../domain/territory';
import type { HamletKind } from '../../domain/territory';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { readTabular } from '../../io/tabular';
import { territory as repo } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { failures } from '../common';
import { canManageCommune, placeOfCommune } from '../common';

/** A simple list of hamlets: name, kind (optional when the name says it), residents' groups. */
export interface HamletListPreview {
  readonly rows: number;
  readonly toAdd: ReadonlyArray<{ row: number; name: string; kind: HamletKind; residentGroups: string[] }>;
  readonly existing: ReadonlyArray<{ row: number; name: string }>;
  readonly rejected: ReadonlyArray<{ row: number; field: string; message: string }>;
  readonly converted: string | null;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const headerNames: Readonly<Record<'name' | 'kind' | 'groups', readonly string[]>> = {
  name: [
    'ten',
    'ten thon',
    'ten thon to dan pho',
    'ten thon ap khu pho',
    'thon to dan pho',
    'ten khu pho',
    'ten ap',
  ],
  kind: ['loai', 'loai hinh', 'phan loai'],
  groups: ['to tu quan', 'cac to tu quan', 'to nhan dan tu quan', 'to dan cu tu quan', 'cac to'],
};

function columnsOf(headers: readonly string[]) {
  const find = (field: keyof typeof headerNames) =>
    headers.findIndex((h) => headerNames[field].includes(fold(h)));
  return { name: find('name'), kind: find('kind'), groups: find('groups') };
}

const clean = (s: string | undefined) => (s ?? '').normalize('NFC').trim().replace(/\s+/g, ' ');

/** Reads the file and decides, row by row, what would be added, what exists, and what is wrong. */
export async function previewHamletList(
  ctx: ServiceContext,
  actor: Actor,
  communeId: string,
  bytes: Uint8Array,
): Promise<Result<HamletListPreview>> {
  const place = await placeOfCommune(ctx.store.db, communeId);
  if (!place) return err(failures.notFound('xã/phường này'));
  if (!canManageCommune(actor, place))
    return err(failures.forbidden('nhập danh sách thôn/tổ dân phố cho xã/phường này'));
  const table = await readTabular(bytes);
  if (!table.ok) return table;
  const cols = columnsOf(table.value.headers);
  if (cols.name < 0) {
    return err(
      failures.invalid(
        'headers',
        `Không tìm thấy cột "Tên" trong dòng tiêu đề (${table.value.headers.join(', ')}). Tệp cần các cột: Tên, Loại (không bắt buộc), Tổ tự quản (không bắt buộc).`,
      ),
    );
  }
  const stored = new Set((await repo.listHamlets(ctx.store.db, communeId)).map((h) => fold(h.name)));
  const seen = new Map<string, number>();
  const preview = {
    toAdd: [] as HamletListPreview['toAdd'][number][],
    existing: [] as { row: number; name: string }[],
    rejected: [] as { row: number; field: string; message: string }[],
  };
  table.value.rows.forEach((cells, i) => {
    const row = table.value.rowNumbers[i] ?? i + 2;
    const name = clean(cells[cols.name]);
    if (!name)
      return preview.rejected.push({ row, field: 'Tên', message: `Dòng ${row}: thiếu tên thôn/tổ dân phố.` });
    const kindText = cols.kind >= 0 ? clean(cells[cols.kind]) : '';
    const kind = kindText ? parseHamletKind(kindText) : kindFromName(name);
    if (!kind || !isHamletKind(kind)) {
      const message = kindText
        ? `Dòng ${row}: loại "${kindText}" không hợp lệ. Dùng: Thôn, Ấp, Bản, Làng, Buôn, Sóc, Plei, Khu phố, Tổ dân phố, Khóm.`
        : `Dòng ${row}: không đoán được loại của "${name}". Hãy điền cột Loại (ví dụ: Thôn, Khu phố).`;
      return preview.rejected.push({ row, field: 'Loại', message });
    }
    const key = fold(name);
    if (seen.has(key)) {
      return preview.rejected.push({
        row,
        field: 'Tên',
        message: `Dòng ${row}: "${name}" trùng với dòng ${seen.get(key)}.`,
      });
    }
    seen.set(key, row);
    if (stored.has(key)) return preview.existing.push({ row, name });
    const groupsText = cols.groups >= 0 ? (cells[cols.groups] ?? '') : '';
    const residentGroups = [
      ...new Set(
        groupsText
          .split(/[;,\n]/)
          .map((g) => clean(g))
          .filter(Boolean),
      ),
    ];
    preview.toAdd.push({ row, name, kind, residentGroups });
  });
  return ok({ rows: table.value.rows.length, ...preview, converted: table.value.converted });
}

/** Writes every row of the preview that can be added, in one transaction; nothing if any fails. */
export async function importHamletList(
  ctx: ServiceContext,
  actor: Actor,
  communeId: string,
  bytes: Uint8Array,
): Promise<Result<HamletListPreview>> {
  const preview = await previewHamletList(ctx, actor, communeId, bytes);
  if (!preview.ok || preview.value.toAdd.length === 0) return preview;
  const at = ctx.now().toISOString();
  await writeWithAudit(ctx, actor, async (db) => {
    for (const h of preview.value.toAdd) {
      const id = randomUUID();
      await repo.insertHamlet(db, { id, communeId, name: h.name, kind: h.kind, createdAt: at });
      for (const g of h.residentGroups)
        await repo.insertResidentGroup(db, { id: randomUUID(), hamletId: id, name: g, createdAt: at });
    }
    return {
      value: undefined,
      audit: {
        action: 'hamlet.import',
        entity: 'commune',
        entityId: communeId,
        data: { added: preview.value.toAdd.map((h) => h.name) },
      },
    };
  });
  return preview;
}
