/**
 * Candidates: nominations from the three sources with the person picked from the hamlet's residents,
 * eligibility checked against the profile (`checkCandidate`) with the reasons kept, and the dossier
 * files (letter, CV) stored with their SHA-256 where the profile asks for them (Tây Ninh Điều 13).
 */
import { safeFileName, safeServedType, uploadKindOf } from '../../documents/upload-kind';
import { createHash, randomUUID } from 'node:crypto';
import type * as contract from '../../contract/candidates';
import type { CivilDate } from '../../domain/calendar';
import { ageOn, formatVietnamese } from '../../domain/calendar';
import type { Refusal, TimelineEntry, Verdict } from '../../domain/election';
import { checkCandidate, electionPlace, isGroupPosition, titleBeforePlace } from '../../domain/election';
import { positionTitle } from '../../domain/count/labels';
import { foldForSearch } from '../../domain/people';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import type { RuleProfile } from '../../domain/rules';
import { formatCitation } from '../../domain/rules';
import { preparationCandidates as repo } from '../../store';
import type { Db } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { failures } from '../common';
import type { ElectionContext } from '../common';
import { isCivil } from '../common';
import { hamletInCommune, loadElection, stepOf } from '../common';
import { parseJson } from '../common';
import { ruleFailure } from '../common';

export const NOMINATION_SOURCES = ['frontCommittee', 'households', 'self'] as const;
export type NominationSource = (typeof NOMINATION_SOURCES)[number];

export const SOURCE_NAMES_VI: Readonly<Record<NominationSource, string>> = {
  frontCommittee: 'Ban công tác Mặt trận giới thiệu',
  households: 'Đại diện hộ gia đình giới thiệu',
  self: 'Tự ứng cử',
};

