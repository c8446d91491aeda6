/**
 * Documents: the official forms with the commune's own templates, the registry of issued documents
 * (numbered, stored byte for byte with their hashes), and the polling-day packs printed from them.
 */
import { MIME, endpoint, fileAnswer, fileUpload } from './endpoint';
import { id, idParams, z } from './zod';

const tags = ['documents'] as const;

/** An issued document as the registry describes it (without its files): one schema for every feature. */
export const documentInfo = z.object({
  id: z.string(),
  form_id: z.string(),
  title: z.string(),
  issuer_key: z.string(),
  year: z.number().int(),
  number: z.number().int().nullable(),
  symbol: z.string().nullable(),
  commune_id: z.string().nullable(),
  hamlet_id: z.string().nullable(),
  election_id: z.string().nullable(),
  docx_sha256: z.string(),
  pdf_sha256: z.string(),
  version: z.number().int(),
  replaces_id: z.string().nullable(),
  issued_at: z.string(),
  issued_by: z.string().nullable(),
  document_date: z.string().nullable(),
  /** The code printed on every page (XXXX-XXXX-XXXX), checked at /kiem-tra; null before codes existed. */
  verification_code: z.string().nullable(),
  /** The sequence number of the audit event that issued it. */
  chain_seq: z.number().int().nullable(),
});
export type DocumentInfo = z.infer<typeof documentInfo>;

/** The two files every issued document has. */
export const documentFormat = z.enum(['pdf', 'docx']);
export type DocumentFormat = z.infer<typeof documentFormat>;

export const formEntry = z.object({
  id: z.string(),
  title: z.string(),
  /** Placeholders a commune template may use ("#list(col, ...)" for repeated table rows). */
  fields: z.array(z.string()),
  template: z.object({ fileName: z.string(), sha256: z.string(), uploadedAt: z.string() }).nullable(),
});
export type FormEntry = z.infer<typeof formEntry>;

const formParams = z.object({ id, formId: id });

export const listForms = endpoint({
  method: 'GET',
  path: '/api/communes/:id/forms',
  summary: 'Every official form, its template fields and the commune’s own template',
  tags,
  access: 'read',
  params: idParams,
  response: z.array(formEntry),
  errors: [],
});

export const sampleFile = endpoint({
  method: 'GET',
  path: '/api/communes/:id/forms/:formId/sample/:format',
  summary: 'A form filled with its sample data (to preview the layout or the commune template)',
  tags,
  access: 'read',
  params: z.object({ id, formId: id, format: documentFormat }),
  response: fileAnswer(MIME.pdf, MIME.docx),
  errors: ['template-not-docx', 'template-has-macros'],
});

export const uploadTemplate = endpoint({
  method: 'POST',
  path: '/api/communes/:id/forms/:formId/template',
  summary: 'Upload the commune’s own DOCX wording for a form (raw .docx body; X-File-Name header)',
  tags,
  access: 'write',
  params: formParams,
  body: fileUpload(MIME.docx, MIME.octet),
  response: z.object({ fields: z.array(z.string()), placeholders: z.array(z.string()) }),
  status: 201,
  errors: [],
});

export const removeTemplate = endpoint({
  method: 'DELETE',
  path: '/api/communes/:id/forms/:formId/template',
  summary: 'Go back to the built-in wording of a form',
  tags,
  access: 'write',
  params: formParams,
  response: z.object({ removed: z.number().int() }),
  errors: [],
});

export const listDocuments = endpoint({
  method: 'GET',
  path: '/api/communes/:id/documents',
  summary: 'Documents issued in a commune (or one hamlet), newest first',
  tags,
  access: 'read',
  params: idParams,
  query: z.object({ hamletId: id.optional() }),
  response: z.array(documentInfo),
  errors: [],
});

export const electionPack = endpoint({
  method: 'GET',
  path: '/api/elections/:id/polling-pack.pdf',
  summary:
    'Everything the team prints for polling day in one PDF: roll, voter cards, ballots, rules, blank count record',
  tags,
  access: 'read',
  params: idParams,
  response: fileAnswer(MIME.pdf),
  errors: ['list-not-official', 'rule', 'unknown-profile'],
});

export const communePack = endpoint({
  method: 'GET',
  path: '/api/communes/:id/polling-pack.pdf',
  summary:
    'The polling-day packs of every ready hamlet of a commune in one PDF (X-Skipped-Hamlets lists the others)',
  tags,
  access: 'read',
  params: idParams,
  response: fileAnswer(MIME.pdf),
  errors: ['unknown-profile'],
});

export const downloadDocument = endpoint({
  method: 'GET',
  path: '/api/documents/:id/:format',
  summary: 'Download an issued document, byte for byte as issued (hash checked; X-Content-SHA256)',
  tags,
  access: 'read',
  params: z.object({ id, format: documentFormat }),
  response: fileAnswer(MIME.pdf, MIME.docx),
  errors: ['integrity'],
});
