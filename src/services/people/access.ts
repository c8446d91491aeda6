import { randomUUID } from 'node:crypto';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import type { Db } from '../../store';
import type { Actor } from '../common';
import { failures } from '../common';
import type { Place } from '../common';
import { canManageCommune, canRead, placeOfHamlet } from '../common';

/** The hamlet's place if the actor may change its people; a failure that says why otherwise. */
export async function hamletForWrite(
  db: Db,
  actor: Actor,
  hamletId: string,
  what: string,
): Promise<Result<Place>> {
  const place = await placeOfHamlet(db, hamletId);
  if (!place) return err(failures.notFound('thôn/tổ dân phố này'));
  if (!canManageCommune(actor, place)) return err(failures.forbidden(what));
  return ok(place);
}

export async function hamletForRead(
  db: Db,
  actor: Actor,
  hamletId: string,
  what: string,
): Promise<Result<Place>> {
  const place = await placeOfHamlet(db, hamletId);
  if (!place) return err(failures.notFound('thôn/tổ dân phố này'));
  if (!(await canRead(db, actor, place))) return err(failures.forbidden(what));
  return ok(place);
}

export const RELATION_LABELS: Readonly<Record<string, string>> = {
  head: 'Chủ hộ',
  spouse: 'Vợ/chồng',
  child: 'Con',
  parent: 'Cha/mẹ',
  grandchild: 'Cháu',
  sibling: 'Anh/chị/em',
  other: 'Khác',
};

export const CAPACITY_LABELS: Readonly<Record<string, string>> = {
  full: 'Đầy đủ',
  restricted: 'Hạn chế',
  none: 'Mất năng lực hành vi dân sự',
};

let eventCounter = 0;

/**
 * Ids of history rows sort in the order they were written (the instant, then a per-process counter),
 * so a resident's history reads in order even when a fixed clock gives several changes the same instant.
 */
export function historyId(at: string): string {
  eventCounter = (eventCounter + 1) % 1_000_000_000;
  const ms = Date.parse(at).toString(36).padStart(10, '0');
  return `${ms}-${eventCounter.toString(36).padStart(6, '0')}-${randomUUID()}`;
}