export const FILE_KINDS = ['letter', 'cv', 'other'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** The only refusal an official may set aside: a birth date missing from the records, checked on papers. */
const EXCEPTIONABLE = new Set(['candidate-birth-date-missing']);
const MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface PersonView {
  readonly id: string;
  readonly fullName: string;
  readonly sex: string;
  readonly birthDate: CivilDate;
  readonly ageOnElectionDay: number;
  readonly residence: string;
  readonly address: string;
  readonly groupName: string | null;
}

export interface NominationView {
  readonly id: string;
  readonly electionId: string;
  readonly position: string;
  readonly source: NominationSource;
  readonly sourceLabel: string;
  readonly nominatedOn: CivilDate;
  readonly person: PersonView;
  readonly education: string;
  readonly occupation: string;
  readonly eligible: boolean;
  readonly refusals: Refusal[];
  readonly exceptionReason: string | null;
  readonly drafted: boolean;
  readonly approved: boolean | null;
  readonly official: boolean;
  readonly ballotOrder: number | null;
  readonly files: repo.FileInfo[];
  readonly dossierMissing: FileKind[];
}

export interface CandidatesView {
  readonly electionId: string;
  readonly electionDate: CivilDate;
  readonly dossier: { due: CivilDate; citation: string; kinds: FileKind[] } | null;
  readonly nominations: NominationView[];
  readonly official: NominationView[];
  readonly canManage: boolean;
}

/** Where the profile asks for a dossier (a timeline step 'candidate-dossiers'), its step. */
export function dossierStep(ec: Pick<ElectionContext, 'timeline'>): TimelineEntry | undefined {
  return stepOf(ec.timeline, 'candidate-dossiers');
}

const DOSSIER_KINDS: readonly FileKind[] = ['letter', 'cv'];

function personView(p: repo.PersonRow, electionDate: CivilDate): PersonView {
  return {
    id: p.id,
    fullName: p.fullName,
    sex: p.sex,
    birthDate: p.birthDate,
    ageOnElectionDay: ageOn(p.birthDate, electionDate),
    residence: p.residence,
    address: p.address,
    groupName: p.groupName,
  };
}

export async function teamResidentIds(db: Db, electionId: string): Promise<string[]> {
  return (await repo.listTeam(db, electionId))
    .filter((m) => m.role !== 'witness' && m.resident_id !== null)
    .map((m) => m.resident_id!);
}

export function eligibilityOf(
  profile: RuleProfile,
  person: repo.PersonRow,
  hamletId: string,
  electionDate: CivilDate,
  teamIds: readonly string[],
): Verdict {
  const inHamlet = person.hamletId === hamletId;
  return checkCandidate(
    profile,
    {
      personId: person.id,
      birthDate: person.birthDate,
      permanentResidenceInHamlet: inHamlet && person.residence === 'permanent',
      regularResidenceInHamlet: inHamlet && person.status === 'active',
    },
    electionDate,
    teamIds,
  );
}

export async function searchResidents(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  query: string,
): Promise<Result<PersonView[]>> {
  const loaded = await loadElection(ctx, actor, electionId, 'read');
  if (!loaded.ok) return loaded;
  const folded = foldForSearch(query ?? '').trim();
  if (folded.length < 2) return ok([]);
  const rows = await repo.searchPeople(ctx.store.db, loaded.value.election.hamletId, folded, 20);
  return ok(rows.map((p) => personView(p, loaded.value.election.electionDate!)));
}

export type NominateInput = contract.NominateInput;

/**
 * A group's election chooses one of its officers (seed 001 mục II.1.6: Tổ trưởng, Tổ phó, Thư ký,
 * each counted and recognised on its own), and a hamlet's election none of them: a nominee for
 * another position belongs to that position's election.
 */
function positionFailure(ec: ElectionContext, position: string) {
  const group = ec.election.residentGroupId !== null;
  if (group ? position === ec.election.position : !isGroupPosition(ec.profile, position)) return null;
  const rule = ec.profile.residentGroup;
  return ruleFailure(
    'invalid-input',
    'residentGroup.positions',
    rule.citation,
    group
      ? `Cuộc bầu này là bầu ${titleBeforePlace(ec.election.position, positionTitle(ec.election.position, ec.election.hamletKind), ec.election.groupName)} ${electionPlace(ec.election.hamletName, ec.election.groupName)}: người ứng cử chức danh khác được giới thiệu ở cuộc bầu của chức danh đó (${formatCitation(rule.citation)}).`
      : `Chức danh của Tổ nhân dân tự quản được bầu trong cuộc bầu của từng tổ, không trong cuộc bầu ${positionTitle(ec.election.position, ec.election.hamletKind)} (${formatCitation(rule.citation)}).`,
    'position',
  );
}

export async function nominate(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  input: NominateInput,
): Promise<Result<NominationView>> {
  const loaded = await loadElection(ctx, actor, electionId, 'write');
  if (!loaded.ok) return loaded;
  const ec = loaded.value;
  const db = ctx.store.db;
  if (!NOMINATION_SOURCES.includes(input.source))
    return err(
      failures.invalid(
        'source',
        'Hãy chọn nguồn giới thiệu: Ban công tác Mặt trận, hộ gia đình hoặc tự ứng cử.',
      ),
    );
  if (!isCivil(input.nominatedOn))
    return err(failures.invalid('nominatedOn', 'Ngày giới thiệu không hợp lệ.'));
  if (input.nominatedOn > ec.election.electionDate!)
    return err(failures.invalid('nominatedOn', 'Ngày giới thiệu phải trước ngày bầu cử.'));
  if (
    ['listOfficial', 'teamFormed', 'rollPosted', 'polling', 'counted', 'reported', 'recognised'].includes(
      ec.election.state,
    )
  ) {
    return err(
      failures.conflict(
        'state',
        'Danh sách chính thức đã được chốt; không thể giới thiệu thêm người ứng cử.',
      ),
    );
  }
  const person = await repo.getPerson(db, input.residentId);
  // A resident of another commune is unknown here (and nothing of them is answered).
  if (!person || !(await hamletInCommune(db, person.hamletId, ec.place.communeId)))
    return err(failures.notFound('người này trong danh sách nhân khẩu'));
  const position = input.position ?? ec.election.position;
  const wrongPosition = positionFailure(ec, position);
  if (wrongPosition) return err(wrongPosition);
  const existing = await repo.listNominations(db, [electionId]);
  if (existing.some((n) => n.resident_id === person.id && n.position === position && n.withdrawn === 0))
    return err(failures.conflict('residentId', `${person.fullName} đã có trong danh sách giới thiệu.`));
  const verdict = eligibilityOf(
    ec.profile,
    person,
    ec.election.hamletId,
    ec.election.electionDate!,
    await teamResidentIds(db, electionId),
  );
  const id = randomUUID();
  await writeWithAudit(ctx, actor, async (trx) => {
    await repo.insertNomination(trx, {
      id,
      election_id: electionId,
      position,
      resident_id: person.id,
      source: input.source,
      nominated_on: input.nominatedOn,
      education: (input.education ?? '').normalize('NFC').trim(),
      occupation: (input.occupation ?? '').normalize('NFC').trim(),
      eligibility: JSON.stringify(verdict),
      exception_reason: null,
      drafted: 0,
      approved: null,
      official: 0,
      ballot_order: null,
      withdrawn: 0,
      created_at: ctx.now().toISOString(),
    });
    return {
      value: undefined,
      audit: {
        action: 'candidate.nominate',
        entity: 'nomination',
        entityId: id,
        data: { electionId, residentId: person.id, source: input.source, eligible: verdict.eligible },
      },
    };
  });
  const view = await getCandidates(ctx, actor, electionId);
  if (!view.ok) return view;
  return ok(view.value.nominations.find((n) => n.id === id)!);
}

export async function getCandidates(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
): Promise<Result<CandidatesView>> {
  const loaded = await loadElection(ctx, actor, electionId, 'read');
  if (!loaded.ok) return loaded;
  const ec = loaded.value;
  const db = ctx.store.db;
  const rows = (await repo.listNominations(db, [electionId])).filter((n) => n.withdrawn === 0);
  const people = new Map(
    (
      await repo.getPeople(
        db,
        rows.map((r) => r.resident_id),
      )
    ).map((p) => [p.id, p]),
  );
  const files = await repo.listFiles(
    db,
    rows.map((r) => r.id),
  );
  const dossier = dossierStep(ec);
  const teamIds = await teamResidentIds(db, electionId);
  const nominations = rows.map((n): NominationView => {
    const person = people.get(n.resident_id)!;
    // Eligibility is re-checked on every read: the team may have changed since the nomination.
    const verdict = eligibilityOf(
      ec.profile,
      person,
      ec.election.hamletId,
      ec.election.electionDate!,
      teamIds,
    );
    const own = files.filter((f) => f.nomination_id === n.id);
    return {
      id: n.id,
      electionId: n.election_id,
      position: n.position,
      source: n.source as NominationSource,
      sourceLabel: SOURCE_NAMES_VI[n.source as NominationSource] ?? n.source,
      nominatedOn: n.nominated_on,
      person: personView(person, ec.election.electionDate!),
      education: n.education,
      occupation: n.occupation,
      eligible:
        verdict.eligible ||
        (n.exception_reason !== null && verdict.refusals.every((r) => EXCEPTIONABLE.has(r.code))),
      refusals: verdict.refusals,
      exceptionReason: n.exception_reason,
      drafted: n.drafted === 1,
      approved: n.approved === null ? null : n.approved === 1,
      official: n.official === 1,
      ballotOrder: n.ballot_order,
      files: own,
      dossierMissing: dossier ? DOSSIER_KINDS.filter((k) => !own.some((f) => f.kind === k)) : [],
    };
  });
  return ok({
    electionId,
    electionDate: ec.election.electionDate!,
    dossier: dossier
      ? { due: dossier.due, citation: formatCitation(dossier.citation), kinds: [...DOSSIER_KINDS] }
      : null,
    nominations,
    official: nominations
      .filter((n) => n.official)
      .sort((a, b) => (a.ballotOrder ?? 0) - (b.ballotOrder ?? 0)),
    canManage: ec.canManage,
  });
}

export async function recordException(
  ctx: ServiceContext,
  actor: Actor,
  nominationId: string,
  reason: string,
): Promise<Result<NominationView>> {
  const nomination = await repo.getNomination(ctx.store.db, nominationId);
  if (!nomination) return err(failures.notFound('người được giới thiệu này'));
  const loaded = await getCandidates(ctx, actor, nomination.election_id);
  if (!loaded.ok) return loaded;
  if (!loaded.value.canManage) return err(failures.forbidden('ghi ngoại lệ cho người ứng cử'));
  const view = loaded.value.nominations.find((n) => n.id === nominationId)!;
  const hard = view.refusals.find((r) => !EXCEPTIONABLE.has(r.code));
  if (hard) {
    return err({
      code: 'exception-not-allowed',
      field: 'reason',
      message: `Không thể ghi ngoại lệ: ${hard.message.replace(/\.$/, '')}. Đây là điều kiện bắt buộc, pháp luật không cho phép ngoại lệ.`,
      details: { rule: hard.rule, citation: formatCitation(hard.citation) },
    });
  }
  if (!reason?.trim() || reason.trim().length < 10)
    return err(failures.invalid('reason', 'Hãy ghi rõ căn cứ của ngoại lệ (ít nhất 10 ký tự).'));
  await writeWithAudit(ctx, actor, async (db) => {
    await repo.updateNomination(db, nominationId, { exception_reason: reason.normalize('NFC').trim() });
    return {
      value: undefined,
      audit: {
        action: 'candidate.exception',
        entity: 'nomination',
        entityId: nominationId,
        data: { reason },
      },
    };
  });
  const after = await getCandidates(ctx, actor, nomination.election_id);
  return after.ok ? ok(after.value.nominations.find((n) => n.id === nominationId)!) : after;
}

export interface UploadInput {
  readonly kind: FileKind;
  readonly fileName: string;
  readonly contentType: string;
  readonly bytes: Buffer;
}

export async function uploadDossierFile(
  ctx: ServiceContext,
  actor: Actor,
  nominationId: string,
  input: UploadInput,
): Promise<Result<repo.FileInfo>> {
  const nomination = await repo.getNomination(ctx.store.db, nominationId);
  if (!nomination) return err(failures.notFound('người được giới thiệu này'));
  const loaded = await loadElection(ctx, actor, nomination.election_id, 'write');
  if (!loaded.ok) return loaded;
  if (!FILE_KINDS.includes(input.kind))
    return err(
      failures.invalid(
        'kind',
        'Loại giấy tờ: đơn ứng cử (hoặc công văn giới thiệu), sơ yếu lý lịch, hoặc khác.',
      ),
    );
  if (!input.bytes || input.bytes.length === 0) return err(failures.invalid('file', 'Tệp rỗng.'));
  if (input.bytes.length > MAX_FILE_BYTES)
    return err(failures.invalid('file', 'Tệp quá lớn (tối đa 10 MB).'));
  const kind = await uploadKindOf(input.bytes);
  if (!kind)
    return err({
      code: 'unsupported-file',
      field: 'file',
      message:
        'Chỉ nhận tệp PDF, ảnh chụp (JPG, PNG) hoặc Word (.docx, không có macro). Tệp này là loại khác: hãy quét hoặc lưu lại thành PDF rồi tải lên.',
    });
  const fileName = safeFileName(input.fileName || '', kind);
  const row: repo.FileRow = {
    id: randomUUID(),
    nomination_id: nominationId,
    kind: input.kind,
    file_name: fileName,
    // What the bytes are, not what the browser claimed.
    content_type: kind.type,
    bytes: input.bytes,
    sha256: createHash('sha256').update(input.bytes).digest('hex'),
    size: input.bytes.length,
    uploaded_at: ctx.now().toISOString(),
    uploaded_by: actor.userId,
  };
  const { bytes: _bytes, ...info } = row;
  await writeWithAudit(ctx, actor, async (db) => {
    await repo.insertFile(db, row);
    return {
      value: undefined,
      audit: { action: 'candidate.file', entity: 'candidate_file', entityId: row.id, data: info },
    };
  });
  return ok(info);
}

export async function downloadDossierFile(
  ctx: ServiceContext,
  actor: Actor,
  fileId: string,
): Promise<Result<{ info: repo.FileInfo; bytes: Buffer }>> {
  const file = await repo.getFile(ctx.store.db, fileId);
  if (!file) return err(failures.notFound('tệp hồ sơ này'));
  const nomination = await repo.getNomination(ctx.store.db, file.nomination_id);
  const loaded = await loadElection(ctx, actor, nomination!.election_id, 'read');
  if (!loaded.ok) return loaded;
  const bytes = Buffer.from(file.bytes);
  if (createHash('sha256').update(bytes).digest('hex') !== file.sha256) {
    return err({
      code: 'integrity',
      message:
        'Tệp hồ sơ lưu trữ không khớp với mã băm khi tải lên: có thể đã bị sửa. Hãy báo quản trị hệ thống.',
    });
  }
  const { bytes: _b, ...info } = file;
  // Files stored before types were checked are served as plain bytes unless they are a kind we take.
  return ok({ info: { ...info, content_type: safeServedType(info.content_type) }, bytes });
}

/** "05/10/2024" for messages. */
export const dmy = (d: CivilDate): string => formatVietnamese(d);
export const parseVerdict = (text: string): Verdict =>
  parseJson<Verdict>(text, { eligible: false, refusals: [] });
