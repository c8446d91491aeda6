/**
 * The office-holders register: who holds which office in every hamlet and residents' group, from
 * when, until when, how they got it and how it ended. Rows are never deleted; an ending is written
 * onto the row once. Alerts: terms ending soon, interim heads near their limit, hamlets without a
 * head, more deputies than the profile allows for the hamlet's households.
 */
import { randomUUID } from 'node:crypto';
import type { CivilDate } from '../../domain/calendar';
import { addMonths, daysBetween, formatVietnamese, isCivilDate } from '../../domain/calendar';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import type { RuleProfile } from '../../domain/rules';
import { allowedDeputies, formatCitation } from '../../domain/rules';
import { office as repo, territory as territoryRepo } from '../../store';
import type { Db } from '../../store';
import type { EndInput } from '../../contract/office';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { failures } from '../common';
import { canManageCommune } from '../common';
import { interimLimitOf } from './interim-limit';
import type { OfficeBasis, OfficePosition } from '../decisions';
import {
  BASIS_VI,
  END_REASON_VI,
  clean,
  isPosition,
  isUrban,
  loadCommune,
  loadHamlet,
  loadProfile,
  positionTitle,
  vnToday,
} from '../decisions';

export interface TermView {
  readonly id: string;
  readonly hamletId: string;
  readonly residentGroupId: string | null;
  readonly position: string;
  readonly positionTitle: string;
  readonly holderName: string;
  readonly residentId: string | null;
  readonly basis: string;
  readonly basisLabel: string;
  readonly electionId: string | null;
  readonly documentId: string | null;
  readonly decisionRef: string | null;
  readonly profileId: string;
  readonly termLabel: string | null;
  readonly startOn: CivilDate;
  readonly plannedEnd: CivilDate | null;
  readonly newElectionBy: CivilDate | null;
  readonly endedOn: CivilDate | null;
  readonly endReason: string | null;
  readonly endReasonLabel: string | null;
  readonly endRef: string | null;
}

export type AlertKind =
  'termEnding' | 'termOverdue' | 'interimNearLimit' | 'interimOverdue' | 'noHead' | 'tooManyDeputies';

export interface OfficeAlert {
  readonly kind: AlertKind;
  readonly hamletId: string;
  readonly hamletName: string;
  readonly termId: string | null;
  readonly due: CivilDate | null;
  readonly message: string;
}

export interface HamletOffices {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly households: number;
  readonly current: TermView[];
  readonly history: TermView[];
  readonly deputies: { allowed: number; held: number; citation: string };
}

export interface Register {
  readonly communeId: string;
  readonly communeName: string;
  readonly today: CivilDate;
  readonly hamlets: HamletOffices[];
  readonly alerts: OfficeAlert[];
  readonly canManage: boolean;
}

export interface RegisterOptions {
  /** Alert for terms ending within this many months (default 6). */
  readonly monthsAhead?: number;
  /** Alert for interim heads within this many days of their limit (default 30). */
  readonly interimWarnDays?: number;
  /** The profile for hamlets without a term on record. */
  readonly profileId?: string;
}

export function termView(t: repo.TermRow, kind: string): TermView {
  return {
    id: t.id,
    hamletId: t.hamlet_id,
    residentGroupId: t.resident_group_id,
    position: t.position,
    positionTitle: positionTitle(t.position, kind),
    holderName: t.holder_name,
    residentId: t.resident_id,
    basis: t.basis,
    basisLabel: BASIS_VI[t.basis as OfficeBasis] ?? t.basis,
    electionId: t.election_id,
    documentId: t.document_id,
    decisionRef: t.decision_ref,
    profileId: t.profile_id,
    termLabel: t.term_label,
    startOn: t.start_on,
    plannedEnd: t.planned_end,
    newElectionBy: t.new_election_by,
    endedOn: t.ended_on,
    endReason: t.end_reason,
    endReasonLabel: t.end_reason ? (END_REASON_VI[t.end_reason] ?? t.end_reason) : null,
    endRef: t.end_ref,
  };
}

