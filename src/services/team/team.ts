/**
 * The election team (Tổ bầu cử): members from residents or officials, each with the body they
 * represent and their role; the composition checked against the profile (`checkElectionTeam`, and
 * `checkWitnesses` for the two count witnesses); accounts for polling day scoped to the election.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type * as contract from '../../contract/team';
import type { Verdict } from '../../domain/election';
import { checkElectionTeam, checkWitnesses, teamMemberRefusals } from '../../domain/election';
import { foldForSearch } from '../../domain/people';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { formatCitation } from '../../domain/rules';
import { ageOn } from '../../domain/calendar';
import type { CivilDate } from '../../domain/calendar';
import { preparationCandidates as repo, preparationPlan as planRepo, users as usersRepo } from '../../store';
import { vnToday } from '../common';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { failures } from '../common';
import { hashPassword } from '../auth';
import { hamletInCommune, loadElection } from '../common';
import { ruleFailure } from '../common';

export const TEAM_ROLES = ['leader', 'secretary', 'member', 'witness'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export const TEAM_ROLE_NAMES_VI: Readonly<Record<TeamRole, string>> = {
  leader: 'Tổ trưởng',
  secretary: 'Thư ký',
  member: 'Thành viên',
  witness: 'Người chứng kiến kiểm phiếu',
};

export type TeamMemberInput = contract.TeamMemberInput;

export interface TeamMemberView {
  readonly id: string;
  readonly residentId: string | null;
  readonly fullName: string;
  readonly sex: string | null;
  readonly represents: string;
  readonly role: TeamRole;
  readonly roleLabel: string;
  readonly frontHead: boolean;
  readonly frontMember: boolean;
  readonly username: string | null;
  readonly birthDate: string | null;
  readonly age: number | null;
}

export interface TeamView {
  readonly electionId: string;
  readonly members: TeamMemberView[];
  readonly composition: Verdict;
  readonly witnesses: Verdict;
  readonly sizeRule: string;
  readonly ageOn: string;
  readonly canManage: boolean;
}

/**
 * The day the members are appointed, their ages taken on it: the day the election recorded its
 * "teamFormed" step (the team decision), else today, the earliest the decision can be dated.
 */
async function appointmentDate(ctx: ServiceContext, electionId: string): Promise<CivilDate> {
  const formed = (await planRepo.listStateChanges(ctx.store.db, electionId)).find(
    (c) => c.to_state === 'teamFormed',
  );
  return formed?.on_date ?? vnToday(ctx);
}

async function candidateIds(ctx: ServiceContext, electionId: string): Promise<string[]> {
  return (await repo.listNominations(ctx.store.db, [electionId]))
    .filter((n) => n.withdrawn === 0)
    .map((n) => n.resident_id);
}

export async function getTeam(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
): Promise<Result<TeamView>> {
  const loaded = await loadElection(ctx, actor, electionId, 'read');
  if (!loaded.ok) return loaded;
  const { profile } = loaded.value;
  const db = ctx.store.db;
  const rows = await repo.listTeam(db, electionId);
  const users = new Map((await usersRepo.listUsers(db)).map((u) => [u.id, u.username]));
  const nominees = await candidateIds(ctx, electionId);
  const team = rows.filter((m) => m.role !== 'witness');
  const on = await appointmentDate(ctx, electionId);
  const people = new Map(
    (
      await repo.getPeople(
        db,
        rows.flatMap((m) => (m.resident_id ? [m.resident_id] : [])),
      )
    ).map((p) => [p.id, p]),
  );
  const hamletId = loaded.value.election.hamletId;
  const t = profile.electionTeam.value;
  const size =
    t.minSize !== null && t.maxSize !== null
      ? `Số thành viên: từ ${t.minSize} đến ${t.maxSize} người`
      : 'Số thành viên: không quy định';
  return ok({
    electionId,
    members: rows.map((m) => ({
      id: m.id,
      residentId: m.resident_id,
      fullName: m.full_name,
      sex: m.sex,
      represents: m.represents,
      role: m.role as TeamRole,
      roleLabel: TEAM_ROLE_NAMES_VI[m.role as TeamRole] ?? m.role,
      frontHead: m.front_head === 1,
      frontMember: m.front_member === 1,
      username: m.user_id ? (users.get(m.user_id) ?? null) : null,
      birthDate: (m.resident_id && people.get(m.resident_id)?.birthDate) || null,
      age:
        m.resident_id && people.get(m.resident_id) ? ageOn(people.get(m.resident_id)!.birthDate, on) : null,
    })),
    composition: checkElectionTeam(
      profile,
      team.map((m) => {
        const person = m.resident_id ? people.get(m.resident_id) : undefined;
        return {
          personId: m.resident_id ?? m.id,
          name: m.full_name,
          role: m.role as 'leader' | 'secretary' | 'member',
          isFrontCommitteeHead: m.front_head === 1,
          isFrontCommitteeMember: m.front_member === 1,
          birthDate: person?.birthDate ?? null,
          residentOfHamlet: person ? person.hamletId === hamletId : null,
        };
      }),
      nominees,
      on,
    ),
    witnesses: checkWitnesses(
      profile,
      rows.filter((m) => m.role === 'witness').map((m) => m.resident_id ?? m.id),
      nominees,
    ),
    sizeRule: `${size} (${formatCitation(profile.electionTeam.citation)})`,
    ageOn: on,
    canManage: loaded.value.canManage,
  });
}

