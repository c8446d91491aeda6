/**
 * The commune's plan (kế hoạch) for a round of hamlet elections: one election per hamlet and position
 * with its day, time, venue and form; tasks generated from the profile's timeline and the plan of
 * seed 000 (section II.3 and III), editable; officials assigned to hamlets (section IV).
 */
import { randomUUID } from 'node:crypto';
import type { CivilDate } from '../../domain/calendar';
import { addDays, formatVietnamese } from '../../domain/calendar';
import {
  buildTimeline,
  communeChoosesSessions,
  electionPlace,
  groupTermLabel,
  isGroupPosition,
  parseSessions,
  sessionsProblem,
} from '../../domain/election';
import { err, ok } from '../../domain/result';
import type { Failure, Result } from '../../domain/result';
import type { Electorate, Position, RuleProfile } from '../../domain/rules';
import { SOURCES, formatCitation, getProfile } from '../../domain/rules';
import { hamletKinds, isHamletKind } from '../../domain/territory';
import { preparationPlan as repo, territory as territoryRepo } from '../../store';
import type { Db } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { failures } from '../common';
import { checkVersion, claimEdit, guardEdit } from '../audit';
import { canManageCommune, canRead, placeOfCommune } from '../common';
import { isCivil, isTime } from '../common';
import { parseJson } from '../common';
import { vnToday } from '../common';
import { ruleFailure } from '../common';
import { weekOf } from '../../domain/calendar';
import { positionTitle } from '../../domain/count/labels';
import { positionSchema } from '../../domain/rules';

const POSITION_ORDER: readonly string[] = positionSchema.options;
import type * as contract from '../../contract/plan';

export type PlanHamletInput = contract.RoundInput['hamlets'][number];

export type AssignmentInput = NonNullable<contract.RoundInput['assignments']>[number];

export type CreateRoundInput = contract.RoundInput & { readonly communeId: string };

export interface TaskView {
  readonly id: string;
  readonly hamletId: string | null;
  readonly hamletName: string | null;
  readonly electionId: string | null;
  readonly stepId: string | null;
  readonly source: string;
  readonly title: string;
  readonly lead: string;
  readonly partners: string[];
  readonly due: CivilDate;
  readonly status: 'todo' | 'doing' | 'done';
  readonly citation: string | null;
  readonly doneOn: CivilDate | null;
  readonly overdue: boolean;
  readonly dueThisWeek: boolean;
  /** Sent back with an edit (optimistic concurrency). */
  readonly version: number;
}

export interface RoundElectionView {
  readonly id: string;
  readonly hamletId: string;
  readonly hamletName: string;
  readonly headTitle: string;
  readonly position: string;
  readonly positionTitle: string;
  readonly residentGroupId: string | null;
  readonly groupName: string | null;
  readonly termLabel: string;
  readonly electionDate: CivilDate | null;
  readonly startTime: string | null;
  readonly venue: string | null;
  readonly pollingSessions: { start: string; end: string }[];
  readonly form: string | null;
  readonly state: string;
  readonly overdue: number;
}

export interface RoundView {
  readonly id: string;
  readonly communeId: string;
  readonly communeName: string;
  readonly termLabel: string;
  readonly profileId: string;
  readonly profileTitle: string;
  readonly positions: Position[];
  readonly form: string;
  readonly ballotMethod: string | null;
  readonly electorate: string;
  readonly finalDeadline: CivilDate | null;
  readonly chairName: string;
  readonly frontChairName: string;
  readonly planDate: CivilDate;
  readonly today: CivilDate;
  readonly week: { from: CivilDate; to: CivilDate };
  readonly elections: RoundElectionView[];
  readonly tasks: TaskView[];
  readonly assignments: repo.AssignmentRow[];
  readonly warnings: string[];
  readonly canManage: boolean;
}

