/**
 * What the after-the-vote services share: access to a hamlet or commune (reading, the commune's
 * decisions, the Front's proposals), titles of offices, the province's choice of term, and issuing
 * one form through the document registry.
 */
import type { CivilDate } from '../../domain/calendar';
import { addDays, addMonths } from '../../domain/calendar';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import type { RuleProfile } from '../../domain/rules';
import { formatCitation, getProfile } from '../../domain/rules';
import { hamletInText, hamletKinds, isHamletKind } from '../../domain/territory';
import { findForm } from '../../documents/forms';
import type { Issue } from '../../documents/forms/common';
import {
  preparationPlan as planRepo,
  residents as residentsRepo,
  territory as territoryRepo,
} from '../../store';
import type { Db } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import type { DocumentInfo } from '../documents';
import { issueDocument } from '../documents';
import { failures } from '../common';
import { formRenderer } from '../documents';
import type { PdfStamp } from '../documents';
import type { Place } from '../common';
import { canManageCommune, canRead, hamletInCommune, placeOfCommune, placeOfHamlet } from '../common';

export { vnToday } from '../common';

export const DEFAULT_PROFILE = 'nd59-2023';

export const POSITIONS = ['head', 'deputyHead', 'groupLeader', 'groupDeputy', 'groupSecretary'] as const;
export type OfficePosition = (typeof POSITIONS)[number];
export const isPosition = (s: unknown): s is OfficePosition =>
  typeof s === 'string' && (POSITIONS as readonly string[]).includes(s);

export const BASES = ['elected', 'interim', 'deputyRecognised', 'imported'] as const;
export type OfficeBasis = (typeof BASES)[number];

export const BASIS_VI: Readonly<Record<OfficeBasis, string>> = {
  elected: 'Trúng cử, được công nhận',
  interim: 'Được cử tạm thời (lâm thời)',
  deputyRecognised: 'Do Trưởng thôn chọn, được UBND cấp xã công nhận',
  imported: 'Nhập từ danh sách đang đương nhiệm',
};

export const END_REASON_VI: Readonly<Record<string, string>> = {
  termEnded: 'Hết nhiệm kỳ',
  replaced: 'Người mới được công nhận',
  release: 'Cho thôi làm',
  dismissal: 'Miễn nhiệm',
  recall: 'Bãi nhiệm',
  headLeft: 'Theo Trưởng thôn thôi giữ chức',
  vacated: 'Thôi giữ chức (lý do khác)',
  merged: 'Sáp nhập thôn, tổ dân phố',
  dissolved: 'Giải thể thôn, tổ dân phố',
};

export function headTitle(kind: string): string {
  return isHamletKind(kind) ? hamletKinds[kind].headTitle : 'Trưởng thôn';
}

export function deputyTitle(kind: string): string {
  if (kind === 'khu-pho') return 'Khu phố phó';
  if (kind === 'to-dan-pho') return 'Tổ phó tổ dân phố';
  return `Phó ${headTitle(kind)}`;
}

export function positionTitle(position: string, kind: string): string {
  switch (position) {
    case 'head':
      return headTitle(kind);
    case 'deputyHead':
      return deputyTitle(kind);
    case 'groupLeader':
      return 'Tổ trưởng tổ tự quản';
    case 'groupDeputy':
      return 'Tổ phó tổ tự quản';
    case 'groupSecretary':
      return 'Thư ký tổ tự quản';
    default:
      return position;
  }
}

export const isUrban = (kind: string) => (isHamletKind(kind) ? hamletKinds[kind].urban : false);

/** The hamlet as running text names it: "khu phố 1", "thôn An Hòa". */
export const inText = hamletInText;

export function loadProfile(id: string | null | undefined): Result<RuleProfile> {
  return getProfile(id?.trim() || DEFAULT_PROFILE);
}

/**
 * The province fixes the term among the profile's options (TT04 Điều 12 k2: 2,5 or 5 years); a
 * choice outside them is refused with the rule.
 */
