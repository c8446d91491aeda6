/**
 * Everything an election team prints for polling day, in one PDF: the posted roll, the voter cards,
 * one ballot per voter plus spares, the sheet of valid and invalid ballot rules, and a blank count
 * record; and the same for every hamlet of a commune. Built from the database through the same data
 * builders as the separate documents, so roll numbers, cards and ballots agree.
 */
import { hamletInText } from '../../domain/territory';
import { bodyLines, electionPlace, titleBeforePlace } from '../../domain/election';
import { renderCommunePack, renderPollingDayPack } from '../../documents/batch';
import type { PollingDayPack } from '../../documents/batch';
import { blankCountRecord } from '../../documents/forms/count-record';
import { numberToWords } from '../../documents/words';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { formatCitation } from '../../domain/rules';
import { rolls as rollRepo } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { INVALID_REASON_VI, countRecordLabels, positionTitle } from '../../domain/count/labels';
import { failures } from '../common';
import { canRead, placeOfCommune } from '../common';
import { parseJson } from '../common';
import { vnToday } from '../common';
import type { SnapshotEntry } from './common';
import { loadRoll, voterCardsData, voterRollData } from './exports';

/** Spare ballots per position for spoilt papers exchanged on polling day. */
export const SPARE_BALLOTS = 10;

const ROLE_VI: Readonly<Record<string, string>> = {
  leader: 'Tổ trưởng',
  secretary: 'Thư ký',
  member: 'Thành viên',
};

async function officialCandidates(ctx: ServiceContext, electionId: string): Promise<string[]> {
  const rows = await rollRepo.officialCandidateNames(ctx.store.db, electionId);
  return rows.map((r) => r.name);
}

async function countingTeam(ctx: ServiceContext, electionId: string) {
  const rows = await rollRepo.teamOfElection(ctx.store.db, electionId);
  const order = ['leader', 'secretary', 'member'];
  return rows
    .filter((r) => r.role !== 'witness')
    .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role))
    .map((r) => ({ name: r.full_name, role: ROLE_VI[r.role] ?? r.role }));
}