export function headTitleOf(kind: string): string {
  return isHamletKind(kind) ? hamletKinds[kind].headTitle : 'Trưởng thôn';
}

const isObjectList = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'object' && x !== null);

/** The JSON body's shape (found by the API fuzzer: a body without `hamlets` used to crash). */
function roundShape(input: CreateRoundInput): Result<true> {
  const text = ['termLabel', 'profileId', 'chairName', 'frontChairName', 'planDate', 'form'] as const;
  for (const k of text)
    if (typeof input[k] !== 'string') return err(failures.invalid(k, `Thiếu hoặc sai trường ${k}.`));
  if (!isObjectList(input.hamlets))
    return err(failures.invalid('hamlets', 'Hãy chọn ít nhất một thôn, tổ dân phố để tổ chức bầu.'));
  if (input.assignments !== undefined && !isObjectList(input.assignments))
    return err(failures.invalid('assignments', 'Danh sách phân công không hợp lệ.'));
  if (input.positions !== undefined && !Array.isArray(input.positions))
    return err(failures.invalid('positions', 'Danh sách chức danh không hợp lệ.'));
  return ok(true);
}

function validateRound(input: CreateRoundInput, profile: RuleProfile): Result<{ electorate: Electorate }> {
  if (!input.termLabel?.trim())
    return err(failures.invalid('termLabel', 'Hãy nhập nhiệm kỳ, ví dụ 2024-2027.'));
  if (!input.chairName?.trim())
    return err(failures.invalid('chairName', 'Hãy nhập họ tên Chủ tịch UBND xã, phường.'));
  if (!input.frontChairName?.trim())
    return err(failures.invalid('frontChairName', 'Hãy nhập họ tên Chủ tịch UBMTTQ xã, phường.'));
  if (!isCivil(input.planDate)) return err(failures.invalid('planDate', 'Ngày lập kế hoạch không hợp lệ.'));
  if (input.hamlets.length === 0)
    return err(failures.invalid('hamlets', 'Hãy chọn ít nhất một thôn, tổ dân phố để tổ chức bầu.'));
  const forms = profile.electionForms;
  if (!forms.value.includes(input.form)) {
    return err(
      failures.invalid(
        'form',
        `Hình thức bầu này không có trong bộ quy tắc ${profile.id} (${formatCitation(forms.citation)}).`,
      ),
    );
  }
  const method = profile.ballotMethod;
  if (input.ballotMethod && !method.value.options.includes(input.ballotMethod)) {
    return err(
      failures.invalid(
        'ballotMethod',
        `Cách biểu quyết này không được phép (${formatCitation(method.citation)}).`,
      ),
    );
  }
  for (const p of input.positions ?? []) {
    if (!profile.positions.value.includes(p)) {
      return err(
        failures.invalid(
          'positions',
          `Chức danh này không được bầu theo bộ quy tắc ${profile.id} (${formatCitation(profile.positions.citation)}).`,
        ),
      );
    }
  }
  const electorate = input.electorate ?? profile.electorate.value;
  if (electorate === 'allVotersOrHouseholdRepresentatives') {
    return err(
      failures.invalid(
        'electorate',
        `Hãy chọn thành phần cử tri: toàn thể cử tri hoặc cử tri đại diện hộ gia đình (${formatCitation(profile.electorate.citation)}).`,
      ),
    );
  }
  if (
    profile.electorate.value !== 'allVotersOrHouseholdRepresentatives' &&
    electorate !== profile.electorate.value
  ) {
    return err(
      failures.invalid(
        'electorate',
        `Thành phần cử tri phải theo bộ quy tắc (${formatCitation(profile.electorate.citation)}).`,
      ),
    );
  }
  return ok({ electorate });
}

/**
 * The sessions a commune fixes (Tây Ninh Điều 16 k3f), checked against its profile: only where the
 * profile leaves them to the commune, each from a session start of the rule, ending in time.
 */