export async function addTeamMember(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  input: TeamMemberInput,
): Promise<Result<TeamView>> {
  const loaded = await loadElection(ctx, actor, electionId, 'write');
  if (!loaded.ok) return loaded;
  const { profile, election } = loaded.value;
  const db = ctx.store.db;
  if (!TEAM_ROLES.includes(input.role))
    return err(failures.invalid('role', 'Chức danh trong Tổ bầu cử không hợp lệ.'));
  if (!input.represents?.trim())
    return err(failures.invalid('represents', 'Hãy ghi đơn vị, tổ chức mà thành viên đại diện.'));
  if (['polling', 'counted', 'reported', 'recognised'].includes(election.state))
    return err(failures.conflict('state', 'Cuộc bầu cử đã diễn ra; không thay đổi Tổ bầu cử.'));
  let fullName = input.fullName?.normalize('NFC').trim() ?? '';
  let sex = input.sex ?? null;
  if (input.residentId) {
    const person = await repo.getPerson(db, input.residentId);
    // A resident of another commune is unknown here (and nothing of them is answered).
    if (!person || !(await hamletInCommune(db, person.hamletId, loaded.value.place.communeId)))
      return err(failures.notFound('người này trong danh sách nhân khẩu'));
    fullName = person.fullName;
    sex = person.sex as 'male' | 'female';
    const existing = await repo.listTeam(db, electionId);
    if (existing.some((m) => m.resident_id === person.id))
      return err(failures.conflict('residentId', `${person.fullName} đã có tên trong Tổ bầu cử.`));
    if (input.role !== 'witness') {
      // The member is checked as the team will be: adult on the appointment day, resident here.
      const refused = teamMemberRefusals(
        profile,
        {
          personId: person.id,
          name: person.fullName,
          role: input.role,
          birthDate: person.birthDate,
          residentOfHamlet: person.hamletId === election.hamletId,
        },
        await appointmentDate(ctx, electionId),
      )[0];
      if (refused)
        return err(ruleFailure(refused.code, refused.rule, refused.citation, refused.message, 'residentId'));
    }
    const nominees = await candidateIds(ctx, electionId);
    if (nominees.includes(person.id)) {
      const rule = input.role === 'witness' ? profile.witnesses : profile.electionTeam;
      const excludes =
        input.role === 'witness'
          ? profile.witnesses.value.excludesCandidates
          : profile.electionTeam.value.excludesCandidates;
      if (excludes) {
        return err(
          ruleFailure(
            input.role === 'witness' ? 'witness-candidate' : 'election-team-candidate',
            input.role === 'witness' ? 'witnesses.excludesCandidates' : 'electionTeam.excludesCandidates',
            rule.citation,
            `${person.fullName} có tên trong danh sách người ứng cử nên không được ${input.role === 'witness' ? 'chứng kiến việc kiểm phiếu' : 'tham gia Tổ bầu cử'} (${formatCitation(rule.citation)}).`,
            'residentId',
          ),
        );
      }
    }
  }
  if (!fullName)
    return err(
      failures.invalid('fullName', 'Hãy chọn một người trong danh sách nhân khẩu hoặc nhập họ tên.'),
    );
  const id = randomUUID();
  await writeWithAudit(ctx, actor, async (trx) => {
    await repo.insertTeamMember(trx, {
      id,
      election_id: electionId,
      resident_id: input.residentId ?? null,
      full_name: fullName,
      sex,
      represents: input.represents.normalize('NFC').trim(),
      role: input.role,
      front_head: input.frontHead ? 1 : 0,
      front_member: input.frontMember || input.frontHead ? 1 : 0,
      user_id: null,
      created_at: ctx.now().toISOString(),
    });
    return {
      value: undefined,
      audit: {
        action: 'team.add',
        entity: 'team_member',
        entityId: id,
        data: { electionId, fullName, role: input.role },
      },
    };
  });
  return getTeam(ctx, actor, electionId);
}

