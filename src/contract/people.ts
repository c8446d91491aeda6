/** A hamlet's people: residents, households and their representatives, the residents import. */
import type { FailureCode } from '../domain/result';
import { endpoint, fileAnswer, fileUpload, MIME } from './endpoint';
import { count, id, idParams, text, z } from './zod';

const tags = ['people'];

export const sex = z.enum(['male', 'female']);
export const residence = z.enum(['permanent', 'temporary']);
export const legalCapacity = z.enum(['full', 'restricted', 'none']);
export const residentStatus = z.enum(['active', 'deceased', 'moved']);
export const relation = z.enum(['head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'other']);

/** The fields a spreadsheet column may feed (the residents template's columns). */
export const residentField = z.enum([
  'householdCode',
  'fullName',
  'birthDate',
  'sex',
  'personalId',
  'relation',
  'residence',
  'legalCapacity',
  'residentGroup',
  'address',
]);
export type ResidentField = z.infer<typeof residentField>;

export const residentItem = z.object({
  id: z.string(),
  householdId: z.string(),
  householdCode: z.string(),
  fullName: z.string(),
  sex,
  birthDate: z.string(),
  personalId: z.string().nullable(),
  relation: z.string(),
  residence,
  /** The residence is an import's default (the list did not say), to be verified. */
  residenceAssumed: z.boolean(),
  legalCapacity,
  status: residentStatus,
  residentGroup: z.string().nullable(),
  address: z.string(),
});
export type ResidentItem = z.infer<typeof residentItem>;

export const residentEvent = z.object({
  id: z.string(),
  residentId: z.string(),
  kind: z.enum(['created', 'edited', 'moved', 'deceased', 'movedAway', 'imported']),
  effectiveOn: z.string().nullable(),
  reason: z.string().nullable(),
  data: z.unknown(),
  at: z.string(),
  by: z.string().nullable(),
});

export const residentDetail = z.object({
  /** `version` goes back with an edit (optimistic concurrency). */
  resident: residentItem.extend({ hamletId: z.string(), version: z.number().int() }),
  history: z.array(residentEvent),
  canManage: z.boolean(),
});
export type ResidentDetail = z.infer<typeof residentDetail>;

export const residentPage = z.object({ total: count, items: z.array(residentItem) });
export type ResidentPage = z.infer<typeof residentPage>;

/**
 * What an officer types about a person. The service checks each value and answers with a message
 * naming the field (a relation or a date it does not know), so the schema only bounds the sizes.
 */
export const residentInput = z.object({
  fullName: text(200),
  birthDate: text(10),
  sex,
  personalId: text(20).nullish(),
  relation: text(20),
  residence,
  legalCapacity: legalCapacity.optional(),
});

export const newResidentInput = residentInput.extend({
  householdId: id.optional(),
  newHousehold: z
    .object({ code: text(40), address: text(300).default(''), residentGroupId: id.nullish() })
    .optional(),
});
export type NewResidentInput = z.infer<typeof newResidentInput>;

export const editResidentInput = residentInput.extend({
  reason: text(500).optional(),
  version: z.number().int().min(1).optional(),
});
export type EditResidentInput = z.infer<typeof editResidentInput>;

export const moveResidentInput = z.object({
  householdId: id,
  relation: text(20),
  reason: text(500),
  effectiveOn: text(10).optional(),
  version: z.number().int().min(1).optional(),
});
export type MoveResidentInput = z.infer<typeof moveResidentInput>;

export const departureInput = z.object({
  kind: z.enum(['deceased', 'moved']),
  effectiveOn: text(10),
  reason: text(500).optional(),
  version: z.number().int().min(1).optional(),
});
export type DepartureInput = z.infer<typeof departureInput>;

export const representativeView = z.object({
  residentId: z.string().nullable(),
  source: z.enum(['chosen', 'defaultHead', 'none']),
  reason: z.string().nullable(),
  nominatedByMembers: z.boolean(),
  verdict: z.object({ eligible: z.boolean(), messages: z.array(z.string()) }),
  /** Plain explanation of the rule (profile value and citation). */
  rule: z.string(),
});

export const householdDetail = z.object({
  household: z.object({
    id: z.string(),
    hamletId: z.string(),
    code: z.string(),
    address: z.string(),
    residentGroupId: z.string().nullable(),
    residentGroup: z.string().nullable(),
  }),
  members: z.array(
    residentItem.extend({ age: z.number().int(), qualifies: z.boolean(), reasons: z.array(z.string()) }),
  ),
  representative: representativeView,
  profileId: z.string(),
  canManage: z.boolean(),
});
export type HouseholdDetail = z.infer<typeof householdDetail>;

export const representativeInput = z.object({
  residentId: id,
  reason: text(500).optional(),
  nominatedByMembers: z.boolean().optional(),
});
export type RepresentativeInput = z.infer<typeof representativeInput>;

/** The officer's column mapping, sent as JSON in the query string: {"0": "fullName", "3": null}. */
const mapping = z
  .string()
  .max(2000)
  .transform((s, c) => {
    let value: unknown;
    try {
      value = JSON.parse(s);
    } catch {
      c.addIssue({ code: 'custom', message: 'Cách ghép cột không đọc được (không phải JSON).' });
      return z.NEVER;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      c.addIssue({ code: 'custom', message: 'Cách ghép cột không hợp lệ.' });
      return z.NEVER;
    }
    const out: Record<number, ResidentField | null> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const field = residentField.safeParse(v);
      if (!/^\d{1,3}$/.test(k) || (v !== null && !field.success)) {
        c.addIssue({
          code: 'custom',
          message: `Cột ${k}: trường '${JSON.stringify(v)}' không có trong tệp mẫu.`,
        });
        return z.NEVER;
      }
      out[Number(k)] = field.success ? field.data : null;
    }
    return out;
  });

export const importQuery = z.object({
  confirm: z.stringbool().optional(),
  mapping: mapping.optional(),
  layout: z.enum(['residents', 'households']).optional(),
  /** The residence of everyone the file does not say (no column, or a blank cell). */
  residenceDefault: residence.optional(),
  fileName: text(255).optional(),
  /** The preview being confirmed (its previewId): the rows it validated are written as they are. */
  previewId: id.optional(),
});

const previewRow = z.object({
  line: z.number().int(),
  householdCode: z.string(),
  fullName: z.string(),
  birthDate: z.string(),
});

export const residentImportPreview = z.object({
  fileSha256: z.string(),
  /** Send it back with confirm=true to write what this preview showed (null: nothing to confirm). */
  previewId: z.string().nullable(),
  layout: z.enum(['residents', 'households']),
  headers: z.array(z.string()),
  /** The field each column feeds (null: ignored), after automatic recognition and the officer's mapping. */
  columns: z.array(residentField.nullable()),
  fields: z.array(z.object({ field: residentField, header: z.string(), required: z.boolean() })),
  /** Required fields no column feeds: the officer must map them before anything is validated. */
  missing: z.array(residentField),
  rows: count,
  accepted: count,
  rejected: z.array(
    z.object({
      row: z.number().int(),
      field: z.union([residentField, z.literal('row')]),
      message: z.string(),
    }),
  ),
  converted: z.string().nullable(),
  toAdd: z.array(previewRow),
  toAddCount: count,
  toChange: z.array(
    previewRow.extend({
      id: z.string(),
      changes: z.array(
        z.object({
          field: residentField,
          label: z.string(),
          before: z.string().nullable(),
          after: z.string().nullable(),
        }),
      ),
    }),
  ),
  toChangeCount: count,
  unchanged: count,
  notInFile: count,
  newHouseholds: count,
  newGroups: z.array(z.string()),
  /**
   * The residence given to people the file does not say: whether the file has the column at all, the
   * default in force (the officer may change it for the whole file) and how many accepted rows got it.
   */
  residenceDefault: z.object({
    columnPresent: z.boolean(),
    value: residence,
    assumed: count,
  }),
  /** After a confirmed import: what was written. */
  batchId: z.string().nullable().optional(),
  added: count.optional(),
  changed: count.optional(),
});
export type ResidentImportPreview = z.infer<typeof residentImportPreview>;

/** What reading an uploaded spreadsheet may refuse. */
export const tabularFailures: FailureCode[] = [
  'tabular.empty',
  'tabular.tooLarge',
  'tabular.xls',
  'tabular.notTabular',
  'tabular.malformed',
  'tabular.sheetNotFound',
  'import.missingColumns',
];

export const residentsTemplate = endpoint({
  method: 'GET',
  path: '/api/residents/template',
  summary: 'The residents spreadsheet template (XLSX, Vietnamese headers)',
  tags,
  access: 'read',
  response: fileAnswer(MIME.xlsx),
  errors: [],
});

export const importResidents = endpoint({
  method: 'POST',
  path: '/api/hamlets/:id/residents/import',
  summary:
    "Import a hamlet's residents from an XLSX or CSV file (the raw file as the body): preview, or write all accepted rows in one transaction when confirm=true",
  tags,
  access: 'write',
  params: idParams,
  query: importQuery,
  body: fileUpload(MIME.xlsx, MIME.csv, MIME.octet),
  response: residentImportPreview,
  errors: [...tabularFailures, 'conflict'],
});
export type ImportQuery = z.infer<typeof importResidents.query>;

export const searchResidents = endpoint({
  method: 'GET',
  path: '/api/hamlets/:id/residents',
  summary: 'Residents of a hamlet; q searches names without diacritics ("nguyen" finds "Nguyễn")',
  tags,
  access: 'read',
  params: idParams,
  query: z.object({
    q: text(100).optional(),
    status: residentStatus.optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
    offset: z.coerce.number().int().min(0).optional(),
  }),
  response: residentPage,
  errors: [],
});
export type ResidentSearch = z.infer<typeof searchResidents.query>;

export const addResident = endpoint({
  method: 'POST',
  path: '/api/hamlets/:id/residents',
  summary: 'Add a resident to a household of the hamlet (or to a new household)',
  tags,
  access: 'write',
  params: idParams,
  body: newResidentInput,
  response: z.object({ id: z.string(), householdId: z.string() }),
  status: 201,
  errors: ['conflict'],
});

export const getResident = endpoint({
  method: 'GET',
  path: '/api/residents/:id',
  summary: 'A resident with their history of changes',
  tags,
  access: 'read',
  params: idParams,
  response: residentDetail,
  errors: [],
});

export const editResident = endpoint({
  method: 'POST',
  path: '/api/residents/:id',
  summary: "Correct a resident's details (reason required; kept in the history)",
  tags,
  access: 'write',
  params: idParams,
  body: editResidentInput,
  response: z.object({ changed: z.array(z.string()) }),
  errors: ['conflict'],
});

export const moveResident = endpoint({
  method: 'POST',
  path: '/api/residents/:id/move',
  summary: 'Move a resident to another household of the same hamlet',
  tags,
  access: 'write',
  params: idParams,
  body: moveResidentInput,
  response: z.object({ householdId: z.string() }),
  errors: ['conflict'],
});

export const markDeparture = endpoint({
  method: 'POST',
  path: '/api/residents/:id/departure',
  summary: 'Record a death or a move away (the resident stays in the history)',
  tags,
  access: 'write',
  params: idParams,
  body: departureInput,
  response: z.object({ status: z.string() }),
  errors: ['conflict'],
});

export const getHousehold = endpoint({
  method: 'GET',
  path: '/api/households/:id',
  summary: 'A household, its members and its representative with the rule checked and explained',
  tags,
  access: 'read',
  params: idParams,
  response: householdDetail,
  errors: [],
});

export const chooseRepresentative = endpoint({
  method: 'POST',
  path: '/api/households/:id/representative',
  summary: "Choose the household's representative (reason needed when not the head)",
  tags,
  access: 'write',
  params: idParams,
  body: representativeInput,
  response: representativeView,
  errors: ['rule-refused', 'conflict'],
});

/** A page of a hamlet's households. */
export const householdPage = z.object({
  total: count,
  items: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      address: z.string(),
      residentGroup: z.string().nullable(),
      headName: z.string().nullable(),
      members: count,
    }),
  ),
});
export type HouseholdPage = z.infer<typeof householdPage>;

/** The households of a hamlet, a page at a time (the hamlet's page and the people pages list them). */
export const listHouseholds = endpoint({
  method: 'GET',
  path: '/api/hamlets/:id/households',
  summary: 'Households of a hamlet, a page at a time',
  tags,
  access: 'read',
  params: idParams,
  query: z.object({
    limit: z.coerce.number().int().min(1).max(500).optional(),
    offset: z.coerce.number().int().min(0).optional(),
  }),
  response: householdPage,
  errors: [],
});
