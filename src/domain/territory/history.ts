/**
 * The hamlet register over time. Hamlets are established, renamed, merged, split, attached a
 * residential cluster and dissolved (QĐ 01/2016 Quảng Trị Điều 3 k2–k3, Điều 9–11; TT04 Điều 7–9);
 * each change has an effective date. From the changes and the moves of households and residents'
 * groups, these pure functions answer "as it was on day D": which hamlets existed, under which name,
 * and where each household and group was.
 *
 * A hamlet without a recorded establishment existed before the register began: its start is unknown
 * and it is shown on every past date until a change ends it. Its `created_at` is the day it was typed
 * into the software, not the day it was established, so it is not used as a start.
 */
import type { CivilDate } from '../calendar';

export const HAMLET_CHANGE_KINDS = [
  'established',
  'renamed',
  'merged',
  'split',
  'attached',
  'dissolved',
  'groupCreated',
  'groupMoved',
] as const;
export type HamletChangeKind = (typeof HAMLET_CHANGE_KINDS)[number];

export const CHANGE_KIND_VI: Readonly<Record<HamletChangeKind, string>> = {
  established: 'Thành lập',
  renamed: 'Đổi tên',
  merged: 'Sáp nhập',
  split: 'Chia tách, thành lập mới',
  attached: 'Ghép cụm dân cư',
  dissolved: 'Giải thể',
  groupCreated: 'Thành lập tổ tự quản',
  groupMoved: 'Chuyển tổ tự quản',
};

export const isChangeKind = (s: unknown): s is HamletChangeKind =>
  typeof s === 'string' && (HAMLET_CHANGE_KINDS as readonly string[]).includes(s);

/** One change as the as-of view needs it. `order` breaks ties between changes of the same day. */
export interface ChangeEvent {
  readonly kind: HamletChangeKind;
  readonly effectiveOn: CivilDate;
  readonly order: number;
  /** The hamlets that lose households or end (merge sources, split or attach source, dissolved). */
  readonly fromHamletIds: readonly string[];
  /** The hamlet that is created, receives, or is renamed. */
  readonly toHamletId: string | null;
  readonly nameBefore: string | null;
  readonly nameAfter: string | null;
  /** True when `toHamletId` starts to exist on `effectiveOn` (established, merge or split into a new one). */
  readonly createsTarget: boolean;
}

/** Merges end their sources; a dissolution ends its hamlet. */
export const endsSources = (kind: HamletChangeKind) => kind === 'merged' || kind === 'dissolved';

export interface HamletRecord {
  readonly id: string;
  /** The name today. */
  readonly name: string;
  readonly kind: string;
}

export interface HamletSpan {
  readonly id: string;
  /** Null: existed before the register began. */
  readonly from: CivilDate | null;
  /** The first day it no longer exists; null while it exists. */
  readonly until: CivilDate | null;
}

const byTime = (a: ChangeEvent, b: ChangeEvent) =>
  a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : a.order - b.order;

export function spanOf(hamletId: string, events: readonly ChangeEvent[]): HamletSpan {
  let from: CivilDate | null = null;
  let until: CivilDate | null = null;
  for (const e of [...events].sort(byTime)) {
    if (e.createsTarget && e.toHamletId === hamletId && from === null) from = e.effectiveOn;
    if (endsSources(e.kind) && e.fromHamletIds.includes(hamletId) && until === null) until = e.effectiveOn;
  }
  return { id: hamletId, from, until };
}

export const existsOn = (span: HamletSpan, on: CivilDate) =>
  (span.from === null || span.from <= on) && (span.until === null || on < span.until);

/** The name on a day: the name before the first rename that takes effect after it, else today's. */
export function nameOn(hamlet: HamletRecord, events: readonly ChangeEvent[], on: CivilDate): string {
  const renames = events
    .filter((e) => e.kind === 'renamed' && e.toHamletId === hamlet.id && e.nameBefore !== null)
    .sort(byTime);
  const later = renames.find((e) => e.effectiveOn > on);
  return later?.nameBefore ?? hamlet.name;
}