function sessionsFailure(profile: RuleProfile, h: PlanHamletInput): Failure | null {
  const sessions = h.pollingSessions ?? [];
  if (sessions.length === 0) return null;
  if (sessions.some((x) => !isTime(x.start) || !isTime(x.end)))
    return failures.invalid('pollingSessions', 'Giờ của buổi bỏ phiếu phải có dạng HH:MM, ví dụ 07:30.');
  const rule = profile.pollingHours;
  const c = rule.citation;
  const hours = rule.value;
  if (!communeChoosesSessions(rule.value))
    return ruleFailure(
      'outside-polling-hours',
      'pollingHours',
      c,
      `Bộ quy tắc ${profile.id} không để UBND xã quy định các buổi bỏ phiếu: ${hours ? `bỏ phiếu từ ${hours.sessionStarts.join(', ')} đến ${hours.end}` : 'không quy định giờ bỏ phiếu'} (${formatCitation(c)}).`,
      'pollingSessions',
    );
  const problem = sessionsProblem(rule.value, sessions);
  return problem
    ? ruleFailure(
        'outside-polling-hours',
        'pollingHours',
        c,
        `${problem} (${formatCitation(c)})`,
        'pollingSessions',
      )
    : null;
}

function validateHamletDay(profile: RuleProfile, h: PlanHamletInput, planDate: CivilDate): Result<void> {
  if (!isCivil(h.electionDate)) return err(failures.invalid('electionDate', 'Ngày bầu cử không hợp lệ.'));
  if (h.startTime && !isTime(h.startTime))
    return err(failures.invalid('startTime', 'Giờ bắt đầu phải có dạng HH:MM, ví dụ 07:30.'));
  if (h.electionDate <= planDate)
    return err(failures.invalid('electionDate', 'Ngày bầu cử phải sau ngày lập kế hoạch.'));
  const sessions = sessionsFailure(profile, h);
  if (sessions) return err(sessions);
  const weekday = buildTimeline(profile, h.electionDate).warnings.find(
    (w) => w.code === 'weekday-not-allowed',
  );
  if (weekday) {
    return err({
      code: 'weekday-not-allowed',
      field: 'electionDate',
      message: weekday.message,
      details: { rule: 'pollingDays', citation: formatCitation(profile.pollingDays.citation) },
    });
  }
  return ok(undefined);
}

interface TaskSeed {
  readonly hamletId: string | null;
  readonly electionId: string | null;
  readonly stepId: string | null;
  readonly source: 'timeline' | 'plan';
  readonly title: string;
  readonly lead: string;
  readonly partners: string[];
  readonly due: CivilDate;
  readonly citation: string;
  readonly done?: boolean;
}

/** Tasks of seed 000 that the profile's timeline does not carry, dated against the earliest hamlet. */
function planTasks(
  communeName: string,
  planDate: CivilDate,
  firstDue: (stepId: string, fallbackOffset: number) => CivilDate,
): TaskSeed[] {
  const ubnd = `UBND ${communeName}`;
  const front = `UBMTTQVN ${communeName}`;
  const cite = `${SOURCES.P2}, mục II.3`;
  const seed = (title: string, lead: string, partners: string[], due: CivilDate, done = false): TaskSeed => ({
    hamletId: null,
    electionId: null,
    stepId: null,
    source: 'plan',
    title,
    lead,
    partners,
    due,
    citation: cite,
    done,
  });
  return [
    seed('Xây dựng Kế hoạch tổ chức bầu', ubnd, [front], planDate, true),
    seed('Xây dựng Hướng dẫn nghiệp vụ bầu', ubnd, [front], firstDue('announce', -20)),
    seed('Tổ chức Hội nghị triển khai kế hoạch bầu', ubnd, [front], firstDue('announce', -20)),
    seed(
      'Xây dựng, triển khai Kế hoạch tuyên truyền bầu cử',
      'Công chức Văn hóa - Xã hội; Cán bộ Đài truyền thanh',
      [],
      firstDue('draft-candidates', -15),
    ),
    seed('Bố trí kinh phí tổ chức bầu', 'Công chức Tài chính - Kế toán', [ubnd], firstDue('announce', -20)),
    seed(
      'Kế hoạch bảo đảm an ninh chính trị, trật tự an toàn xã hội',
      'Công an, Ban CHQS',
      [],
      addDays(firstDue('election', 0), -1),
    ),
  ];
}

