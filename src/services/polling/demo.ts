/**
 * Brings a demo-ward election to polling day so the count can be tried (and tested end to end)
 * without walking the whole preparation by hand: two official candidates, an election team, a
 * posted roll of household representatives, the steps up to "polling", and a second team account.
 * Only for the demo ward; everything it adds is marked as demo data in the election's history.
 */
import { hamletInText } from '../../domain/territory';
import { randomUUID } from 'node:crypto';
import { demoWard } from '../../demo';
import { vietnamDate } from '../../domain/calendar';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import type { ElectionState } from '../../domain/election';
import { ELECTION_STATES } from '../../domain/election';
import {
  elections as electionsRepo,
  pollingDemo as demoRepo,
  preparationPlan as planRepo,
  rolls as rollRepo,
} from '../../store';
import type { Db } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { failures } from '../common';
import { canManageCommune, placeOfHamlet } from '../common';
import { postedRoll } from './roll-entries';
import { snapshotEntries } from '../roll';
import { vnToday } from '../common';
import { createUser } from '../auth';
import { recordBallots } from './ballots';

export const SECOND_TEAM_ACCOUNT = 'tobaucu2.kp1';
const DEMO_PASSWORD = 'baucoso2024';
const NOTE = 'Dữ liệu mẫu: chuẩn bị sẵn để thử bỏ phiếu và kiểm phiếu.';

type Person = demoRepo.AdultRow;

async function adults(db: Db, hamletId: string): Promise<Person[]> {
  return demoRepo.activeResidents(db, hamletId);
}

/** One representative per household: the head when there is one, else the oldest member. */
function representatives(people: readonly Person[]): Person[] {
  const byHousehold = new Map<string, Person>();
  for (const p of people) {
    const cur = byHousehold.get(p.household_id);
    if (!cur || (p.relation === 'head' && cur.relation !== 'head')) byHousehold.set(p.household_id, p);
  }
  return [...byHousehold.values()];
}

async function addCandidates(db: Db, electionId: string, position: string, reps: Person[], at: string) {
  const existing = await demoRepo.officialNominationIds(db, electionId, position);
  if (existing.length > 0) return reps;
  const picked = reps.filter((p) => p.birth_date <= '1990-01-01').slice(0, 2);
  for (const [i, p] of picked.entries()) {
    await demoRepo.insertNomination(db, {
      id: randomUUID(),
      election_id: electionId,
      position,
      resident_id: p.id,
      source: 'frontCommittee',
      nominated_on: vietnamDate(at),
      education: '12/12',
      occupation: 'Hưu trí',
      eligibility: '[]',
      exception_reason: null,
      drafted: 1,
      approved: 1,
      official: 1,
      ballot_order: i + 1,
      withdrawn: 0,
      created_at: at,
    });
  }
  return reps.filter((r) => !picked.includes(r));
}

async function addTeam(db: Db, electionId: string, others: Person[], at: string) {
  const has = await demoRepo.teamMemberIds(db, electionId);
  if (has.length > 0) return;
  const roles = ['leader', 'secretary', 'member', 'member', 'member', 'witness', 'witness'];
  const users = await demoRepo.usersOfScope(db, electionId);
  for (const [i, role] of roles.entries()) {
    const p = others[i * 7];
    if (!p) break;
    const user =
      i < 2 ? users.find((u) => u.username === (i === 0 ? 'tobaucu.kp1' : SECOND_TEAM_ACCOUNT)) : undefined;
    await demoRepo.insertTeamMember(db, {
      id: randomUUID(),
      election_id: electionId,
      resident_id: p.id,
      full_name: p.full_name,
      sex: p.sex,
      represents: i === 0 ? 'Ban công tác Mặt trận' : 'Đại diện hộ gia đình',
      role,
      front_head: i === 0 ? 1 : 0,
      front_member: i === 0 ? 1 : 0,
      user_id: user?.id ?? null,
      created_at: at,
    });
  }
}

