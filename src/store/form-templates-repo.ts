import type { Db } from './database';
import type { FormTemplateTable } from './schema';

export type FormTemplateInfo = Omit<FormTemplateTable, 'docx'>;

const info = [
  'id',
  'commune_id',
  'form_id',
  'file_name',
  'sha256',
  'uploaded_at',
  'uploaded_by',
  'removed_at',
] as const;

/** The template in use for a form in a commune: the latest one not removed. */
export async function activeTemplate(
  db: Db,
  communeId: string,
  formId: string,
): Promise<FormTemplateTable | undefined> {
  return db
    .selectFrom('form_templates')
    .selectAll()
    .where('commune_id', '=', communeId)
    .where('form_id', '=', formId)
    .where('removed_at', 'is', null)
    .orderBy('uploaded_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function activeTemplates(db: Db, communeId: string): Promise<FormTemplateInfo[]> {
  return db
    .selectFrom('form_templates')
    .select(info)
    .where('commune_id', '=', communeId)
    .where('removed_at', 'is', null)
    .orderBy('uploaded_at', 'desc')
    .execute();
}

export async function insertTemplate(db: Db, row: FormTemplateTable): Promise<void> {
  await db.insertInto('form_templates').values(row).execute();
}

export async function removeTemplates(
  db: Db,
  communeId: string,
  formId: string,
  at: string,
): Promise<number> {
  const result = await db
    .updateTable('form_templates')
    .set({ removed_at: at })
    .where('commune_id', '=', communeId)
    .where('form_id', '=', formId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