/** A term is current on `today` when it has started and has not ended. */
export const isCurrent = (t: { start_on: string; ended_on: string | null }, today: CivilDate) =>
  t.start_on <= today && (t.ended_on === null || t.ended_on > today);

export interface AlertFacts {
  readonly hamletId: string;
  readonly hamletName: string;
  readonly hamletKind: string;
  readonly households: number;
  readonly current: readonly repo.TermRow[];
  readonly profile: RuleProfile;
}

/** The alerts of one hamlet on `today`; pure so that every boundary is testable. */
export function alertsOf(
  f: AlertFacts,
  today: CivilDate,
  monthsAhead: number,
  interimWarnDays: number,
): OfficeAlert[] {
  const out: OfficeAlert[] = [];
  const base = { hamletId: f.hamletId, hamletName: f.hamletName };
  const heads = f.current.filter((t) => t.position === 'head' && t.resident_group_id === null);
  const horizon = addMonths(today, monthsAhead);
  if (heads.length === 0) {
    out.push({
      ...base,
      kind: 'noHead',
      termId: null,
      due: null,
      message: `${f.hamletName} chưa có ${positionTitle('head', f.hamletKind)}.`,
    });
  }
  for (const t of f.current) {
    const title = positionTitle(t.position, f.hamletKind);
    if (t.basis === 'interim') {
      // An interim head imported without a limit still gets the profile's (services/interim-limit.ts).
      const limit = interimLimitOf(t, f.profile);
      const cite = formatCitation(f.profile.interim.citation);
      if (limit && today > limit) {
        out.push({
          ...base,
          kind: 'interimOverdue',
          termId: t.id,
          due: limit,
          message: `${title} lâm thời ${t.holder_name} đã quá thời hạn ngày ${formatVietnamese(limit)} (${cite}).`,
        });
      } else if (limit && daysBetween(today, limit) <= interimWarnDays) {
        out.push({
          ...base,
          kind: 'interimNearLimit',
          termId: t.id,
          due: limit,
          message: `${title} lâm thời ${t.holder_name} hết thời hạn ngày ${formatVietnamese(limit)}, còn ${daysBetween(today, limit)} ngày (${cite}); bầu cử mới chậm nhất ngày ${t.new_election_by ? formatVietnamese(t.new_election_by) : '…'}.`,
        });
      }
      continue;
    }
    if (!t.planned_end) continue;
    if (today > t.planned_end) {
      out.push({
        ...base,
        kind: 'termOverdue',
        termId: t.id,
        due: t.planned_end,
        message: `Nhiệm kỳ của ${title} ${t.holder_name} đã kết thúc ngày ${formatVietnamese(t.planned_end)}; cần tổ chức bầu.`,
      });
    } else if (t.planned_end <= horizon) {
      out.push({
        ...base,
        kind: 'termEnding',
        termId: t.id,
        due: t.planned_end,
        message: `Nhiệm kỳ của ${title} ${t.holder_name} kết thúc ngày ${formatVietnamese(t.planned_end)} (trong ${monthsAhead} tháng tới): lập kế hoạch bầu kịp thời.`,
      });
    }
  }
  const held = f.current.filter((t) => t.position === 'deputyHead' && t.resident_group_id === null).length;
  const allowed = allowedDeputies(f.profile, isUrban(f.hamletKind) ? 'urban' : 'rural', f.households);
  if (held > allowed) {
    out.push({
      ...base,
      kind: 'tooManyDeputies',
      termId: null,
      due: null,
      message: `${f.hamletName} có ${held} ${positionTitle('deputyHead', f.hamletKind)}, quy định cho phép ${allowed} với ${f.households} hộ (${formatCitation(f.profile.deputies.citation)}).`,
    });
  }
  return out;
}