export async function removeTeamMember(
  ctx: ServiceContext,
  actor: Actor,
  memberId: string,
): Promise<Result<TeamView>> {
  const member = await repo.getTeamMember(ctx.store.db, memberId);
  if (!member) return err(failures.notFound('thành viên này'));
  const loaded = await loadElection(ctx, actor, member.election_id, 'write');
  if (!loaded.ok) return loaded;
  if (
    loaded.value.election.state !== 'planned' &&
    loaded.value.election.state !== 'candidatesDrafted' &&
    loaded.value.election.state !== 'listOfficial'
  )
    return err(
      failures.conflict('state', 'Tổ bầu cử đã được thành lập bằng quyết định; không xóa thành viên.'),
    );
  if (member.user_id) return err(failures.conflict('user', 'Thành viên đã có tài khoản; không xóa.'));
  await writeWithAudit(ctx, actor, async (db) => {
    await repo.deleteTeamMember(db, memberId);
    return {
      value: undefined,
      audit: { action: 'team.remove', entity: 'team_member', entityId: memberId, data: member },
    };
  });
  return getTeam(ctx, actor, member.election_id);
}

export interface IssuedAccount {
  readonly memberId: string;
  readonly fullName: string;
  readonly username: string;
  /** Shown once; only its hash is stored. */
  readonly password: string;
}

function usernameFor(fullName: string, electionId: string, n: number): string {
  const base = foldForSearch(fullName)
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
  return `tbc.${base}.${electionId.slice(0, 4)}${n > 0 ? n : ''}`.slice(0, 60);
}

/** Accounts for the team members (not witnesses) who have none, role teamMember, scope this election. */
export async function createTeamAccounts(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
): Promise<Result<IssuedAccount[]>> {
  const loaded = await loadElection(ctx, actor, electionId, 'write');
  if (!loaded.ok) return loaded;
  const db = ctx.store.db;
  const team = await getTeam(ctx, actor, electionId);
  if (!team.ok) return team;
  if (!team.value.composition.eligible) {
    const r = team.value.composition.refusals[0]!;
    return err(ruleFailure('team-invalid', r.rule, r.citation, `Chưa cấp tài khoản: ${r.message}`, 'team'));
  }
  const members = (await repo.listTeam(db, electionId)).filter(
    (m) => m.role !== 'witness' && m.user_id === null,
  );
  const taken = new Set((await usersRepo.listUsers(db)).map((u) => u.username));
  const issued: (IssuedAccount & { userId: string; hash: string })[] = [];
  for (const m of members) {
    let n = 0;
    while (taken.has(usernameFor(m.full_name, electionId, n))) n++;
    const username = usernameFor(m.full_name, electionId, n);
    taken.add(username);
    const password = randomBytes(9).toString('base64url');
    issued.push({
      memberId: m.id,
      fullName: m.full_name,
      username,
      password,
      userId: randomUUID(),
      hash: await hashPassword(password),
    });
  }
  await writeWithAudit(ctx, actor, async (trx) => {
    for (const a of issued) {
      await usersRepo.insertUser(trx, {
        id: a.userId,
        username: a.username,
        displayName: a.fullName,
        passwordHash: a.hash,
        role: 'teamMember',
        scopeKind: 'election',
        scopeId: electionId,
        disabled: false,
        createdAt: ctx.now().toISOString(),
      });
      await repo.setTeamMemberUser(trx, a.memberId, a.userId);
    }
    return {
      value: undefined,
      audit: {
        action: 'team.accounts',
        entity: 'election',
        entityId: electionId,
        data: issued.map((a) => ({ memberId: a.memberId, username: a.username })),
      },
    };
  });
  return ok(
    issued.map(({ memberId, fullName, username, password }) => ({ memberId, fullName, username, password })),
  );
}