function hamletPlanTasks(
  hamletId: string,
  hamletName: string,
  electionId: string,
  due: (stepId: string, fallbackOffset: number) => CivilDate,
): TaskSeed[] {
  const cite = `${SOURCES.P2}, mục III.6`;
  return [
    {
      hamletId,
      electionId,
      stepId: null,
      source: 'plan',
      title: `Lập danh sách đại diện hộ gia đình dự họp, gửi UBND`,
      lead: hamletName,
      partners: [],
      due: due('form-team', -10),
      citation: cite,
    },
    {
      hamletId,
      electionId,
      stepId: null,
      source: 'plan',
      title: 'Thống nhất thời gian, địa điểm cuộc họp, báo cáo UBND và UBMTTQ',
      lead: hamletName,
      partners: ['Ban công tác Mặt trận'],
      due: due('notify-decisions', -7),
      citation: cite,
    },
  ];
}

async function communeName(db: Db, communeId: string): Promise<string> {
  return (await territoryRepo.getCommune(db, communeId))?.name ?? communeId;
}

/** One election the plan creates: a hamlet's position, or a group's (seed 001 mục II.1.6). */
interface PlannedOne {
  readonly id: string;
  readonly hamletId: string;
  readonly hamletName: string;
  readonly groupId: string | null;
  readonly groupName: string | null;
  readonly position: Position;
  readonly termLabel: string;
}

/**
 * The elections of the round: each hamlet's positions once, and each group position once per
 * residents' self-managed group chosen (every group of the hamlet unless the plan names some), with
 * the groups' own term from the profile. A group of another hamlet, or groups named without a
 * group position, are refused.
 */
async function plannedElections(
  db: Db,
  input: CreateRoundInput,
  profile: RuleProfile,
  positions: readonly Position[],
  hamlets: ReadonlyMap<string, { name: string }>,
): Promise<Result<PlannedOne[]>> {
  const ofGroup = positions.filter((p) => isGroupPosition(profile, p));
  const ofHamlet = positions.filter((p) => !isGroupPosition(profile, p));
  const rule = profile.residentGroup;
  const out: PlannedOne[] = [];
  for (const h of input.hamlets) {
    const hamletName = hamlets.get(h.hamletId)?.name ?? '';
    for (const position of ofHamlet)
      out.push({
        id: randomUUID(),
        hamletId: h.hamletId,
        hamletName,
        groupId: null,
        groupName: null,
        position,
        termLabel: input.termLabel.trim(),
      });
    const named = h.groupIds ?? null;
    if (named && named.length > 0 && ofGroup.length === 0)
      return err(
        failures.invalid(
          'groupIds',
          `Kế hoạch chưa chọn chức danh nào của Tổ nhân dân tự quản (Tổ trưởng, Tổ phó, Thư ký) nên không chọn tổ được: hãy chọn chức danh của tổ hoặc bỏ chọn tổ (${formatCitation(rule.citation)}).`,
        ),
      );
    if (ofGroup.length === 0) continue;
    const groups = await territoryRepo.listResidentGroups(db, h.hamletId);
    // A list (even empty) is the commune's choice; without one, every group of the hamlet elects.
    const chosen = named ?? groups.map((g) => g.id);
    if (new Set(chosen).size !== chosen.length)
      return err(
        failures.invalid('groupIds', 'Một tổ nhân dân tự quản được chọn hai lần: hãy chọn mỗi tổ một lần.'),
      );
    for (const groupId of chosen) {
      const group = groups.find((g) => g.id === groupId);
      if (!group)
        return err(
          failures.invalid(
            'groupIds',
            `Tổ được chọn không thuộc ${hamletName}: mỗi tổ nhân dân tự quản bầu trong thôn, ấp, khu phố của mình (${formatCitation(rule.citation)}). Hãy chọn tổ của ${hamletName}.`,
          ),
        );
      const termLabel = groupTermLabel(profile, h.electionDate) ?? input.termLabel.trim();
      for (const position of ofGroup)
        out.push({
          id: randomUUID(),
          hamletId: h.hamletId,
          hamletName,
          groupId,
          groupName: group.name,
          position,
          termLabel,
        });
    }
  }
  return ok(out);
}