function hamletOffices(
  h: { id: string; name: string; kind: string; households: number },
  terms: readonly repo.TermRow[],
  today: CivilDate,
  opts: Required<RegisterOptions>,
): { offices: HamletOffices; alerts: OfficeAlert[] } {
  const mine = terms.filter((t) => t.hamlet_id === h.id);
  const current = mine.filter((t) => isCurrent(t, today));
  const latest = [...mine].reverse().find((t) => t.position === 'head') ?? mine[mine.length - 1];
  const profile = loadProfile(latest?.profile_id ?? opts.profileId);
  const fallback = loadProfile(null);
  if (!fallback.ok) throw new Error('default profile missing');
  const rules: RuleProfile = profile.ok ? profile.value : fallback.value;
  const households = h.households;
  const allowed = allowedDeputies(rules, isUrban(h.kind) ? 'urban' : 'rural', households);
  return {
    offices: {
      id: h.id,
      name: h.name,
      kind: h.kind,
      households,
      current: current.map((t) => termView(t, h.kind)),
      history: mine.map((t) => termView(t, h.kind)),
      deputies: {
        allowed,
        held: current.filter((t) => t.position === 'deputyHead' && t.resident_group_id === null).length,
        citation: formatCitation(rules.deputies.citation),
      },
    },
    alerts: alertsOf(
      { hamletId: h.id, hamletName: h.name, hamletKind: h.kind, households, current, profile: rules },
      today,
      opts.monthsAhead,
      opts.interimWarnDays,
    ),
  };
}

export async function getRegister(
  ctx: ServiceContext,
  actor: Actor,
  communeId: string,
  options: RegisterOptions = {},
): Promise<Result<Register>> {
  const c = await loadCommune(ctx, actor, communeId, 'read');
  if (!c.ok) return c;
  const opts = {
    monthsAhead: options.monthsAhead ?? 6,
    interimWarnDays: options.interimWarnDays ?? 30,
    profileId: options.profileId ?? '',
  };
  if (!Number.isInteger(opts.monthsAhead) || opts.monthsAhead < 0 || opts.monthsAhead > 120)
    return err(failures.invalid('monthsAhead', 'Số tháng cảnh báo phải là số nguyên từ 0 đến 120.'));
  const db = ctx.store.db;
  const today = vnToday(ctx);
  const terms = await repo.listTermsOfCommune(db, communeId);
  const hamlets = await territoryRepo.listHamlets(db, communeId);
  const built = [];
  for (const h of hamlets) built.push(hamletOffices(h, terms, today, opts));
  return ok({
    communeId,
    communeName: c.value.communeName,
    today,
    hamlets: built.map((b) => b.offices),
    alerts: built.flatMap((b) => b.alerts),
    canManage: canManageCommune(actor, c.value.place),
  });
}

export interface NewTerm {
  readonly hamletId: string;
  readonly residentGroupId?: string | null;
  readonly position: OfficePosition;
  readonly holderName: string;
  readonly residentId?: string | null;
  readonly basis: OfficeBasis;
  readonly electionId?: string | null;
  readonly documentId?: string | null;
  readonly decisionRef?: string | null;
  readonly profileId: string;
  readonly termLabel?: string | null;
  readonly startOn: CivilDate;
  readonly plannedEnd?: CivilDate | null;
  readonly newElectionBy?: CivilDate | null;
}

/** The row for a new term; the caller writes it inside its own audited transaction. */
export function termRow(t: NewTerm, actor: Actor, at: string): repo.TermRow {
  return {
    id: randomUUID(),
    hamlet_id: t.hamletId,
    resident_group_id: t.residentGroupId ?? null,
    position: t.position,
    holder_name: clean(t.holderName),
    resident_id: t.residentId ?? null,
    basis: t.basis,
    election_id: t.electionId ?? null,
    document_id: t.documentId ?? null,
    decision_ref: t.decisionRef ? clean(t.decisionRef) : null,
    profile_id: t.profileId,
    term_label: t.termLabel ? clean(t.termLabel) : null,
    start_on: t.startOn,
    planned_end: t.plannedEnd ?? null,
    new_election_by: t.newElectionBy ?? null,
    ended_on: null,
    end_reason: null,
    end_ref: null,
    created_at: at,
    created_by: actor.userId,
  };
}

/** Current holders of a position in a hamlet (not of its groups) on a day. */
export async function currentHolders(
  db: Db,
  hamletId: string,
  position: string,
  on: CivilDate,
  groupId: string | null = null,
) {
  const terms = await repo.listTermsOfHamlet(db, hamletId);
  return terms.filter((t) => t.position === position && t.resident_group_id === groupId && isCurrent(t, on));
}