/** Every name a hamlet has had, oldest first, with the day each took effect (null: from the start). */
export function namesOf(
  hamlet: HamletRecord,
  events: readonly ChangeEvent[],
): { name: string; from: CivilDate | null }[] {
  const renames = events.filter((e) => e.kind === 'renamed' && e.toHamletId === hamlet.id).sort(byTime);
  if (renames.length === 0) return [{ name: hamlet.name, from: spanOf(hamlet.id, events).from }];
  const out = [{ name: renames[0]!.nameBefore ?? hamlet.name, from: spanOf(hamlet.id, events).from }];
  for (const r of renames) out.push({ name: r.nameAfter ?? hamlet.name, from: r.effectiveOn });
  return out;
}

export interface HamletOnDate {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly since: CivilDate | null;
}

/** The hamlets that existed on `on`, each under the name it had then. */
export function hamletsOn(
  hamlets: readonly HamletRecord[],
  events: readonly ChangeEvent[],
  on: CivilDate,
): HamletOnDate[] {
  const out: HamletOnDate[] = [];
  for (const h of hamlets) {
    const span = spanOf(h.id, events);
    if (!existsOn(span, on)) continue;
    out.push({ id: h.id, name: nameOn(h, events, on), kind: h.kind, since: span.from });
  }
  return out;
}

/** One recorded move of a household or residents' group from one hamlet to another. */
export interface Move {
  readonly subjectId: string;
  readonly fromHamletId: string | null;
  readonly toHamletId: string;
  readonly effectiveOn: CivilDate;
  readonly order: number;
}

/**
 * Where a household (or group) was on `on`: start from where it is today and undo, newest first,
 * every move that took effect after that day. Null when it was created by a move after that day.
 */
export function placeOn(currentHamletId: string, moves: readonly Move[], on: CivilDate): string | null {
  let place: string | null = currentHamletId;
  const newestFirst = [...moves].sort((a, b) =>
    a.effectiveOn > b.effectiveOn ? -1 : a.effectiveOn < b.effectiveOn ? 1 : b.order - a.order,
  );
  for (const m of newestFirst) {
    if (m.effectiveOn <= on) break;
    place = m.fromHamletId;
  }
  return place;
}

/** Households per hamlet on `on`, from every household's current hamlet and its moves. */
export function countsOn(
  subjects: readonly { id: string; hamletId: string }[],
  moves: readonly Move[],
  on: CivilDate,
): Map<string, number> {
  const bySubject = new Map<string, Move[]>();
  for (const m of moves) bySubject.set(m.subjectId, [...(bySubject.get(m.subjectId) ?? []), m]);
  const counts = new Map<string, number>();
  for (const s of subjects) {
    const place = placeOn(s.hamletId, bySubject.get(s.id) ?? [], on);
    if (place !== null) counts.set(place, (counts.get(place) ?? 0) + 1);
  }
  return counts;
}

export type DateCheck =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly reason: 'notYet' | 'ended' | 'beforeLastChange';
      readonly date: CivilDate;
    };

/**
 * A change to a hamlet on `on` must fall while it exists and not before its last recorded change,
 * so that the history reads in one order.
 */
export function checkChangeDate(hamletId: string, events: readonly ChangeEvent[], on: CivilDate): DateCheck {
  const span = spanOf(hamletId, events);
  if (span.from !== null && on < span.from) return { ok: false, reason: 'notYet', date: span.from };
  if (span.until !== null) return { ok: false, reason: 'ended', date: span.until };
  const last = events
    .filter((e) => e.toHamletId === hamletId || e.fromHamletIds.includes(hamletId))
    .map((e) => e.effectiveOn)
    .sort()
    .at(-1);
  if (last !== undefined && on < last) return { ok: false, reason: 'beforeLastChange', date: last };
  return { ok: true };
}

/** A group that moves into a hamlet that already has a group of that name takes "<name> (<old hamlet>)". */
export function movedGroupName(name: string, fromHamletName: string, taken: readonly string[]): string {
  const fold = (s: string) => s.normalize('NFC').trim().toLowerCase();
  if (!taken.some((t) => fold(t) === fold(name))) return name;
  const base = `${name} (${fromHamletName})`;
  let candidate = base;
  for (let i = 2; taken.some((t) => fold(t) === fold(candidate)); i++) candidate = `${base} ${i}`;
  return candidate;
}
