/** The hamlet register over time: changes, the moves they made, establishment dossiers (0014). */
import type { Insertable, Selectable } from 'kysely';
import type { Db } from './database';
import type {
  HamletChangeMoveTable,
  HamletChangeTable,
  HamletEstablishmentItemTable,
  HamletEstablishmentTable,
} from './register-schema';

export type ChangeRow = Selectable<HamletChangeTable>;
export type MoveRow = Selectable<HamletChangeMoveTable>;
export type EstablishmentRow = Selectable<HamletEstablishmentTable>;
export type ItemRow = Selectable<HamletEstablishmentItemTable>;

export async function insertChange(db: Db, row: Insertable<HamletChangeTable>): Promise<void> {
  await db.insertInto('hamlet_changes').values(row).execute();
}

/** Changes of a commune in the order they took effect. */
export async function listChanges(db: Db, communeId: string): Promise<ChangeRow[]> {
  return db
    .selectFrom('hamlet_changes')
    .selectAll()
    .where('commune_id', '=', communeId)
    .orderBy('effective_on')
    .orderBy('recorded_at')
    .execute();
}

export async function insertMoves(db: Db, rows: readonly Insertable<HamletChangeMoveTable>[]): Promise<void> {
  // Chunks keep each statement under SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 50) {
    await db
      .insertInto('hamlet_change_moves')
      .values(rows.slice(i, i + 50))
      .execute();
  }
}

export async function listMoves(
  db: Db,
  communeId: string,
  subject: 'household' | 'group',
): Promise<MoveRow[]> {
  return db
    .selectFrom('hamlet_change_moves as m')
    .innerJoin('hamlet_changes as c', 'c.id', 'm.change_id')
    .selectAll('m')
    .where('c.commune_id', '=', communeId)
    .where('m.subject', '=', subject)
    .orderBy('m.effective_on')
    .orderBy('m.seq')
    .execute();
}