export type { EndInput } from '../../contract/office';

export async function endOffice(
  ctx: ServiceContext,
  actor: Actor,
  termId: string,
  input: EndInput,
): Promise<Result<TermView>> {
  const db = ctx.store.db;
  const term = await repo.getTerm(db, termId);
  if (!term) return err(failures.notFound('nhiệm kỳ này'));
  const h = await loadHamlet(ctx, actor, term.hamlet_id, 'decide');
  if (!h.ok) return h;
  if (term.ended_on)
    return err(
      failures.conflict('termId', `Nhiệm kỳ này đã kết thúc ngày ${formatVietnamese(term.ended_on)}.`),
    );
  if (!isCivilDate(input.on) || input.on < term.start_on)
    return err(failures.invalid('on', 'Ngày thôi giữ chức không hợp lệ hoặc trước ngày bắt đầu.'));
  if (!Object.hasOwn(END_REASON_VI, input.reason))
    return err(failures.invalid('reason', 'Lý do thôi giữ chức không hợp lệ.'));
  await writeWithAudit(ctx, actor, async (trx) => {
    await repo.endTerm(trx, termId, {
      ended_on: input.on,
      end_reason: input.reason,
      end_ref: input.ref ? clean(input.ref) : null,
    });
    return {
      value: undefined,
      audit: { action: 'office.end', entity: 'officeTerm', entityId: termId, data: input },
    };
  });
  const after = await repo.getTerm(db, termId);
  return ok(termView(after!, h.value.hamlet.kind));
}

/** Ends every current term of a position with the same reason: used when a new holder takes office. */
export async function endCurrent(
  trx: Db,
  hamletId: string,
  positions: readonly string[],
  on: CivilDate,
  reason: string,
  ref: string | null,
  /** The residents' self-managed group whose officers end; null: the hamlet's own positions. */
  groupId: string | null = null,
): Promise<string[]> {
  const terms = await repo.listTermsOfHamlet(trx, hamletId);
  const ended: string[] = [];
  for (const t of terms) {
    if (!positions.includes(t.position) || t.resident_group_id !== groupId || !isCurrent(t, on)) continue;
    await repo.endTerm(trx, t.id, { ended_on: on, end_reason: reason, end_ref: ref });
    ended.push(t.id);
  }
  return ended;
}

export function validatePosition(p: unknown): Result<OfficePosition> {
  return isPosition(p) ? ok(p) : err(failures.invalid('position', 'Chức danh không hợp lệ.'));
}

export interface HamletPeople {
  readonly households: { id: string; code: string; address: string; representative: string }[];
  readonly adults: { id: string; name: string; birthDate: string; householdCode: string }[];
}

/**
 * The households of a hamlet with the name that signs for each (the recorded representative, else
 * the household head), and its adults: what the petition, deputy and interim forms choose from.
 */
export async function hamletPeople(
  ctx: ServiceContext,
  actor: Actor,
  hamletId: string,
): Promise<Result<HamletPeople>> {
  const h = await loadHamlet(ctx, actor, hamletId, 'read');
  if (!h.ok) return h;
  const db = ctx.store.db;
  const rows = await repo.hamletPeopleRows(db, hamletId);
  const households = new Map<string, { id: string; code: string; address: string; representative: string }>();
  for (const r of rows) {
    const hh = households.get(r.householdId) ?? {
      id: r.householdId,
      code: r.code,
      address: r.address,
      representative: '',
    };
    if (r.repId === r.id || (!hh.representative && r.relation === 'head')) hh.representative = r.full_name;
    households.set(r.householdId, hh);
  }
  const adultLimit = addMonths(vnToday(ctx), -12 * 18);
  return ok({
    households: [...households.values()],
    adults: rows
      .filter((r) => r.birth_date <= adultLimit)
      .map((r) => ({ id: r.id, name: r.full_name, birthDate: r.birth_date, householdCode: r.code })),
  });
}
