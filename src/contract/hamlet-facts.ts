/**
 * Dated facts of a hamlet (classification, registered households) and what follows from them
 * (deputies allowed, the head's allowance, the interim limit); the province's allowance table; the
 * commendations and discipline of office-holders; the pre-2025 communes a commune was merged from.
 */
import { endpoint, fileUpload, MIME } from './endpoint';
import { removalKind } from './removal';
import { count, id, idParams, text, z } from './zod';

const tags = ['hamlet-facts'];

const short = text(200).nullish();
const money = z.number().int().min(0).max(1_000_000_000).nullish();
const date = text(10);

/** Number, date and issuing body: all three or none (the service says which one is missing). */
const decision = z.object({
  decisionNumber: short,
  decisionDate: date.nullish(),
  decisionBody: short,
});

export const factKind = z.enum(['classification', 'households']);

export const factInput = decision.extend({
  fact: factKind,
  value: text(20),
  effectiveFrom: date,
  note: text(1000).nullish(),
});
export type FactInput = z.infer<typeof factInput>;

export const factView = z.object({
  id: z.string(),
  fact: z.string(),
  value: z.string(),
  effectiveFrom: z.string(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  decisionBody: z.string().nullable(),
  note: z.string().nullable(),
  recordedAt: z.string(),
});
export type FactView = z.infer<typeof factView>;

export const rateInput = z.object({
  classification: text(2).nullish(),
  /** As written: "1,5" or "1.25"; or null when the decision states an amount. */
  coefficient: text(10).nullish(),
  amountVnd: money,
  baseSalaryVnd: money,
  effectiveFrom: date,
  decisionNumber: text(200),
  decisionDate: date,
  decisionBody: text(200),
  note: text(1000).nullish(),
});
export type RateInput = z.infer<typeof rateInput>;

export const rateView = z.object({
  id: z.string(),
  provinceCode: z.string(),
  hamletId: z.string().nullable(),
  classification: z.string().nullable(),
  coefficientMilli: z.number().int().nullable(),
  amountVnd: z.number().int().nullable(),
  baseSalaryVnd: z.number().int().nullable(),
  /** The monthly amount the decision gives: its amount, or coefficient × base salary. */
  monthlyVnd: z.number().nullable(),
  effectiveFrom: z.string(),
  decisionNumber: z.string(),
  decisionDate: z.string(),
  decisionBody: z.string(),
  note: z.string().nullable(),
  recordedAt: z.string(),
});
export type RateView = z.infer<typeof rateView>;

export const hamletFacts = z.object({
  hamletId: z.string(),
  hamletName: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  on: z.string(),
  profile: z.object({ id: z.string(), title: z.string() }),
  classification: factView.nullable(),
  households: z.object({
    registered: factView.nullable(),
    /** Households in the households table today. */
    computed: count,
    /** The number that decides the deputies: the registered count when one is in force. */
    used: count,
    usedSource: z.enum(['registered', 'computed']),
  }),
  deputies: z.object({ allowed: count, rule: z.string(), citation: z.string(), confidence: z.string() }),
  allowance: z.object({
    current: rateView.nullable(),
    /** Which table the current rate came from. */
    scope: z.enum(['hamlet', 'classification', 'province']).nullable(),
    history: z.array(rateView),
    basis: z.string(),
  }),
  interim: z
    .object({
      termId: z.string(),
      holderName: z.string(),
      startOn: z.string(),
      limit: z.string().nullable(),
      maxMonths: z.number().int().nullable(),
      newElectionBy: z.string().nullable(),
      daysRemaining: z.number().int().nullable(),
      state: z.enum(['running', 'near', 'overdue', 'noLimit']),
      citation: z.string(),
      note: z.string().nullable(),
      confidence: z.string(),
    })
    .nullable(),
  interimRule: z.object({
    maxMonths: z.number().int().nullable(),
    citation: z.string(),
    note: z.string().nullable(),
    confidence: z.string(),
  }),
  history: z.array(factView),
  canEdit: z.boolean(),
  /** Province-wide and class rates bind every commune: the administrator records them. */
  canEditProvince: z.boolean(),
  provinceCode: z.string(),
});
export type HamletFacts = z.infer<typeof hamletFacts>;

export const recordKind = z.enum(['commendation', 'discipline']);

export const officeRecordInput = z.object({
  form: text(32),
  decidedOn: date,
  decisionNumber: text(200),
  decisionBody: text(200),
  /** What it was for: the achievement or the violation. */
  content: text(2000),
});
export type OfficeRecordInput = z.infer<typeof officeRecordInput>;

export const officeRecordView = z.object({
  id: z.string(),
  termId: z.string(),
  hamletId: z.string(),
  holderName: z.string(),
  positionTitle: z.string(),
  kind: recordKind,
  form: z.string(),
  formLabel: z.string(),
  citation: z.string(),
  decidedOn: z.string(),
  decisionNumber: z.string(),
  decisionBody: z.string(),
  content: z.string(),
  /** For dismissal and recall: the removal procedure that carries it out, and its case once open. */
  removal: z
    .object({
      kind: removalKind,
      caseId: z.string().nullable(),
      state: z.string().nullable(),
      note: z.string().nullable(),
    })
    .nullable(),
});
export type OfficeRecordView = z.infer<typeof officeRecordView>;

export const lineageView = z.object({
  oldCommune: z.string(),
  oldDistrict: z.string().nullable(),
  effectiveOn: z.string(),
  decisionNumber: z.string(),
  decisionDate: z.string(),
  decisionBody: z.string(),
  hamletIds: z.array(z.string()),
});
export type LineageView = z.infer<typeof lineageView>;

export const lineageOutcome = z.object({
  rows: count,
  written: z.boolean(),
  preview: z.array(
    z.object({
      oldCommune: z.string(),
      oldDistrict: z.string(),
      successor: z.string(),
      effectiveOn: z.string(),
    }),
  ),
});

export const getHamletFacts = endpoint({
  method: 'GET',
  path: '/api/hamlets/:id/facts',
  summary:
    'Facts of a hamlet on a day: classification, households, deputies allowed, allowance, interim limit',
  tags,
  access: 'read',
  params: idParams,
  query: z.object({ on: date.optional(), profileId: id.optional() }),
  response: hamletFacts,
  errors: ['unknown-profile'],
});

export const recordHamletFact = endpoint({
  method: 'POST',
  path: '/api/hamlets/:id/facts',
  summary: 'Record a dated fact of a hamlet (a new record; the earlier ones stay as history)',
  tags,
  access: 'write',
  params: idParams,
  body: factInput,
  response: factView,
  status: 201,
  errors: [],
});

export const recordHamletRate = endpoint({
  method: 'POST',
  path: '/api/hamlets/:id/allowance-rates',
  summary: "Record a decision on one hamlet head's monthly allowance",
  tags,
  access: 'write',
  params: idParams,
  body: rateInput.extend({ provinceCode: text(8) }),
  response: rateView,
  status: 201,
  errors: [],
});

export const listAllowanceRates = endpoint({
  method: 'GET',
  path: '/api/provinces/:id/allowance-rates',
  summary: "The province's table of hamlet heads' allowances",
  tags,
  access: 'read',
  params: idParams,
  response: z.array(rateView),
  errors: [],
});

export const recordProvinceRate = endpoint({
  method: 'POST',
  path: '/api/provinces/:id/allowance-rates',
  summary: "Record a province's decision on hamlet heads' allowances (all hamlets or one class)",
  tags,
  access: 'admin',
  params: idParams,
  body: rateInput,
  response: rateView,
  status: 201,
  errors: [],
});

export const listOfficeRecords = endpoint({
  method: 'GET',
  path: '/api/communes/:id/office-records',
  summary: "Commendations and disciplinary records of the commune's office-holders",
  tags,
  access: 'read',
  params: idParams,
  response: z.array(officeRecordView),
  errors: [],
});

export const recordOfficeRecord = endpoint({
  method: 'POST',
  path: '/api/office-terms/:id/records',
  summary: 'Record a commendation or a disciplinary decision against an office term',
  tags,
  access: 'write',
  params: idParams,
  body: officeRecordInput,
  response: z.object({ id: z.string() }),
  status: 201,
  errors: [],
});

export const listLineage = endpoint({
  method: 'GET',
  path: '/api/communes/:id/lineage',
  summary: 'The pre-2025 communes merged into this commune',
  tags,
  access: 'read',
  params: idParams,
  response: z.array(lineageView),
  errors: [],
});

export const importLineage = endpoint({
  method: 'POST',
  path: '/api/admin/commune-lineage/import',
  summary:
    'Import the lineage of communes (CSV or XLSX, raw body); preview unless confirm=true; all rows or none',
  tags,
  access: 'admin',
  query: z.object({ confirm: z.stringbool().optional() }),
  body: fileUpload(MIME.csv, MIME.xlsx, MIME.octet),
  response: lineageOutcome,
  errors: [
    'tabular.empty',
    'tabular.tooLarge',
    'tabular.xls',
    'tabular.notTabular',
    'tabular.malformed',
    'tabular.sheetNotFound',
    'import.missingColumns',
  ],
});
