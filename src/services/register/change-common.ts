/**
 * What the hamlet-register services share: the decision every change is recorded with, reading the
 * commune's history as domain events, refusing a date outside a hamlet's life, and writing the change
 * row with the moves it made.
 */
import { randomUUID } from 'node:crypto';
import type { CivilDate } from '../../domain/calendar';
import { formatVietnamese, isCivilDate } from '../../domain/calendar';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import type { ChangeEvent, HamletChangeKind } from '../../domain/territory';
import { checkChangeDate } from '../../domain/territory';
import { register as repo } from '../../store';
import type { Db } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { failures } from '../common';
import { loadCommune, vnToday } from '../decisions';

export interface DecisionInput {
  readonly decisionNumber?: string | null;
  readonly decisionDate?: CivilDate | null;
  readonly issuingBody?: string | null;
  readonly effectiveOn: CivilDate;
  readonly note?: string | null;
}

export interface Decision {
  readonly number: string;
  readonly date: CivilDate;
  readonly issuingBody: string;
  readonly effectiveOn: CivilDate;
  readonly note: string | null;
}

export const clean = (s: string | null | undefined) => (s ?? '').normalize('NFC').trim().replace(/\s+/g, ' ');

/**
 * The decision behind a change: number, date and issuing body are required, the effective date may
 * not precede the decision nor be in the future (the register records what is in force).
 */
export function checkDecision(input: DecisionInput, today: CivilDate, defaultBody: string): Result<Decision> {
  const number = clean(input.decisionNumber);
  if (!number || number.length > 100)
    return err(failures.invalid('decisionNumber', 'Hãy nhập số quyết định (ví dụ "125/QĐ-UBND").'));
  const date = input.decisionDate ?? input.effectiveOn;
  if (!isCivilDate(date))
    return err(failures.invalid('decisionDate', 'Ngày ban hành quyết định không hợp lệ.'));
  if (!isCivilDate(input.effectiveOn))
    return err(failures.invalid('effectiveOn', 'Ngày có hiệu lực không hợp lệ (định dạng YYYY-MM-DD).'));
  // No hamlet decision of this register predates 1900: an earlier year is a slip of the keyboard.
  if (date < '1900-01-01')
    return err(
      failures.invalid(
        'decisionDate',
        'Ngày ban hành quyết định phải từ 01/01/1900 trở về sau. Hãy kiểm tra lại năm.',
      ),
    );
  if (date > today)
    return err(failures.invalid('decisionDate', 'Không ghi trước một quyết định chưa ban hành.'));
  if (input.effectiveOn < date)
    return err(
      failures.invalid('effectiveOn', 'Ngày có hiệu lực không được trước ngày ban hành quyết định.'),
    );
  if (input.effectiveOn > today)
    return err(
      failures.invalid(
        'effectiveOn',
        `Quyết định có hiệu lực từ ngày ${formatVietnamese(input.effectiveOn)}, sau hôm nay: hãy ghi vào sổ khi quyết định đã có hiệu lực.`,
      ),
    );
  const issuingBody = clean(input.issuingBody) || defaultBody;
  return ok({ number, date, issuingBody, effectiveOn: input.effectiveOn, note: clean(input.note) || null });
}

export function toEvent(r: repo.ChangeRow, order: number): ChangeEvent {
  return {
    kind: r.kind as HamletChangeKind,
    effectiveOn: r.effective_on,
    order,
    fromHamletIds: JSON.parse(r.from_hamlet_ids) as string[],
    toHamletId: r.to_hamlet_id,
    nameBefore: r.name_before,
    nameAfter: r.name_after,
    createsTarget: r.creates_target === 1,
  };
}

export interface CommuneHistory {
  readonly rows: repo.ChangeRow[];
  readonly events: ChangeEvent[];
  readonly hamlets: repo.HamletAnyRow[];
}

export async function loadHistory(db: Db, communeId: string): Promise<CommuneHistory> {
  const rows = await repo.listChanges(db, communeId);
  return {
    rows,
    events: rows.map((r, i) => toEvent(r, i)),
    hamlets: await repo.listAllHamlets(db, communeId),
  };
}

export interface ChangeScope {
  readonly communeId: string;
  readonly communeName: string;
  readonly today: CivilDate;
  readonly history: CommuneHistory;
}

/** The commune's decisions on its hamlets belong to UBND (not the Front), like recognition. */
export async function loadScope(
  ctx: ServiceContext,
  actor: Actor,
  communeId: string,
): Promise<Result<ChangeScope>> {
  const c = await loadCommune(ctx, actor, communeId, 'decide');
  if (!c.ok) return c;
  return ok({
    communeId,
    communeName: c.value.communeName,
    today: vnToday(ctx),
    history: await loadHistory(ctx.store.db, communeId),
  });
}