/** An election of the same hamlet (or group), position and term already planned. */
async function clashOf(db: Db, planned: readonly PlannedOne[]): Promise<Failure | null> {
  const taken = await repo.activeElectionsOf(
    db,
    [...new Set(planned.map((p) => p.hamletId))],
    [...new Set(planned.map((p) => p.termLabel))],
  );
  const clash = planned.find((p) =>
    taken.some(
      (t) =>
        t.hamletId === p.hamletId &&
        t.position === p.position &&
        t.termLabel === p.termLabel &&
        (t.residentGroupId ?? null) === p.groupId,
    ),
  );
  if (!clash) return null;
  const who = clash.groupName ? electionPlace(clash.hamletName, clash.groupName) : clash.hamletName;
  return failures.conflict(
    'hamlets',
    `${who} đã có cuộc bầu cử nhiệm kỳ ${clash.termLabel} cho chức danh này.`,
  );
}

export async function createRound(
  ctx: ServiceContext,
  actor: Actor,
  input: CreateRoundInput,
): Promise<Result<RoundView>> {
  const db = ctx.store.db;
  const place = await placeOfCommune(db, input.communeId);
  if (!place) return err(failures.notFound('xã/phường này'));
  if (!canManageCommune(actor, place)) return err(failures.forbidden('lập kế hoạch bầu cho xã/phường này'));
  const shape = roundShape(input);
  if (!shape.ok) return shape;
  const first = [...input.hamlets].map((h) => h.electionDate).sort()[0];
  const profileResult = getProfile(input.profileId, isCivil(first) ? first : undefined);
  if (!profileResult.ok) return profileResult;
  const profile = profileResult.value;
  const checked = validateRound(input, profile);
  if (!checked.ok) return checked;
  for (const h of input.hamlets) {
    const day = validateHamletDay(profile, h, input.planDate);
    if (!day.ok) return day;
  }
  const hamlets = await territoryRepo.listHamlets(db, input.communeId);
  const byId = new Map(hamlets.map((h) => [h.id, h]));
  for (const h of input.hamlets) {
    if (!byId.has(h.hamletId)) return err(failures.notFound('thôn, tổ dân phố trong xã/phường này'));
  }
  for (const a of input.assignments ?? []) {
    if (a.hamletId && !byId.has(a.hamletId))
      return err(failures.notFound('thôn, tổ dân phố trong xã/phường này'));
  }
  const positions = [...(input.positions ?? profile.positions.value)];
  const planned = await plannedElections(db, input, profile, positions, byId);
  if (!planned.ok) return planned;
  const clash = await clashOf(db, planned.value);
  if (clash) return err(clash);
  const name = await communeName(db, input.communeId);
  const at = ctx.now().toISOString();
  const roundId = randomUUID();
  const plannedOf = planned.value;
  await writeWithAudit(ctx, actor, async (trx) => {
    await repo.insertRound(trx, {
      id: roundId,
      commune_id: input.communeId,
      term_label: input.termLabel.trim(),
      profile_id: profile.id,
      positions: JSON.stringify(positions),
      form: input.form,
      ballot_method: input.ballotMethod ?? null,
      electorate: checked.value.electorate,
      final_deadline: input.finalDeadline ?? null,
      chair_name: input.chairName.normalize('NFC').trim(),
      front_chair_name: input.frontChairName.normalize('NFC').trim(),
      plan_date: input.planDate,
      created_at: at,
      created_by: actor.userId,
    });
    const seeds: TaskSeed[] = [];
    const firstDues = new Map<string, CivilDate>();
    for (const h of input.hamlets) {
      const hamlet = byId.get(h.hamletId)!;
      let mainElection: string | null = null;
      for (const planned of plannedOf.filter((p) => p.hamletId === h.hamletId)) {
        const { id, position } = planned;
        mainElection ??= id;
        await repo.insertPlannedElection(trx, {
          id,
          hamlet_id: h.hamletId,
          resident_group_id: planned.groupId,
          position,
          term_label: planned.termLabel,
          profile_id: profile.id,
          election_date: h.electionDate,
          state: 'planned',
          round: 1,
          created_at: at,
          round_id: roundId,
          form: input.form,
          // The first session the commune fixed is the election's start.
          start_time: h.pollingSessions?.[0]?.start ?? h.startTime ?? null,
          venue: h.venue?.trim() || null,
          polling_sessions: h.pollingSessions?.length ? JSON.stringify(h.pollingSessions) : null,
        });
        await repo.insertStateChange(trx, {
          id: randomUUID(),
          election_id: id,
          seq: 1,
          from_state: '',
          to_state: 'planned',
          on_date: input.planDate,
          step_id: null,
          due: null,
          override_id: null,
          note: null,
          recorded_by: actor.userId,
          recorded_at: at,
        });
      }
      // Head and deputy are elected together (QĐ 01/2016 Quảng Trị Điều 13): one set of tasks per hamlet.
      const timeline = buildTimeline(profile, h.electionDate);
      for (const s of timeline.steps) {
        const prev = firstDues.get(s.id);
        if (prev === undefined || s.due < prev) firstDues.set(s.id, s.due);
        seeds.push({
          hamletId: h.hamletId,
          electionId: mainElection,
          stepId: s.id,
          source: 'timeline',
          title: s.title,
          lead: s.actor,
          partners: [],
          due: s.due,
          citation: formatCitation(s.citation),
        });
      }
      const due = (stepId: string, offset: number) =>
        timeline.steps.find((s) => s.id === stepId)?.due ?? addDays(h.electionDate, offset);
      seeds.push(...hamletPlanTasks(h.hamletId, hamlet.name, mainElection!, due));
    }
    const firstDate = [...input.hamlets].map((h) => h.electionDate).sort()[0]!;
    const firstDue = (stepId: string, offset: number) => firstDues.get(stepId) ?? addDays(firstDate, offset);
    seeds.push(...planTasks(name, input.planDate, firstDue));
    await repo.insertTasks(
      trx,
      seeds.map((s, n) => ({
        id: randomUUID(),
        round_id: roundId,
        hamlet_id: s.hamletId,
        election_id: s.electionId,
        step_id: s.stepId,
        source: s.source,
        title: s.title,
        lead: s.lead,
        partners: JSON.stringify(s.partners),
        due: s.due,
        status: s.done ? 'done' : 'todo',
        citation: s.citation,
        done_on: s.done ? input.planDate : null,
        sort: n,
        updated_at: at,
      })),
    );
    await repo.insertAssignments(
      trx,
      (input.assignments ?? []).map((a) => ({
        id: randomUUID(),
        round_id: roundId,
        hamlet_id: a.hamletId ?? null,
        official_name: a.officialName.normalize('NFC').trim(),
        position: a.position.normalize('NFC').trim(),
        duty: a.duty.normalize('NFC').trim(),
      })),
    );
    return {
      value: undefined,
      audit: {
        action: 'round.create',
        entity: 'election_round',
        entityId: roundId,
        data: {
          communeId: input.communeId,
          profile: profile.id,
          hamlets: input.hamlets.length,
          positions,
          groups: [...new Set(plannedOf.flatMap((p) => (p.groupId ? [p.groupId] : [])))].length,
        },
      },
    };
  });
  return getRound(ctx, actor, roundId);
}

