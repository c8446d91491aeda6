import { createHash, randomUUID } from 'node:crypto';
import { FORMS } from '../../documents/forms';
import type { AnyForm } from '../../documents/forms';
import { renderDocx } from '../../documents/render-docx';
import { renderIssuedPdf, renderPdf } from '../../documents/render-pdf';
import type { DocumentModel } from '../../documents/model';
import {
  fillDocxTemplate,
  templateData,
  templateFieldNames,
  templatePlaceholders,
} from '../../documents/template-fill';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { formTemplates as repo } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { failures } from '../common';
import { canManageCommune, canRead, placeOfCommune } from '../common';
import type { IssuedFiles, PdfStamp, RenderedFiles } from './document-registry';

export interface FormEntry {
  readonly id: string;
  readonly title: string;
  /** Placeholders a commune template may use ("#list(col, ...)" for repeated table rows). */
  readonly fields: readonly string[];
  readonly template: {
    readonly fileName: string;
    readonly sha256: string;
    readonly uploadedAt: string;
  } | null;
}

const MAX_TEMPLATE_BYTES = 5 * 1024 * 1024;

function findForm(formId: string): AnyForm | undefined {
  return FORMS.find((f) => f.id === formId);
}

async function checkAccess(
  ctx: ServiceContext,
  actor: Actor,
  communeId: string,
  write: boolean,
): Promise<Result<null>> {
  const place = await placeOfCommune(ctx.store.db, communeId);
  if (!place) return err(failures.notFound('xã/phường này'));
  const allowed = write ? canManageCommune(actor, place) : await canRead(ctx.store.db, actor, place);
  if (!allowed)
    return err(
      failures.forbidden(write ? 'thay mẫu văn bản của xã/phường này' : 'xem mẫu văn bản của xã/phường này'),
    );
  return ok(null);
}

/** Every form with the fields its templates may use and the commune's own template, if any. */
export async function catalogue(
  ctx: ServiceContext,
  actor: Actor,
  communeId: string,
): Promise<Result<FormEntry[]>> {
  const access = await checkAccess(ctx, actor, communeId, false);
  if (!access.ok) return access;
  const templates = await repo.activeTemplates(ctx.store.db, communeId);
  return ok(
    FORMS.map((f) => {
      const t = templates.find((x) => x.form_id === f.id);
      return {
        id: f.id,
        title: f.title,
        fields: templateFieldNames(f.sample()),
        template: t ? { fileName: t.file_name, sha256: t.sha256, uploadedAt: t.uploaded_at } : null,
      };
    }),
  );
}

type Template = Awaited<ReturnType<typeof repo.activeTemplate>>;

/** The DOCX: the commune's own template filled from the data, else the built-in wording. */
async function docxOf(template: Template, model: DocumentModel, data: unknown): Promise<Buffer> {
  if (!template) return renderDocx(model);
  const filled = await fillDocxTemplate(template.docx, templateData(data));
  // A template was checked on upload; if it no longer fills, fall back to the built-in wording.
  return filled.ok ? filled.value.docx : renderDocx(model);
}

/**
 * Loads the commune's wording for a form once and returns a renderer from data to both files as
 * issued: the DOCX uses the commune's own template when it has one (placeholders filled from the
 * same data), the PDF always the built-in layout with the verification stamp. Get the renderer
 * BEFORE `issueDocument`: its render callback runs inside the registry's transaction, and on
 * SQLite's single connection a read through the store there would wait for that transaction forever.
 */
export async function formRenderer(
  ctx: ServiceContext,
  communeId: string,
  form: AnyForm,
): Promise<(data: unknown, stamp: PdfStamp) => Promise<IssuedFiles>> {
  const template = await repo.activeTemplate(ctx.store.db, communeId, form.id);
  return async (data, stamp) => {
    const model = form.build(data);
    return { pdf: renderIssuedPdf(model, stamp), docx: await docxOf(template, model, data) };
  };
}