export function chosenTermMonths(profile: RuleProfile, months?: number | null): Result<number> {
  const t = profile.term;
  if (months === undefined || months === null) return ok(t.value.months);
  if (!t.value.options.includes(months)) {
    return err({
      code: 'term-not-allowed',
      field: 'termMonths',
      message: `Nhiệm kỳ ${months} tháng không thuộc các lựa chọn ${t.value.options.join(' hoặc ')} tháng (${formatCitation(t.citation)}).`,
      details: { rule: 'term.options', citation: formatCitation(t.citation) },
    });
  }
  return ok(months);
}

/** Last day of a term that starts on `start` (the day before the same date `months` later). */
export function termEndOf(start: CivilDate, months: number): CivilDate {
  return addDays(addMonths(start, months), -1);
}

export interface HamletPlace {
  readonly place: Place & { hamletId: string };
  readonly hamlet: { id: string; name: string; kind: string; communeId: string };
  readonly communeName: string;
}

export type Access = 'read' | 'decide' | 'manage';

/** The commune's decisions (recognition, re-election, interim head) belong to UBND, not the Front. */
export function canDecide(actor: Actor, place: Place): boolean {
  return canManageCommune(actor, place) && actor.role !== 'frontOfficer';
}

async function allowed(db: Db, actor: Actor, place: Place, access: Access): Promise<boolean> {
  if (access === 'read') return canRead(db, actor, place);
  if (access === 'decide') return canDecide(actor, place);
  return canManageCommune(actor, place);
}

const WHAT: Readonly<Record<Access, string>> = {
  read: 'xem người giữ chức danh của nơi này',
  decide: 'ban hành quyết định của UBND cấp xã cho nơi này',
  manage: 'ghi hồ sơ của nơi này',
};

export async function loadHamlet(
  ctx: ServiceContext,
  actor: Actor,
  hamletId: string,
  access: Access,
): Promise<Result<HamletPlace>> {
  const db = ctx.store.db;
  const place = await placeOfHamlet(db, hamletId);
  const hamlet = await territoryRepo.getHamlet(db, hamletId);
  if (!place || !hamlet) return err(failures.notFound('thôn, tổ dân phố này'));
  if (!(await allowed(db, actor, place, access))) return err(failures.forbidden(WHAT[access]));
  const commune = await territoryRepo.getCommune(db, place.communeId);
  return ok({
    place: { ...place, hamletId },
    hamlet: { id: hamlet.id, name: hamlet.name, kind: hamlet.kind, communeId: place.communeId },
    communeName: commune?.name ?? place.communeId,
  });
}

export async function loadCommune(
  ctx: ServiceContext,
  actor: Actor,
  communeId: string,
  access: Access,
): Promise<Result<{ place: Place; communeName: string }>> {
  const db = ctx.store.db;
  const place = await placeOfCommune(db, communeId);
  if (!place) return err(failures.notFound('xã/phường này'));
  if (!(await allowed(db, actor, place, access))) return err(failures.forbidden(WHAT[access]));
  const commune = await territoryRepo.getCommune(db, communeId);
  return ok({ place, communeName: commune?.name ?? communeId });
}

/** The commune chair's name from the election's plan, when the signer was not given. */
export async function chairOf(db: Db, electionId: string | null, given?: string | null): Promise<string> {
  if (given?.trim()) return given.normalize('NFC').trim();
  if (!electionId) return '';
  const e = await planRepo.getPlannedElection(db, electionId);
  if (!e?.roundId) return '';
  return (await planRepo.getRound(db, e.roundId))?.chair_name ?? '';
}

/** An issue of the commune's People's Committee, signed for the committee or by its chair. */
export function communeIssue(
  communeName: string,
  date: CivilDate,
  symbol: string,
  number: number | null,
  chairName: string,
  byChair: boolean,
  recipients: readonly string[] = [],
): Issue {
  return {
    body: { lines: ['ỦY BAN NHÂN DÂN', communeName.toUpperCase()] },
    number,
    symbol,
    place: communeName,
    date,
    recipients: [...recipients, `- UBMTTQVN ${communeName};`, '- Lưu: VT.'],
    signer: byChair
      ? { title: 'CHỦ TỊCH', name: chairName || undefined }
      : { authority: ['TM. ỦY BAN NHÂN DÂN'], title: 'CHỦ TỊCH', name: chairName || undefined },
  };
}