async function postRoll(
  db: Db,
  electionId: string,
  hamletId: string,
  reps: Person[],
  day: string,
  at: string,
) {
  if (await postedRoll(db, electionId)) return;
  // A roll the commune drafted for this election is posted as it stands (its own entries and
  // numbers), so that the button works whatever state the roll page left.
  const draft = await rollRepo.getRollOfElection(db, electionId);
  if (draft) {
    const listed = snapshotEntries(await rollRepo.listEntries(db, draft.id));
    if (listed.length === 0) {
      await rollRepo.deleteEntries(db, draft.id);
      await rollRepo.insertEntries(db, entriesOf(draft.id, reps));
    }
    await rollRepo.updateRoll(db, draft.id, { state: 'posted' });
    await snapshot(db, draft.id, listed.length > 0 ? listed : snapshotOf(reps), day, at);
    return;
  }
  const rollId = randomUUID();
  await rollRepo.insertRoll(db, {
    id: rollId,
    election_id: electionId,
    hamlet_id: hamletId,
    electorate: 'householdRepresentatives',
    reference_date: day,
    state: 'posted',
    built_at: at,
    built_by: null,
  });
  // The roll's entries too, so the roll page, the exports and the polling-day pack show the people.
  await rollRepo.insertEntries(db, entriesOf(rollId, reps));
  await snapshot(db, rollId, snapshotOf(reps), day, at);
}

function entriesOf(rollId: string, reps: readonly Person[]) {
  return reps.map((p, i) => ({
    id: randomUUID(),
    roll_id: rollId,
    roll_number: i + 1,
    resident_id: p.id,
    household_id: p.household_id,
    full_name: p.full_name,
    birth_date: p.birth_date,
    sex: p.sex,
    address: p.address,
    resident_group: p.group,
    status: 'listed',
    reasons: '[]',
    amendment_id: null,
  }));
}

function snapshotOf(reps: readonly Person[]) {
  return reps.map((p, i) => ({
    rollNumber: i + 1,
    residentId: p.id,
    householdId: p.household_id,
    fullName: p.full_name,
    residentGroup: p.group,
  }));
}

async function snapshot(db: Db, rollId: string, entries: readonly object[], day: string, at: string) {
  await rollRepo.insertSnapshot(db, {
    id: randomUUID(),
    roll_id: rollId,
    number: 1,
    posted_on: day,
    registered: entries.length,
    entries: JSON.stringify(entries),
    user_id: null,
    at,
    kind: 'posted',
    amendment_seq: null,
  });
}

async function walkToPolling(
  db: Db,
  electionId: string,
  from: string,
  day: string,
  userId: string,
  at: string,
) {
  const target = ELECTION_STATES.indexOf('polling');
  const start = ELECTION_STATES.indexOf(from as ElectionState);
  if (start < 0 || start >= target) return;
  const history = await planRepo.listStateChanges(db, electionId);
  let seq = history[history.length - 1]?.seq ?? 0;
  for (let i = start; i < target; i++) {
    seq++;
    await planRepo.insertStateChange(db, {
      id: randomUUID(),
      election_id: electionId,
      seq,
      from_state: ELECTION_STATES[i] as string,
      to_state: ELECTION_STATES[i + 1] as string,
      on_date: day,
      step_id: null,
      due: null,
      override_id: null,
      note: NOTE,
      recorded_by: userId,
      recorded_at: at,
    });
  }
  await planRepo.setElectionState(db, electionId, 'polling');
}