export async function nextMoveSeq(db: Db): Promise<number> {
  const row = await db
    .selectFrom('hamlet_change_moves')
    .select((eb) => eb.fn.max('seq').as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}

export interface HamletAnyRow {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly dissolvedOn: string | null;
}

/** Every hamlet of the commune, dissolved ones included: the history needs them all. */
export async function listAllHamlets(db: Db, communeId: string): Promise<HamletAnyRow[]> {
  return db
    .selectFrom('hamlets')
    .select(['id', 'name', 'kind', 'dissolved_on as dissolvedOn'])
    .where('commune_id', '=', communeId)
    .execute();
}

export async function renameHamlet(db: Db, id: string, name: string): Promise<void> {
  await db.updateTable('hamlets').set({ name }).where('id', '=', id).execute();
}

export async function dissolveHamlet(db: Db, id: string, on: string): Promise<void> {
  await db.updateTable('hamlets').set({ dissolved_on: on }).where('id', '=', id).execute();
}

export async function householdsOfCommune(db: Db, communeId: string) {
  return db
    .selectFrom('households as hh')
    .innerJoin('hamlets as h', 'h.id', 'hh.hamlet_id')
    .select(['hh.id', 'hh.hamlet_id as hamletId', 'hh.resident_group_id as groupId'])
    .where('h.commune_id', '=', communeId)
    .execute();
}

export async function householdsOf(db: Db, hamletIds: readonly string[]) {
  if (hamletIds.length === 0) return [];
  return db
    .selectFrom('households')
    .select(['id', 'code', 'address', 'hamlet_id as hamletId', 'resident_group_id as groupId'])
    .where('hamlet_id', 'in', [...hamletIds])
    .orderBy('code')
    .execute();
}

export async function countResidentsOf(db: Db, householdIds: readonly string[]): Promise<number> {
  let n = 0;
  for (let i = 0; i < householdIds.length; i += 500) {
    const row = await db
      .selectFrom('residents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('household_id', 'in', householdIds.slice(i, i + 500))
      .where('status', '=', 'active')
      .executeTakeFirst();
    n += Number(row?.n ?? 0);
  }
  return n;
}

export async function groupsOf(db: Db, hamletIds: readonly string[]) {
  if (hamletIds.length === 0) return [];
  return db
    .selectFrom('resident_groups')
    .select(['id', 'name', 'hamlet_id as hamletId'])
    .where('hamlet_id', 'in', [...hamletIds])
    .execute();
}

export async function moveHouseholds(
  db: Db,
  ids: readonly string[],
  toHamletId: string,
  groupOf: (id: string) => string | null,
): Promise<void> {
  for (const id of ids) {
    await db
      .updateTable('households')
      .set({ hamlet_id: toHamletId, resident_group_id: groupOf(id) })
      .where('id', '=', id)
      .execute();
  }
}

export async function moveGroup(db: Db, id: string, toHamletId: string, name: string): Promise<void> {
  await db.updateTable('resident_groups').set({ hamlet_id: toHamletId, name }).where('id', '=', id).execute();
}

export async function electionsOf(db: Db, hamletIds: readonly string[]) {
  if (hamletIds.length === 0) return [];
  return db
    .selectFrom('elections')
    .select([
      'id',
      'hamlet_id as hamletId',
      'position',
      'term_label as termLabel',
      'state',
      'election_date as electionDate',
    ])
    .where('hamlet_id', 'in', [...hamletIds])
    .execute();
}

export async function moveElection(db: Db, id: string, toHamletId: string): Promise<void> {
  await db.updateTable('elections').set({ hamlet_id: toHamletId }).where('id', '=', id).execute();
}

export async function rollOf(db: Db, electionId: string) {
  return db
    .selectFrom('voter_rolls')
    .select(['id', 'state'])
    .where('election_id', '=', electionId)
    .executeTakeFirst();
}

/** A draft roll follows its election and loses its entries: it must be built again before posting. */
export async function resetDraftRoll(db: Db, rollId: string, toHamletId: string): Promise<void> {
  await db.deleteFrom('voter_roll_entries').where('roll_id', '=', rollId).execute();
  await db.updateTable('voter_rolls').set({ hamlet_id: toHamletId }).where('id', '=', rollId).execute();
}

export async function moveGroupTerms(db: Db, groupId: string, toHamletId: string): Promise<void> {
  await db
    .updateTable('office_terms')
    .set({ hamlet_id: toHamletId })
    .where('resident_group_id', '=', groupId)
    .where('ended_on', 'is', null)
    .execute();
}

export async function documentsOf(db: Db, hamletIds: readonly string[]) {
  if (hamletIds.length === 0) return [];
  return db
    .selectFrom('documents')
    .select([
      'id',
      'title',
      'hamlet_id as hamletId',
      'number',
      'symbol',
      'year',
      'version',
      'document_date as date',
    ])
    .where('hamlet_id', 'in', [...hamletIds])
    .orderBy('issued_at')
    .execute();
}

export async function insertEstablishment(db: Db, row: Insertable<HamletEstablishmentTable>): Promise<void> {
  await db.insertInto('hamlet_establishments').values(row).execute();
}

export async function getEstablishment(db: Db, id: string): Promise<EstablishmentRow | undefined> {
  return db.selectFrom('hamlet_establishments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listEstablishments(db: Db, communeId: string): Promise<EstablishmentRow[]> {
  return db
    .selectFrom('hamlet_establishments')
    .selectAll()
    .where('commune_id', '=', communeId)
    .orderBy('created_at')
    .execute();
}

export async function setEstablishmentDecided(db: Db, id: string, hamletId: string): Promise<void> {
  await db
    .updateTable('hamlet_establishments')
    .set({ state: 'decided', hamlet_id: hamletId })
    .where('id', '=', id)
    .execute();
}

/** Items without their file bytes. */
export async function listItems(db: Db, establishmentId: string) {
  return db
    .selectFrom('hamlet_establishment_items')
    .select([
      'id',
      'item_key as key',
      'number',
      'doc_date as date',
      'issuing_body as issuingBody',
      'file_name as fileName',
      'sha256',
      'recorded_at as recordedAt',
    ])
    .where('establishment_id', '=', establishmentId)
    .execute();
}

export async function getItemFile(db: Db, itemId: string) {
  return db
    .selectFrom('hamlet_establishment_items')
    .select([
      'id',
      'establishment_id as establishmentId',
      'file_name as fileName',
      'content_type as contentType',
      'bytes',
      'sha256',
    ])
    .where('id', '=', itemId)
    .executeTakeFirst();
}

/** Records an item, replacing an earlier record of the same item (a correction). */
export async function upsertItem(db: Db, row: Insertable<HamletEstablishmentItemTable>): Promise<void> {
  await db
    .deleteFrom('hamlet_establishment_items')
    .where('establishment_id', '=', row.establishment_id)
    .where('item_key', '=', row.item_key)
    .execute();
  await db.insertInto('hamlet_establishment_items').values(row).execute();
}

/** Stores the scanned document of a recorded checklist item, with its hash. */
export async function setItemFile(
  db: Db,
  itemId: string,
  file: { fileName: string; contentType: string; bytes: Buffer; sha256: string },
): Promise<void> {
  await db
    .updateTable('hamlet_establishment_items')
    .set({ file_name: file.fileName, content_type: file.contentType, bytes: file.bytes, sha256: file.sha256 })
    .where('id', '=', itemId)
    .execute();
}