/** The polling-day pack of one election, or what is missing before it can be printed. */
export async function electionPack(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
): Promise<Result<PollingDayPack>> {
  const l = await loadRoll(ctx, actor, electionId, 'read');
  if (!l.ok) return l;
  const { ec, view } = l.value;
  const e = ec.election;
  if (view.roll?.state !== 'posted') {
    return err(
      failures.invalid(
        'roll',
        `${e.hamletName}: danh sách cử tri chưa niêm yết; hãy niêm yết trước khi in tài liệu ngày bầu cử.`,
      ),
    );
  }
  const candidates = await officialCandidates(ctx, electionId);
  if (candidates.length === 0) {
    return err(
      failures.invalid(
        'candidates',
        `${e.hamletName}: chưa có danh sách chính thức người ứng cử để in phiếu bầu.`,
      ),
    );
  }
  const date = e.electionDate ?? vnToday(ctx);
  const { data: roll, pr } = await voterRollData(ctx, ec, view, date);
  const snap = await rollRepo.latestSnapshot(ctx.store.db, view.roll.id);
  const { voters: _cards, ...cards } = await voterCardsData(
    ctx,
    ec,
    parseJson<SnapshotEntry[]>(snap?.entries ?? '[]', []),
  );
  const profile = ec.profile;
  const position = titleBeforePlace(e.position, positionTitle(e.position, e.hamletKind), e.groupName);
  // A group's election names the group with its hamlet on every paper of the day.
  const place = electionPlace(e.hamletName, e.groupName);
  const election = `Bầu ${position} ${hamletInText(place)}, nhiệm kỳ ${e.termLabel}`;
  const body = {
    parent: [`UBND ${pr.communeName.toUpperCase()}`],
    lines: bodyLines('TỔ BẦU CỬ', e.hamletName, e.groupName),
  };
  const columns = profile.ballotForm.value === 'agreeColumns';
  const labels = countRecordLabels(profile);
  // The meeting elects its counting team on the day: the blank record leaves its lines to fill in.
  const teamLines = labels.byMeeting ? (profile.countingTeam.value.maxSize ?? 5) : 0;
  const team = labels.byMeeting ? [] : await countingTeam(ctx, electionId);
  const electorate = labels.electorateLabel;
  const originals = profile.countRecord.value.originals;
  return ok({
    roll,
    cards,
    ballots: [
      {
        issuer: `UBND ${pr.communeName}`,
        position: `${position} ${place}`.toUpperCase(),
        term: e.termLabel,
        date,
        candidates,
        ballotForm: columns ? 'agreeColumns' : 'strikeOut',
        instruction: columns
          ? 'Đánh dấu "X" vào cột "Đồng ý" hoặc "Không đồng ý" ứng với từng người ứng cử.'
          : 'Gạch ngang họ tên người không tín nhiệm; giữ lại họ tên người mình bầu.',
      },
    ],
    spareBallots: SPARE_BALLOTS,
    rules: {
      body,
      place: pr.communeName,
      date,
      election,
      howToVote: columns
        ? [
            'Mỗi cử tri nhận một phiếu bầu có đóng dấu UBND cấp xã.',
            'Đánh dấu "X" vào cột "Đồng ý" hoặc "Không đồng ý" ứng với từng người.',
          ]
        : [
            'Mỗi cử tri nhận một phiếu bầu có đóng dấu UBND cấp xã.',
            'Gạch ngang họ tên người không tín nhiệm; giữ lại họ tên người mình bầu.',
          ],
      invalidReasons: profile.invalidReasons.value.map((r) => INVALID_REASON_VI[r]),
      citation: `Theo ${formatCitation(profile.invalidReasons.citation)}.`,
      signer: { authority: ['TM. TỔ BẦU CỬ'], title: 'TỔ TRƯỞNG', ...(pr.leader ? { name: pr.leader } : {}) },
    },
    countRecord: blankCountRecord({
      head: {
        body: { parent: [`UBND ${pr.communeName.toUpperCase()}`], lines: [e.hamletName.toUpperCase()] },
        place: pr.communeName,
        date,
        ...(labels.formLabel ? { formLabel: labels.formLabel } : {}),
      },
      election: { hamlet: hamletInText(place), position, term: e.termLabel },
      venue: e.venue,
      startTime: null,
      countDate: date,
      teamLabel: labels.teamLabel,
      team: labels.byMeeting ? Array<null>(teamLines).fill(null) : team,
      witnessLabel: labels.witnessLabel,
      witnesses: Array<null>(profile.witnesses.value.count).fill(null),
      electorateLabel: electorate,
      totalOnRoll: roll.entries.length,
      participated: null,
      issued: null,
      received: null,
      valid: null,
      invalid: null,
      invalidReasons: profile.invalidReasons.value.map((r) => ({
        reason: INVALID_REASON_VI[r],
        count: null,
      })),
      candidates: candidates.map((name) => ({ name, votes: null })),
      ratioBase: roll.entries.length,
      ratioLabel: `tổng số ${electorate} trong danh sách`,
      conclusion: null,
      endTime: null,
      copies: `${String(originals).padStart(2, '0')} (${numberToWords(originals)}) bản có giá trị như nhau.`,
      signatures: [
        ...(labels.byMeeting
          ? [{ title: 'TRƯỞNG BAN KIỂM PHIẾU', note: '(Ký, ghi rõ họ tên)' }]
          : team.map((m) => ({ title: m.role.toUpperCase(), note: '(Ký, ghi rõ họ tên)', name: m.name }))),
        ...Array.from({ length: profile.witnesses.value.count }, () => ({
          title: 'NGƯỜI CHỨNG KIẾN',
          note: '(Ký, ghi rõ họ tên)',
        })),
      ],
    }),
  });
}

export async function electionPackPdf(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
): Promise<Result<Buffer>> {
  const pack = await electionPack(ctx, actor, electionId);
  return pack.ok ? ok(renderPollingDayPack(pack.value)) : pack;
}

export interface CommunePack {
  readonly pdf: Buffer;
  readonly included: readonly string[];
  /** Hamlets left out, with what they still miss. */
  readonly skipped: readonly { readonly hamlet: string; readonly reason: string }[];
}

/** Every hamlet of the commune whose roll is posted and candidate list official, in one PDF. */
export async function communePack(
  ctx: ServiceContext,
  actor: Actor,
  communeId: string,
): Promise<Result<CommunePack>> {
  const place = await placeOfCommune(ctx.store.db, communeId);
  if (!place) return err(failures.notFound('xã/phường này'));
  if (!(await canRead(ctx.store.db, actor, place)))
    return err(failures.forbidden('in tài liệu ngày bầu cử của xã/phường này'));
  const elections = await rollRepo.openElectionsOfCommune(ctx.store.db, communeId);
  const packs: PollingDayPack[] = [];
  const included: string[] = [];
  const skipped: { hamlet: string; reason: string }[] = [];
  for (const e of elections) {
    const pack = await electionPack(ctx, actor, e.id);
    if (pack.ok) {
      packs.push(pack.value);
      included.push(e.hamlet);
    } else skipped.push({ hamlet: e.hamlet, reason: pack.error.message });
  }
  if (packs.length === 0) {
    const why = skipped.map((s) => s.reason).join(' ');
    return err(
      failures.invalid('elections', `Chưa có thôn, tổ dân phố nào đủ tài liệu để in. ${why}`.trim()),
    );
  }
  const pdf = renderCommunePack(packs, 'Tài liệu ngày bầu cử', vnToday(ctx));
  return ok({ pdf, included, skipped });
}
