import type { Db } from './database';
import type { DocumentTable } from './schema';

/**
 * Takes the next number for an issuing body, year and symbol. Runs inside the issuing transaction:
 * the UPDATE locks the counter row (PostgreSQL) or the database (SQLite), so two officers never get
 * the same number.
 */
export async function nextNumber(db: Db, issuerKey: string, year: number, symbol: string): Promise<number> {
  await db
    .insertInto('document_counters')
    .values({ issuer_key: issuerKey, year, symbol, last_number: 0 })
    .onConflict((oc) => oc.columns(['issuer_key', 'year', 'symbol']).doNothing())
    .execute();
  await db
    .updateTable('document_counters')
    .set((eb) => ({ last_number: eb('last_number', '+', 1) }))
    .where('issuer_key', '=', issuerKey)
    .where('year', '=', year)
    .where('symbol', '=', symbol)
    .execute();
  const row = await db
    .selectFrom('document_counters')
    .select('last_number')
    .where('issuer_key', '=', issuerKey)
    .where('year', '=', year)
    .where('symbol', '=', symbol)
    .executeTakeFirstOrThrow();
  return Number(row.last_number);
}

export async function insertDocument(db: Db, row: DocumentTable): Promise<void> {
  await db.insertInto('documents').values(row).execute();
}

export type DocumentInfo = Omit<DocumentTable, 'docx' | 'pdf' | 'data'>;

const infoColumns = [
  'id',
  'form_id',
  'title',
  'issuer_key',
  'year',
  'number',
  'symbol',
  'commune_id',
  'hamlet_id',
  'election_id',
  'docx_sha256',
  'pdf_sha256',
  'version',
  'replaces_id',
  'issued_at',
  'issued_by',
  'document_date',
  'verification_code',
  'chain_seq',
] as const;

export async function getDocumentInfo(db: Db, id: string): Promise<DocumentInfo | undefined> {
  return db.selectFrom('documents').select(infoColumns).where('id', '=', id).executeTakeFirst();
}

export async function getDocumentData(db: Db, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('documents').select('data').where('id', '=', id).executeTakeFirst();
  return row?.data;
}

export async function getDocumentFile(
  db: Db,
  id: string,
  format: 'docx' | 'pdf',
): Promise<{ bytes: Buffer; sha256: string } | undefined> {
  const row = await db
    .selectFrom('documents')
    .select(['docx', 'pdf', 'docx_sha256', 'pdf_sha256'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return format === 'docx'
    ? { bytes: row.docx, sha256: row.docx_sha256 }
    : { bytes: row.pdf, sha256: row.pdf_sha256 };
}

export async function listDocuments(
  db: Db,
  filter: { communeId?: string; hamletId?: string; electionId?: string },
): Promise<DocumentInfo[]> {
  let q = db.selectFrom('documents').select(infoColumns).orderBy('issued_at', 'desc');
  if (filter.communeId) q = q.where('commune_id', '=', filter.communeId);
  if (filter.hamletId) q = q.where('hamlet_id', '=', filter.hamletId);
  if (filter.electionId) q = q.where('election_id', '=', filter.electionId);
  return q.limit(500).execute();
}

/** Documents that a newer version replaces. */
export async function isReplaced(db: Db, id: string): Promise<boolean> {
  const row = await db.selectFrom('documents').select('id').where('replaces_id', '=', id).executeTakeFirst();
  return row !== undefined;
}

/** The issued document a verification code names, with its commune's and hamlet's names. */
export async function findByVerificationCode(db: Db, code: string) {
  return db
    .selectFrom('documents as d')
    .leftJoin('communes as c', 'c.id', 'd.commune_id')
    .leftJoin('hamlets as h', 'h.id', 'd.hamlet_id')
    .select([
      'd.id',
      'd.title',
      'd.number',
      'd.symbol',
      'd.document_date',
      'd.pdf_sha256',
      'd.chain_seq',
      'd.verification_code',
      'c.name as commune',
      'h.name as hamlet',
    ])
    .where('d.verification_code', '=', code)
    .executeTakeFirst();
}