/** A live (not dissolved) hamlet of the commune, refused with its name otherwise. */
export function liveHamlet(scope: ChangeScope, hamletId: string, field: string): Result<repo.HamletAnyRow> {
  const h = scope.history.hamlets.find((x) => x.id === hamletId);
  if (!h) return err(failures.invalid(field, 'Thôn, tổ dân phố này không thuộc xã/phường.'));
  if (h.dissolvedOn)
    return err(
      failures.conflict(
        field,
        `${h.name} đã thôi tồn tại từ ngày ${formatVietnamese(h.dissolvedOn)} (đã sáp nhập hoặc giải thể): không thay đổi được nữa.`,
      ),
    );
  return ok(h);
}

/** The effective date must fall while the hamlet exists and not before its last recorded change. */
export function checkDateFor(
  scope: ChangeScope,
  h: repo.HamletAnyRow,
  on: CivilDate,
  field = 'effectiveOn',
): Result<null> {
  const v = checkChangeDate(h.id, scope.history.events, on);
  if (v.ok) return ok(null);
  const d = formatVietnamese(v.date);
  const message = {
    notYet: `${h.name} chỉ có từ ngày ${d}: ngày có hiệu lực không được trước ngày đó.`,
    ended: `${h.name} đã thôi tồn tại từ ngày ${d}.`,
    beforeLastChange: `${h.name} đã có thay đổi có hiệu lực ngày ${d}: thay đổi mới phải có hiệu lực từ ngày đó trở đi.`,
  }[v.reason];
  return err(failures.invalid(field, message));
}

export interface NewChange {
  readonly kind: HamletChangeKind;
  readonly decision: Decision;
  readonly fromHamletIds: readonly string[];
  readonly toHamletId: string | null;
  readonly nameBefore?: string | null;
  readonly nameAfter?: string | null;
  readonly createsTarget?: boolean;
  readonly data: unknown;
}

export interface NewMove {
  readonly subject: 'household' | 'group';
  readonly subjectId: string;
  readonly fromHamletId: string | null;
  readonly toHamletId: string;
  readonly nameBefore?: string | null;
  readonly nameAfter?: string | null;
}

/** Writes a change and its moves inside the caller's transaction; returns the change id. */
export async function writeChange(
  trx: Db,
  scope: ChangeScope,
  actor: Actor,
  at: string,
  change: NewChange,
  moves: readonly NewMove[],
): Promise<string> {
  const id = randomUUID();
  const d = change.decision;
  await repo.insertChange(trx, {
    id,
    commune_id: scope.communeId,
    kind: change.kind,
    decision_number: d.number,
    decision_date: d.date,
    issuing_body: d.issuingBody,
    effective_on: d.effectiveOn,
    from_hamlet_ids: JSON.stringify(change.fromHamletIds),
    to_hamlet_id: change.toHamletId,
    name_before: change.nameBefore ?? null,
    name_after: change.nameAfter ?? null,
    creates_target: change.createsTarget ? 1 : 0,
    data: JSON.stringify(change.data),
    note: d.note,
    recorded_by: actor.userId,
    recorded_at: at,
  });
  const seq = await repo.nextMoveSeq(trx);
  await repo.insertMoves(
    trx,
    moves.map((m, i) => ({
      id: randomUUID(),
      change_id: id,
      subject: m.subject,
      subject_id: m.subjectId,
      from_hamlet_id: m.fromHamletId,
      to_hamlet_id: m.toHamletId,
      name_before: m.nameBefore ?? null,
      name_after: m.nameAfter ?? null,
      effective_on: d.effectiveOn,
      seq: seq + i,
    })),
  );
  return id;
}

/** A name for a new hamlet: required, short, not taken by a live hamlet of the commune. */
export function checkNewName(
  scope: ChangeScope,
  name: string,
  field = 'name',
  except: string | null = null,
): Result<string> {
  const n = clean(name);
  if (!n) return err(failures.invalid(field, 'Hãy nhập tên thôn, tổ dân phố (ví dụ "Khu phố 6").'));
  if (n.length > 100) return err(failures.invalid(field, 'Tên thôn, tổ dân phố dài quá 100 ký tự.'));
  const taken = scope.history.hamlets.find(
    (h) => h.id !== except && h.name.toLowerCase() === n.toLowerCase(),
  );
  if (taken)
    return err(
      failures.conflict(
        field,
        taken.dissolvedOn
          ? `Tên "${n}" là tên của một thôn, tổ dân phố cũ (đã thôi tồn tại); hãy dùng tên khác để hồ sơ cũ không bị nhầm.`
          : `Xã/phường đã có "${n}". Hãy dùng tên khác.`,
      ),
    );
  return ok(n);
}