export async function prepareDemoPolling(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  options: { readonly onToday?: boolean } = {},
): Promise<Result<{ electionId: string; registered: number; teamAccounts: string[] }>> {
  const db = ctx.store.db;
  const election = await planRepo.getPlannedElection(db, electionId);
  if (!election) return err(failures.notFound('cuộc bầu cử này'));
  const place = await placeOfHamlet(db, election.hamletId);
  if (!place || !canManageCommune(actor, place))
    return err(failures.forbidden('chuẩn bị dữ liệu mẫu cho cuộc bầu cử này'));
  if (place.communeId !== demoWard.communeCode)
    return err(failures.invalid('electionId', 'Chỉ chuẩn bị dữ liệu mẫu cho phường mẫu.'));
  if (!(await demoRepo.userIdByUsername(db, SECOND_TEAM_ACCOUNT))) {
    const made = await createUser(ctx, null, {
      username: SECOND_TEAM_ACCOUNT,
      displayName: 'Trần Thị Mai',
      role: 'teamMember',
      scopeId: electionId,
      password: DEMO_PASSWORD,
    });
    if (!made.ok) return made;
  }
  // Trying polling day live needs polling day to be today (Vietnam time): demo data only.
  const day = options.onToday ? vnToday(ctx) : (election.electionDate ?? vnToday(ctx));
  const at = ctx.now().toISOString();
  const registered = await writeWithAudit(ctx, actor, async (trx) => {
    if (options.onToday && day !== election.electionDate)
      await demoRepo.setElectionDate(trx, electionId, day);
    if (!election.venue?.trim())
      await demoRepo.setElectionVenue(trx, electionId, `Nhà văn hóa ${hamletInText(election.hamletName)}`);
    const reps = representatives(await adults(trx, election.hamletId));
    const rest = await addCandidates(trx, electionId, election.position, reps, at);
    await addTeam(trx, electionId, rest, at);
    await postRoll(trx, electionId, election.hamletId, reps, day, at);
    await walkToPolling(trx, electionId, election.state, day, actor.userId, at);
    const roll = await postedRoll(trx, electionId);
    return {
      value: roll?.registered ?? 0,
      audit: { action: 'polling.demo', entity: 'election', entityId: electionId, data: { note: NOTE } },
    };
  });
  return ok({ electionId, registered, teamAccounts: ['tobaucu.kp1', SECOND_TEAM_ACCOUNT] });
}

/** The demo team's accounts, moved to each new trial election. */
export const DEMO_TEAM_ACCOUNTS = ['tobaucu.kp1', SECOND_TEAM_ACCOUNT] as const;
/** Ballots the commune hands the trial team: one per voter on the roll and a few spare. */
const SPARE_BALLOTS = 10;

/**
 * A trial election of a demo-ward hamlet dated today (Vietnam time), ready for polling day: a new
 * election each time, so that it works whatever earlier trials left (a draft roll, a closed count);
 * the demo team accounts move to it; candidates, team, posted roll and the ballots received as in
 * `prepareDemoPolling`. Only for the demo ward, by its commune officers.
 */
export async function startDemoPollingDay(
  ctx: ServiceContext,
  actor: Actor,
  hamletId: string,
): Promise<Result<{ electionId: string; electionDate: string; registered: number; teamAccounts: string[] }>> {
  const db = ctx.store.db;
  const place = await placeOfHamlet(db, hamletId);
  if (!place) return err(failures.notFound('khu phố, thôn này'));
  if (!canManageCommune(actor, place))
    return err(failures.forbidden('tạo cuộc bầu thử cho khu phố, thôn này'));
  if (place.communeId !== demoWard.communeCode)
    return err(failures.invalid('hamletId', 'Chỉ tạo cuộc bầu thử cho các khu phố của phường mẫu.'));
  const day = vnToday(ctx);
  const electionId = randomUUID();
  const at = ctx.now().toISOString();
  const term =
    (await demoRepo.latestTermOfHamlet(db, hamletId)) ?? `${day.slice(0, 4)}-${Number(day.slice(0, 4)) + 5}`;
  await writeWithAudit(ctx, actor, async (trx) => {
    await electionsRepo.insertElection(trx, {
      id: electionId,
      hamletId,
      position: 'head',
      termLabel: term,
      profileId: 'nd59-2023',
      electionDate: day,
      state: 'planned',
      round: 1,
      createdAt: at,
    });
    for (const username of DEMO_TEAM_ACCOUNTS) {
      const user = await demoRepo.userIdByUsername(trx, username);
      if (user) await demoRepo.setUserScope(trx, user.id, electionId);
    }
    return {
      value: undefined,
      audit: {
        action: 'polling.demo.election',
        entity: 'election',
        entityId: electionId,
        data: { hamletId, electionDate: day, teamAccounts: [...DEMO_TEAM_ACCOUNTS], note: NOTE },
      },
    };
  });
  const prepared = await prepareDemoPolling(ctx, actor, electionId);
  if (!prepared.ok) return prepared;
  const ballots = await recordBallots(ctx, actor, electionId, {
    position: 'head',
    kind: 'received',
    quantity: prepared.value.registered + SPARE_BALLOTS,
  });
  if (!ballots.ok) return ballots;
  return ok({ ...prepared.value, electionDate: day });
}