function taskView(t: repo.TaskRow, names: Map<string, string>, today: CivilDate): TaskView {
  const week = weekOf(today);
  const status = t.status as TaskView['status'];
  return {
    id: t.id,
    hamletId: t.hamlet_id,
    hamletName: t.hamlet_id ? (names.get(t.hamlet_id) ?? null) : null,
    electionId: t.election_id,
    stepId: t.step_id,
    source: t.source,
    title: t.title,
    lead: t.lead,
    partners: parseJson<string[]>(t.partners, []),
    due: t.due,
    status,
    citation: t.citation,
    doneOn: t.done_on,
    overdue: status !== 'done' && t.due < today,
    dueThisWeek: status !== 'done' && t.due >= week.from && t.due <= week.to && t.due >= today,
    version: t.version,
  };
}

async function roundAccess(
  ctx: ServiceContext,
  actor: Actor,
  round: repo.RoundRow,
): Promise<Result<{ canManage: boolean }>> {
  const place = await placeOfCommune(ctx.store.db, round.commune_id);
  if (!place || !(await canRead(ctx.store.db, actor, place)))
    return err(failures.forbidden('xem kế hoạch này'));
  return ok({ canManage: canManageCommune(actor, place) });
}

export async function getRound(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
): Promise<Result<RoundView>> {
  const db = ctx.store.db;
  const round = await repo.getRound(db, roundId);
  if (!round) return err(failures.notFound('kế hoạch bầu này'));
  const access = await roundAccess(ctx, actor, round);
  if (!access.ok) return access;
  const profile = getProfile(round.profile_id);
  if (!profile.ok) return profile;
  const today = vnToday(ctx);
  const elections = await repo.listRoundElections(db, roundId);
  const names = new Map(elections.map((e) => [e.hamletId, e.hamletName]));
  const tasks = (await repo.listTasks(db, roundId)).map((t) => taskView(t, names, today));
  const warnings: string[] = [];
  for (const e of elections) {
    if (e.electionDate && round.final_deadline && e.electionDate > round.final_deadline) {
      warnings.push(
        `${e.hamletName}: ngày bầu cử ${formatVietnamese(e.electionDate)} sau thời hạn hoàn thành của kế hoạch (${formatVietnamese(round.final_deadline)}).`,
      );
    }
  }
  return ok({
    id: round.id,
    communeId: round.commune_id,
    communeName: await communeName(db, round.commune_id),
    termLabel: round.term_label,
    profileId: round.profile_id,
    profileTitle: profile.value.title,
    positions: parseJson<Position[]>(round.positions, []),
    form: round.form,
    ballotMethod: round.ballot_method,
    electorate: round.electorate,
    finalDeadline: round.final_deadline,
    chairName: round.chair_name,
    frontChairName: round.front_chair_name,
    planDate: round.plan_date,
    today,
    week: weekOf(today),
    elections: elections
      .map((e) => ({
        id: e.id,
        hamletId: e.hamletId,
        hamletName: e.hamletName,
        headTitle: headTitleOf(e.hamletKind),
        position: e.position,
        positionTitle: positionTitle(e.position, e.hamletKind),
        residentGroupId: e.residentGroupId,
        groupName: e.groupName,
        termLabel: e.termLabel,
        electionDate: e.electionDate,
        startTime: e.startTime,
        venue: e.venue,
        pollingSessions: parseSessions(e.pollingSessions),
        form: e.form,
        state: e.state,
        overdue: tasks.filter((t) => t.electionId === e.id && t.overdue).length,
      }))
      .sort(
        (a, b) =>
          a.hamletName.localeCompare(b.hamletName, 'vi', { numeric: true }) ||
          (a.groupName ?? '').localeCompare(b.groupName ?? '', 'vi', { numeric: true }) ||
          POSITION_ORDER.indexOf(a.position) - POSITION_ORDER.indexOf(b.position),
      ),
    tasks,
    assignments: await repo.listAssignments(db, roundId),
    warnings,
    canManage: access.value.canManage,
  });
}