/** A form's data rendered as a preview, with the commune's wording and no verification stamp. */
async function previewForm(
  ctx: ServiceContext,
  communeId: string,
  form: AnyForm,
  data: unknown,
): Promise<RenderedFiles> {
  const template = await repo.activeTemplate(ctx.store.db, communeId, form.id);
  const model = form.build(data);
  return { pdf: renderPdf(model), docx: await docxOf(template, model, data) };
}

/** A form filled with its sample data (Phường 2, seed 000): to preview the layout or a template. */
export async function sampleFile(
  ctx: ServiceContext,
  actor: Actor,
  communeId: string,
  formId: string,
  format: 'pdf' | 'docx',
): Promise<Result<{ bytes: Buffer; fileName: string }>> {
  const access = await checkAccess(ctx, actor, communeId, false);
  if (!access.ok) return access;
  const form = findForm(formId);
  if (!form) return err(failures.notFound(`mẫu văn bản "${formId}"`));
  const files = await previewForm(ctx, communeId, form, form.sample());
  return ok({ bytes: files[format], fileName: `mau-${form.id}.${format}` });
}

/** Checks and stores a commune's DOCX template for a form. Unknown placeholders are refused. */
export async function uploadTemplate(
  ctx: ServiceContext,
  actor: Actor,
  communeId: string,
  formId: string,
  upload: { fileName: string; bytes: Buffer },
): Promise<Result<{ fields: string[]; placeholders: string[] }>> {
  const access = await checkAccess(ctx, actor, communeId, true);
  if (!access.ok) return access;
  const form = findForm(formId);
  if (!form) return err(failures.notFound(`mẫu văn bản "${formId}"`));
  if (upload.bytes.length === 0 || upload.bytes.length > MAX_TEMPLATE_BYTES) {
    return err(failures.invalid('file', 'Tệp mẫu phải là tệp .docx, không rỗng và không quá 5 MB.'));
  }
  const trial = await fillDocxTemplate(upload.bytes, templateData(form.sample()));
  if (!trial.ok) return err(failures.invalid('file', trial.error.message));
  if (trial.value.unknownPlaceholders.length > 0) {
    const fields = templateFieldNames(form.sample()).join(', ');
    return err(
      failures.invalid(
        'file',
        `Tệp mẫu dùng trường không có trong biểu mẫu: ${trial.value.unknownPlaceholders.map((p) => `{{${p}}}`).join(', ')}. Các trường dùng được: ${fields}.`,
      ),
    );
  }
  const placeholders = await templatePlaceholders(upload.bytes);
  const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
  const fileName =
    upload.fileName
      .normalize('NFC')
      .replace(/[^\p{L}\p{N} ._-]/gu, '_')
      .slice(0, 120) || 'mau.docx';
  await writeWithAudit(ctx, actor, async (db) => {
    const at = ctx.now().toISOString();
    await repo.removeTemplates(db, communeId, formId, at);
    const id = randomUUID();
    await repo.insertTemplate(db, {
      id,
      commune_id: communeId,
      form_id: formId,
      file_name: fileName,
      docx: upload.bytes,
      sha256,
      uploaded_at: at,
      uploaded_by: actor.userId,
      removed_at: null,
    });
    return {
      value: undefined,
      audit: {
        action: 'formTemplate.upload',
        entity: 'formTemplate',
        entityId: id,
        data: { communeId, formId, fileName, sha256 },
      },
    };
  });
  return ok({ fields: templateFieldNames(form.sample()), placeholders });
}

/** Goes back to the built-in wording; the old template stays in the database for the record. */
export async function removeTemplate(
  ctx: ServiceContext,
  actor: Actor,
  communeId: string,
  formId: string,
): Promise<Result<{ removed: number }>> {
  const access = await checkAccess(ctx, actor, communeId, true);
  if (!access.ok) return access;
  const removed = await writeWithAudit(ctx, actor, async (db) => {
    const n = await repo.removeTemplates(db, communeId, formId, ctx.now().toISOString());
    return {
      value: n,
      audit: {
        action: 'formTemplate.remove',
        entity: 'formTemplate',
        entityId: null,
        data: { communeId, formId },
      },
    };
  });
  return ok({ removed });
}
