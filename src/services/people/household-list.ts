import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { households as repo } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { failures } from '../common';
import { canRead, placeOfHamlet } from '../common';

export interface HouseholdPage {
  readonly total: number;
  readonly items: readonly repo.HouseholdSummary[];
}

export async function listHouseholds(
  ctx: ServiceContext,
  actor: Actor,
  hamletId: string,
  page: { limit?: number; offset?: number },
): Promise<Result<HouseholdPage>> {
  const db = ctx.store.db;
  const place = await placeOfHamlet(db, hamletId);
  if (!place) return err(failures.notFound('thôn/tổ dân phố này'));
  if (!(await canRead(db, actor, place)))
    return err(failures.forbidden('xem hộ gia đình của thôn/tổ dân phố này'));
  const limit = Math.min(Math.max(page.limit ?? 50, 1), 500);
  const offset = Math.max(page.offset ?? 0, 0);
  return ok({
    total: await repo.countHouseholds(db, hamletId),
    items: await repo.listHouseholds(db, hamletId, { limit, offset }),
  });
}