export interface RoundSummary {
  readonly id: string;
  readonly termLabel: string;
  readonly profileId: string;
  readonly planDate: CivilDate;
  readonly elections: number;
}

export async function listRounds(
  ctx: ServiceContext,
  actor: Actor,
  communeId: string,
): Promise<Result<RoundSummary[]>> {
  const db = ctx.store.db;
  const place = await placeOfCommune(db, communeId);
  if (!place) return err(failures.notFound('xã/phường này'));
  if (!(await canRead(db, actor, place)))
    return err(failures.forbidden('xem kế hoạch bầu của xã/phường này'));
  const rounds = await repo.listRounds(db, communeId);
  const out: RoundSummary[] = [];
  for (const r of rounds) {
    out.push({
      id: r.id,
      termLabel: r.term_label,
      profileId: r.profile_id,
      planDate: r.plan_date,
      elections: (await repo.listRoundElections(db, r.id)).length,
    });
  }
  return ok(out);
}

export type TaskUpdate = contract.TaskUpdate;

export async function updateTask(
  ctx: ServiceContext,
  actor: Actor,
  taskId: string,
  update: TaskUpdate,
): Promise<Result<TaskView>> {
  const db = ctx.store.db;
  const task = await repo.getTask(db, taskId);
  if (!task) return err(failures.notFound('công việc này'));
  const round = await repo.getRound(db, task.round_id);
  if (!round) return err(failures.notFound('kế hoạch bầu này'));
  const access = await roundAccess(ctx, actor, round);
  if (!access.ok) return access;
  if (!access.value.canManage) return err(failures.forbidden('sửa công việc của kế hoạch này'));
  const version = checkVersion(update.version);
  if (!version.ok) return version;
  if (update.status && !['todo', 'doing', 'done'].includes(update.status))
    return err(failures.invalid('status', 'Trạng thái không hợp lệ.'));
  if (update.due !== undefined && !isCivil(update.due))
    return err(failures.invalid('due', 'Hạn không hợp lệ.'));
  if (update.lead !== undefined && !update.lead.trim())
    return err(failures.invalid('lead', 'Hãy nhập cơ quan chủ trì.'));
  const today = vnToday(ctx);
  const set = {
    ...(update.status ? { status: update.status, done_on: update.status === 'done' ? today : null } : {}),
    ...(update.due ? { due: update.due } : {}),
    ...(update.lead ? { lead: update.lead.normalize('NFC').trim() } : {}),
    ...(update.partners
      ? { partners: JSON.stringify(update.partners.map((p) => p.normalize('NFC').trim())) }
      : {}),
    updated_at: ctx.now().toISOString(),
  };
  const saved = await guardEdit(ctx, 'plan_task', taskId, () =>
    writeWithAudit(ctx, actor, async (trx) => {
      await claimEdit(trx, 'plan_tasks', taskId, version.value);
      await repo.updateTask(trx, taskId, set);
      return {
        value: undefined,
        audit: { action: 'task.update', entity: 'plan_task', entityId: taskId, data: { before: task, set } },
      };
    }),
  );
  if (!saved.ok) return saved;
  const after = (await repo.getTask(db, taskId))!;
  const elections = await repo.listRoundElections(db, round.id);
  return ok(taskView(after, new Map(elections.map((e) => [e.hamletId, e.hamletName])), today));
}
