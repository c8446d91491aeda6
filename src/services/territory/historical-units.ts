import { randomUUID } from 'node:crypto';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { territory as repo } from '../../store';
import type { Db } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { failures } from '../common';
import { UNITS_VALID_FROM } from './territory';

export interface HistoricalCommuneInput {
  readonly provinceCode: string;
  /** The district-level parent as it was named, e.g. "Thị xã Bình Long" (abolished 2025-07-01). */
  readonly districtName: string;
  readonly communeName: string;
  /** The old statistics code, when known. */
  readonly communeCode?: string | null;
  /** Last day the unit existed; at the latest the day before the 2025 reorganisation. */
  readonly validTo?: string;
}

const clean = (s: string | undefined | null) => (s ?? '').normalize('NFC').trim().replace(/\s+/g, ' ');
const DAY_BEFORE_REFORM = '2025-06-30';

/** A historical commune's fields, cleaned and checked; the Vietnamese failure says what to fix. */
export async function checkHistoricalCommune(
  db: Db,
  input: HistoricalCommuneInput,
): Promise<Result<Required<Omit<HistoricalCommuneInput, 'communeCode'>> & { communeCode: string }>> {
  if (!(await repo.getProvince(db, input.provinceCode))) {
    return err(failures.invalid('provinceCode', `Không có tỉnh mã "${input.provinceCode}".`));
  }
  const districtName = clean(input.districtName);
  const communeName = clean(input.communeName);
  if (!districtName) return err(failures.invalid('districtName', 'Hãy nhập tên huyện/thị xã/quận cũ.'));
  if (!communeName) return err(failures.invalid('communeName', 'Hãy nhập tên xã/phường/thị trấn cũ.'));
  const validTo = input.validTo ?? DAY_BEFORE_REFORM;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(validTo) || validTo >= UNITS_VALID_FROM) {
    return err(
      failures.invalid('validTo', 'Đơn vị cũ phải chấm dứt trước ngày 01/07/2025 (dạng năm-tháng-ngày).'),
    );
  }
  return ok({
    provinceCode: input.provinceCode,
    districtName,
    communeName,
    communeCode: clean(input.communeCode),
    validTo,
  });
}

/**
 * Writes a checked historical commune (and its district when new) inside the caller's transaction,
 * so that a lineage import writes all its rows or none.
 */
export async function insertHistoricalCommune(
  trx: Db,
  c: Required<Omit<HistoricalCommuneInput, 'communeCode'>> & { communeCode: string },
): Promise<{ id: string; districtId: string }> {
  const id = `hist-${randomUUID()}`;
  const existing = await repo.findDistrict(trx, c.provinceCode, c.districtName);
  const district = existing?.id ?? `hist-${randomUUID()}`;
  if (!existing) {
    await repo.insertDistrict(trx, {
      id: district,
      provinceCode: c.provinceCode,
      code: null,
      name: c.districtName,
      validTo: c.validTo,
    });
  }
  await repo.insertCommune(trx, {
    id,
    code: c.communeCode || id,
    name: c.communeName,
    provinceCode: c.provinceCode,
    districtId: district,
    validFrom: null,
    validTo: c.validTo,
  });
  return { id, districtId: district };
}

/**
 * Records a commune as it was before 2025-07-01, under its district, so that 2024 elections (the
 * seeds) are kept with the names and the hierarchy they had. Administrator only.
 */
export async function recordHistoricalCommune(
  ctx: ServiceContext,
  actor: Actor,
  input: HistoricalCommuneInput,
): Promise<Result<{ id: string; districtId: string }>> {
  if (actor.role !== 'admin') return err(failures.forbidden('ghi nhận đơn vị hành chính cũ'));
  const checked = await checkHistoricalCommune(ctx.store.db, input);
  if (!checked.ok) return checked;
  const c = checked.value;
  const written = await writeWithAudit(ctx, actor, async (trx) => {
    const w = await insertHistoricalCommune(trx, c);
    return {
      value: w,
      audit: {
        action: 'commune.recordHistorical',
        entity: 'commune',
        entityId: w.id,
        data: { ...input, validTo: c.validTo },
      },
    };
  });
  return ok(written);
}
