/**
 * A generated population for a hamlet that has none yet: what a scenario (and a training session)
 * uses instead of an imported household register. Same generator as the demo ward.
 */
import { randomUUID } from 'node:crypto';
import { generateHouseholds } from '../../demo';
import { isBirthProvinceCode } from '../../domain/people/province-codes';
import { foldForSearch } from '../../domain/people';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { households as householdsRepo, territory as territoryRepo } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { failures } from '../common';
import { canManageCommune, placeOfHamlet } from '../common';
import { vnToday } from '../common';

export interface PopulationInput {
  readonly households: number;
  readonly seed: number;
  /** 3-digit personal-ID code of the province most residents were born in ('045' Quảng Trị). */
  readonly birthProvinceCode?: string;
  readonly residentGroups?: readonly string[];
}

export async function generatePopulation(
  ctx: ServiceContext,
  actor: Actor,
  hamletId: string,
  input: PopulationInput,
): Promise<Result<{ households: number; residents: number }>> {
  const db = ctx.store.db;
  const place = await placeOfHamlet(db, hamletId);
  if (!place) return err(failures.notFound('thôn, tổ dân phố này'));
  if (!canManageCommune(actor, place)) return err(failures.forbidden('tạo dân cư cho thôn, tổ dân phố này'));
  if (!Number.isInteger(input.households) || input.households < 1 || input.households > 5000)
    return err(failures.invalid('households', 'Số hộ phải từ 1 đến 5000.'));
  if ((await householdsRepo.countHouseholds(db, hamletId)) > 0)
    return err(failures.conflict('hamletId', 'Thôn, tổ dân phố này đã có hộ gia đình.'));
  const hamlet = await territoryRepo.getHamlet(db, hamletId);
  const province = input.birthProvinceCode ?? '045';
  if (!isBirthProvinceCode(province))
    return err(failures.invalid('birthProvinceCode', 'Mã tỉnh không hợp lệ.'));
  const groups = input.residentGroups ?? [];
  const generated = generateHouseholds({
    seed: input.seed,
    households: input.households,
    codePrefix: `H${hamletId.slice(0, 4).toUpperCase()}`,
    birthProvinceCode: province,
    referenceDate: vnToday(ctx),
    residentGroups: groups,
  });
  const at = ctx.now().toISOString();
  let residents = 0;
  await writeWithAudit(ctx, actor, async (trx) => {
    const groupIds = new Map<string, string>();
    const existing = await territoryRepo.listResidentGroups(trx, hamletId);
    for (const g of existing) groupIds.set(g.name, g.id);
    for (const name of groups) {
      if (groupIds.has(name)) continue;
      const id = randomUUID();
      groupIds.set(name, id);
      await territoryRepo.insertResidentGroup(trx, { id, hamletId, name, createdAt: at });
    }
    await householdsRepo.insertHouseholds(
      trx,
      hamletId,
      generated.map((h) => ({
        id: randomUUID(),
        code: h.code,
        address: h.address,
        residentGroupId: h.residentGroup ? (groupIds.get(h.residentGroup) ?? null) : null,
        members: h.members.map((m) => {
          residents++;
          return {
            id: randomUUID(),
            fullName: m.fullName,
            searchName: foldForSearch(m.fullName),
            sex: m.sex,
            birthDate: m.birthDate,
            // Generated IDs are not unique across separately seeded populations: leave them out.
            personalId: null,
            relation: m.relation,
            residence: m.residence,
            legalCapacity: m.legalCapacity,
          };
        }),
      })),
      at,
    );
    return {
      value: undefined,
      audit: {
        action: 'population.generate',
        entity: 'hamlet',
        entityId: hamletId,
        data: { ...input, name: hamlet?.name },
      },
    };
  });
  return ok({ households: generated.length, residents });
}
