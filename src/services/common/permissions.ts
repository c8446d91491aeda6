import { elections as electionsRepo, territory as territoryRepo } from '../../store';
import type { Db } from '../../store';
import type { Actor } from './actor';

/** Where a record sits in the territory: what every permission decision is made against. */
export interface Place {
  readonly provinceCode: string;
  readonly communeId: string;
  readonly hamletId?: string;
}

export async function placeOfCommune(db: Db, communeId: string): Promise<Place | undefined> {
  const c = await territoryRepo.communePlace(db, communeId);
  return c ? { provinceCode: c.province_code, communeId: c.id } : undefined;
}

export async function placeOfHamlet(db: Db, hamletId: string): Promise<Place | undefined> {
  const h = await territoryRepo.hamletPlace(db, hamletId);
  return h ? { provinceCode: h.provinceCode, communeId: h.communeId, hamletId: h.id } : undefined;
}

/**
 * Whether a hamlet reached through an id of a request body (a resident's, a household's) lies in the
 * commune of the record the request acts on. Bodies are never trusted beyond that commune: a resident
 * of another commune is answered as unknown, so the answer tells nothing about them.
 */
export async function hamletInCommune(db: Db, hamletId: string, communeId: string): Promise<boolean> {
  return (await placeOfHamlet(db, hamletId))?.communeId === communeId;
}

/**
 * Whether the actor may see personal ID numbers. An election team works the polling table, which
 * identifies voters by roll number, name and card, never by ID number (the posted roll leaves it out).
 */
export function seesPersonalIds(actor: Actor): boolean {
  return actor.scope.kind !== 'election';
}

/** A copy without personal ID numbers, at any depth (records, histories' before/after data). */
export function withoutPersonalIds<T>(value: T): T {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v === null || typeof v !== 'object') return v;
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [k, k === 'personalId' || k === 'personal_id' ? null : strip(x)]),
    );
  };
  return strip(value) as T;
}

/** The hamlet of the election a team member is scoped to. */
async function teamHamlet(db: Db, actor: Actor): Promise<string | undefined> {
  if (actor.scope.kind !== 'election') return undefined;
  return electionsRepo.hamletOfElection(db, actor.scope.id);
}

/** Read access: the actor's scope contains the place. */
export async function canRead(db: Db, actor: Actor, place: Place): Promise<boolean> {
  switch (actor.scope.kind) {
    case 'all':
      return true;
    case 'province':
      return actor.scope.id === place.provinceCode;
    case 'commune':
      return actor.scope.id === place.communeId;
    case 'election':
      return place.hamletId !== undefined && (await teamHamlet(db, actor)) === place.hamletId;
  }
}

/**
 * Write access to the territory and people of a commune: its officers (UBND, UBMTTQ) and the
 * administrator. Province viewers never write; team members write only through polling-day actions.
 */
export function canManageCommune(actor: Actor, place: Place): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role !== 'communeOfficer' && actor.role !== 'frontOfficer') return false;
  return actor.scope.kind === 'commune' && actor.scope.id === place.communeId;
}

/**
 * Polling-day data of one election (attendance, papers, the count): that election's own team members,
 * the commune's officers and the administrator. Another election's team member is refused.
 */
export function canWritePolling(actor: Actor, place: Place, electionId: string): boolean {
  if (canManageCommune(actor, place)) return true;
  return actor.role === 'teamMember' && actor.scope.kind === 'election' && actor.scope.id === electionId;
}