export function authorityLine(communeName: string, byChair: boolean): string {
  return byChair ? `CHỦ TỊCH ỦY BAN NHÂN DÂN ${communeName}` : `ỦY BAN NHÂN DÂN ${communeName}`;
}

export function legalBasesOf(profile: RuleProfile): string[] {
  return profile.sources.map((s) => `Căn cứ ${s.title};`);
}

export interface FormIssue {
  readonly formId: string;
  readonly title: string;
  readonly communeId: string;
  readonly hamletId: string;
  readonly electionId?: string | null;
  readonly date: CivilDate;
  /** Numbered in the commune committee's register when set ('QĐ-UBND'); otherwise unnumbered. */
  readonly symbol: string | null;
  readonly issuer?: string;
  readonly data: (number: number | null) => unknown;
}

/**
 * Issues one form: numbered, rendered (with the commune's template when it has one) and stored. The
 * renderer is made before the registry's transaction opens (see `formRenderer`).
 */
export async function issueForm(
  ctx: ServiceContext,
  actor: Actor,
  f: FormIssue,
): Promise<Result<DocumentInfo>> {
  const form = findForm(f.formId);
  if (!form) return err(failures.notFound(`mẫu văn bản ${f.formId}`));
  const renderer = await formRenderer(ctx, f.communeId, form);
  const render = (n: number | null, stamp: PdfStamp) => renderer(f.data(n), stamp);
  return issueDocument(ctx, actor, {
    formId: f.formId,
    title: f.title,
    issuerKey: f.issuer ?? `commune:${f.communeId}:ubnd`,
    symbol: f.symbol,
    date: f.date,
    communeId: f.communeId,
    hamletId: f.hamletId,
    electionId: f.electionId ?? null,
    data: f.data(null),
    render,
  });
}

export const clean = (s: string | null | undefined): string =>
  (s ?? '').normalize('NFC').trim().replace(/\s+/g, ' ');

export interface ResidentFacts {
  readonly id: string;
  readonly name: string;
  readonly birthDate: string;
  readonly sex: string;
  readonly residence: string;
  readonly hamletId: string;
}

export async function residentOf(db: Db, residentId: string): Promise<ResidentFacts | undefined> {
  const r = await residentsRepo.residentWithAddress(db, residentId);
  return r
    ? {
        id: r.id,
        name: r.full_name,
        birthDate: r.birth_date,
        sex: r.sex,
        residence: r.address,
        hamletId: r.hamlet_id,
      }
    : undefined;
}

export const honorificOf = (sex: string | null | undefined) =>
  sex === 'female' || sex === 'Nữ' ? 'Bà' : sex === 'male' || sex === 'Nam' ? 'Ông' : 'Ông (bà)';

/** A person for a document: from the resident record, or the name as given. */
export async function personFor(
  db: Db,
  hamletId: string,
  residentId: string | null | undefined,
  name: string | null | undefined,
): Promise<
  Result<{
    residentId: string | null;
    name: string;
    doc: { honorific: string; name: string; birthDate?: string; residence?: string };
  }>
> {
  if (residentId) {
    const r = await residentOf(db, residentId);
    const communeId = (await placeOfHamlet(db, hamletId))?.communeId;
    // Someone of another commune is unknown here: neither their name nor their existence is told.
    if (!r || !communeId || !(await hamletInCommune(db, r.hamletId, communeId)))
      return err(failures.notFound('người này trong danh sách nhân khẩu'));
    if (r.hamletId !== hamletId)
      return err(failures.invalid('residentId', `${r.name} không cư trú tại thôn, tổ dân phố này.`));
    return ok({
      residentId: r.id,
      name: r.name,
      doc: { honorific: honorificOf(r.sex), name: r.name, birthDate: r.birthDate, residence: r.residence },
    });
  }
  const n = clean(name);
  if (n.length < 2)
    return err(failures.invalid('name', 'Hãy chọn người trong danh sách nhân khẩu hoặc nhập họ và tên.'));
  return ok({ residentId: null, name: n, doc: { honorific: 'Ông (bà)', name: n } });
}
