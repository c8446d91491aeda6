import { randomUUID } from 'node:crypto';
import { demoWard, generateDemoWard } from '../../demo';
import type { DemoHousehold } from '../../demo';
import { foldForSearch } from '../../domain/people/names';
import {
  elections as electionsRepo,
  households as householdsRepo,
  territory as repo,
  users as usersRepo,
} from '../../store';
import type { Db } from '../../store';
import type { Role } from '../common';
import type { ServiceContext } from '../common';
import { vnToday } from '../common';
import { writeWithAudit } from '../common';
import { loadAdministrativeUnits } from '../territory';
import { createUser } from '../auth';

/** The password of every demo account: printed at start, meant for trying the product only. */
export const DEMO_PASSWORD = 'baucoso2024';

export interface DemoSummary {
  readonly created: boolean;
  readonly commune: { readonly id: string; readonly code: string; readonly name: string };
  readonly hamlets: ReadonlyArray<{
    readonly id: string;
    readonly name: string;
    readonly households: number;
  }>;
  readonly users: ReadonlyArray<{
    readonly username: string;
    readonly role: Role;
    readonly password: string;
  }>;
}

interface DemoAccount {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly scope: 'all' | 'province' | 'commune' | 'election';
}

const accounts: readonly DemoAccount[] = [
  { username: 'quantri', displayName: 'Quản trị hệ thống', role: 'admin', scope: 'all' },
  { username: 'ubnd.phuong2', displayName: 'Lê Thị Vũ Ngọc', role: 'communeOfficer', scope: 'commune' },
  { username: 'mttq.phuong2', displayName: 'Trần Văn Hòa', role: 'frontOfficer', scope: 'commune' },
  { username: 'tobaucu.kp1', displayName: 'Nguyễn Văn Lâm', role: 'teamMember', scope: 'election' },
  // The second reader of a double-entered count: the two lanes of a batch need two accounts.
  { username: 'tobaucu2.kp1', displayName: 'Trần Thị Mai', role: 'teamMember', scope: 'election' },
  { username: 'tinh.lamdong', displayName: 'Phạm Minh Châu', role: 'provinceViewer', scope: 'province' },
];

function residentsOf(h: DemoHousehold, groupIds: Map<string, string>): householdsRepo.NewHousehold {
  return {
    id: randomUUID(),
    code: h.code,
    address: h.address,
    residentGroupId: h.residentGroup ? (groupIds.get(h.residentGroup) ?? null) : null,
    members: h.members.map((m) => ({
      id: randomUUID(),
      fullName: m.fullName,
      searchName: foldForSearch(m.fullName),
      sex: m.sex,
      birthDate: m.birthDate,
      personalId: m.personalId,
      relation: m.relation,
      residence: m.residence,
      legalCapacity: m.legalCapacity,
    })),
  };
}

async function summary(db: Db, created: boolean): Promise<DemoSummary> {
  const commune = await repo.getCommune(db, demoWard.communeCode);
  const hamlets = await repo.listHamlets(db, demoWard.communeCode);
  const collator = new Intl.Collator('vi', { numeric: true });
  const existing = await usersRepo.listUsers(db);
  return {
    created,
    commune: { id: commune!.id, code: commune!.code, name: commune!.name },
    hamlets: hamlets
      .sort((a, b) => collator.compare(a.name, b.name))
      .map((h) => ({ id: h.id, name: h.name, households: h.households })),
    users: accounts
      .filter((a) => existing.some((u) => u.username === a.username))
      .map((a) => ({ username: a.username, role: a.role, password: DEMO_PASSWORD })),
  };
}

/** What the demo ward holds, or null when it was never loaded. */
export async function existingDemo(ctx: ServiceContext): Promise<DemoSummary | null> {
  const hamlets = await repo.listHamlets(ctx.store.db, demoWard.communeCode);
  return hamlets.length > 0 ? summary(ctx.store.db, false) : null;
}

/**
 * Loads the demo ward (Phường 2, five khu phố, synthetic households) and one account per role.
 * Idempotent: when the ward already has hamlets it changes nothing and reports what is there.
 */
export async function loadDemo(ctx: ServiceContext, options: { seed?: number } = {}): Promise<DemoSummary> {
  await loadAdministrativeUnits(ctx);
  const db = ctx.store.db;
  if ((await repo.listHamlets(db, demoWard.communeCode)).length > 0) return summary(db, false);
  const now = ctx.now();
  const at = now.toISOString();
  const population = generateDemoWard(vnToday(ctx), options.seed ?? 2024);
  let firstElection: string | null = null;
  await writeWithAudit(ctx, null, async (trx) => {
    for (const { hamlet, households } of population) {
      const hamletId = randomUUID();
      await repo.insertHamlet(trx, {
        id: hamletId,
        communeId: demoWard.communeCode,
        name: hamlet.name,
        kind: 'khu-pho',
        createdAt: at,
      });
      const groupIds = new Map<string, string>();
      for (const name of hamlet.residentGroups) {
        const id = randomUUID();
        groupIds.set(name, id);
        await repo.insertResidentGroup(trx, { id, hamletId, name, createdAt: at });
      }
      await householdsRepo.insertHouseholds(
        trx,
        hamletId,
        households.map((h) => residentsOf(h, groupIds)),
        at,
      );
      if (firstElection === null) {
        // Khu phố 1 gets the election of seed 000 (November 2024, term 2024-2027) so that the
        // election-team account has an election to be scoped to.
        firstElection = randomUUID();
        await electionsRepo.insertElection(trx, {
          id: firstElection,
          hamletId,
          position: 'head',
          termLabel: '2024-2027',
          profileId: 'nd59-2023',
          electionDate: '2024-11-17',
          state: 'planned',
          round: 1,
          createdAt: at,
        });
      }
    }
    return {
      value: undefined,
      audit: { action: 'demo.load', entity: 'commune', entityId: demoWard.communeCode },
    };
  });
  for (const a of accounts) {
    const scopeId = {
      all: null,
      province: demoWard.provinceCode,
      commune: demoWard.communeCode,
      election: firstElection,
    }[a.scope];
    const made = await createUser(ctx, null, { ...a, password: DEMO_PASSWORD, scopeId });
    if (!made.ok) throw new Error(`demo account ${a.username}: ${made.error.message}`);
  }
  return summary(db, true);
}
