/**
 * After the vote: the office-holders register, its import, interim heads, deputies, and the
 * commune's recognition of reported elections (recognise, order a re-election, or reply).
 */
import type { FailureCode } from '../domain/result';
import { resultMismatch } from './count';
import { documentInfo } from './documents';
import { MIME, endpoint, fileUpload } from './endpoint';
import { civilDate, id, idParams, z } from './zod';

const tags = ['office'] as const;

const optionalId = id.nullable().optional();
/** A short free text that may be left out or null (names, references). */
const note = z.string().max(500).nullable().optional();
/** Reasons and grounds, one per line as typed. */
export const reasonLines = z.array(z.string().max(1000)).max(50);

/** The commune chair's permission to record a step after its deadline. */
export const override = z
  .object({ authorisedBy: z.string().max(200), reason: z.string().max(1000) })
  .nullable()
  .optional();

/** An issued document: the documents contract has its one schema; office's callers import it from here too. */
export { documentInfo } from './documents';
export type { DocumentInfo } from './documents';

/** Codes a decision of the commune may give: profile, deadline, document registry. */
const decisionFailures = [
  'conflict',
  'unknown-profile',
  'profile-not-in-force',
  'term-not-allowed',
  'invalid-override',
  'override-incomplete',
  'invalid-transition',
  'due-passed',
  'deadline-passed',
  'integrity',
] as const satisfies readonly FailureCode[];

export const termView = z.object({
  id: z.string(),
  hamletId: z.string(),
  residentGroupId: z.string().nullable(),
  position: z.string(),
  positionTitle: z.string(),
  holderName: z.string(),
  residentId: z.string().nullable(),
  basis: z.string(),
  basisLabel: z.string(),
  electionId: z.string().nullable(),
  documentId: z.string().nullable(),
  decisionRef: z.string().nullable(),
  profileId: z.string(),
  termLabel: z.string().nullable(),
  startOn: z.string(),
  plannedEnd: z.string().nullable(),
  newElectionBy: z.string().nullable(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  endReasonLabel: z.string().nullable(),
  endRef: z.string().nullable(),
});
export type TermView = z.infer<typeof termView>;

export const officeAlert = z.object({
  kind: z.enum([
    'termEnding',
    'termOverdue',
    'interimNearLimit',
    'interimOverdue',
    'noHead',
    'tooManyDeputies',
  ]),
  hamletId: z.string(),
  hamletName: z.string(),
  termId: z.string().nullable(),
  due: z.string().nullable(),
  message: z.string(),
});
export type OfficeAlert = z.infer<typeof officeAlert>;

export const hamletOffices = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  households: z.number().int(),
  current: z.array(termView),
  history: z.array(termView),
  deputies: z.object({ allowed: z.number().int(), held: z.number().int(), citation: z.string() }),
});

export const register = z.object({
  communeId: z.string(),
  communeName: z.string(),
  today: z.string(),
  hamlets: z.array(hamletOffices),
  alerts: z.array(officeAlert),
  canManage: z.boolean(),
});
export type OfficeRegister = z.infer<typeof register>;

export const getRegister = endpoint({
  method: 'GET',
  path: '/api/communes/:id/office-register',
  summary:
    'Office-holders of every hamlet (current and history) with alerts: terms ending, interim limits, no head, deputies',
  tags,
  access: 'read',
  params: idParams,
  query: z.object({
    monthsAhead: z.coerce.number().int().min(0).max(120).optional(),
    interimWarnDays: z.coerce.number().int().min(0).max(366).optional(),
  }),
  response: register,
  errors: ['unknown-profile'],
});
export type RegisterQuery = z.infer<typeof getRegister.query>;

const importRow = z.object({
  row: z.number().int(),
  hamletId: z.string(),
  hamletName: z.string(),
  residentGroupId: z.string().nullable(),
  position: z.string(),
  positionTitle: z.string(),
  holderName: z.string(),
  basis: z.string(),
  startOn: z.string(),
  plannedEnd: z.string().nullable(),
  termLabel: z.string().nullable(),
  decisionRef: z.string().nullable(),
});

export const importPreview = z.object({
  rows: z.number().int(),
  toAdd: z.array(importRow),
  existing: z.array(z.object({ row: z.number().int(), message: z.string() })),
  rejected: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
  imported: z.number().int(),
});
export type OfficeImportPreview = z.infer<typeof importPreview>;

export const importHolders = endpoint({
  method: 'POST',
  path: '/api/communes/:id/office-holders/import',
  summary:
    'Import the current office-holders from an XLSX or CSV file (raw body); preview unless confirm=true',
  tags,
  access: 'write',
  params: idParams,
  query: z.object({
    confirm: z.stringbool().optional(),
    profileId: id.optional(),
    termMonths: z.coerce.number().int().min(1).max(120).optional(),
  }),
  body: fileUpload(MIME.xlsx, MIME.csv, MIME.octet),
  response: importPreview,
  errors: [
    'unknown-profile',
    'profile-not-in-force',
    'term-not-allowed',
    'integrity',
    'tabular.empty',
    'tabular.tooLarge',
    'tabular.xls',
    'tabular.notTabular',
    'tabular.malformed',
    'tabular.sheetNotFound',
    'import.missingColumns',
  ],
});
export type ImportOptions = z.infer<typeof importHolders.query>;

export const endTerm = endpoint({
  method: 'POST',
  path: '/api/office-terms/:id/end',
  summary: 'Record the end of a term (reason and reference)',
  tags,
  access: 'write',
  params: idParams,
  body: z.object({ on: civilDate, reason: z.string().max(32), ref: note }),
  response: termView,
  errors: ['conflict'],
});
export type EndInput = z.infer<typeof endTerm.body>;

export const hamletPeople = z.object({
  households: z.array(
    z.object({ id: z.string(), code: z.string(), address: z.string(), representative: z.string() }),
  ),
  adults: z.array(
    z.object({ id: z.string(), name: z.string(), birthDate: z.string(), householdCode: z.string() }),
  ),
});
export type HamletPeople = z.infer<typeof hamletPeople>;

export const getHamletPeople = endpoint({
  method: 'GET',
  path: '/api/hamlets/:id/office-people',
  summary: 'Households (with who signs for each) and adults of a hamlet, for petitions and appointments',
  tags,
  access: 'read',
  params: idParams,
  response: hamletPeople,
  errors: [],
});

/** A person appointed or recognised: a resident of the hamlet, or a name typed. */
const person = {
  residentId: optionalId,
  name: note,
  on: civilDate,
  signerName: note,
};

export const deputyOutcome = z.object({
  termId: z.string(),
  plannedEnd: z.string().nullable(),
  allowed: z.number().int(),
  document: documentInfo,
});

export const recogniseDeputy = endpoint({
  method: 'POST',
  path: '/api/hamlets/:id/deputies',
  summary:
    "Recognise the deputy chosen by the head (TT 14/2018); checks the number allowed by the hamlet's households",
  tags,
  access: 'write',
  params: idParams,
  body: z.object(person),
  response: deputyOutcome,
  status: 201,
  errors: [...decisionFailures, 'too-many-deputies', 'deputy-elected'],
});
export type DeputyInput = z.infer<typeof recogniseDeputy.body> & { readonly hamletId: string };

export const interimOutcome = z.object({
  termId: z.string(),
  plannedEnd: z.string().nullable(),
  newElectionBy: z.string().nullable(),
  document: documentInfo,
});

export const interimReason = z.enum(['vacancy', 'failedElection', 'removal']);
export type InterimReason = z.infer<typeof interimReason>;

export const appointInterim = endpoint({
  method: 'POST',
  path: '/api/hamlets/:id/interim',
  summary:
    'Appoint an interim head after a vacancy, a failed last round or a removal; tracks the new-election deadline',
  tags,
  access: 'write',
  params: idParams,
  body: z.object({
    ...person,
    reason: interimReason,
    electionId: optionalId,
    profileId: optionalId,
  }),
  response: interimOutcome,
  status: 201,
  errors: [...decisionFailures, 'interim-too-early', 'interim-not-candidate', 'count-result-mismatch'],
});
export type InterimInput = z.infer<typeof appointInterim.body> & {
  readonly hamletId: string;
  /** For a removal: the deadline the removal procedure sets, and the decision that removed the head. */
  readonly newElectionBy?: string | null;
  readonly basisText?: string | null;
};

const countOutcome = z.object({
  countId: z.string(),
  /** Recomputed from the papers; null when they no longer give a result. */
  kind: z.enum(['elected', 'rerun', 'interim']).nullable(),
  conclusion: z.string(),
  registered: z.number().int(),
  elected: z.array(z.object({ residentId: z.string(), name: z.string(), votes: z.number().int() })),
  /** The stored result differs from the papers: recognition is refused until it is cleared up. */
  mismatch: resultMismatch.nullable(),
});

export const inboxItem = z.object({
  electionId: z.string(),
  hamletId: z.string(),
  hamletName: z.string(),
  positionTitle: z.string(),
  /** The residents' self-managed group whose officer was elected; null for the hamlet's own. */
  groupName: z.string().nullable(),
  termLabel: z.string(),
  round: z.number().int(),
  electionDate: z.string().nullable(),
  profileId: z.string(),
  receivedOn: z.string().nullable(),
  due: z.string().nullable(),
  workingDaysLeft: z.number().int().nullable(),
  late: z.boolean(),
  citation: z.string(),
  rerunBy: z.string().nullable(),
  outcome: countOutcome.nullable(),
  replies: z.number().int(),
});
export type RecognitionItem = z.infer<typeof inboxItem>;

export const inbox = z.object({
  communeId: z.string(),
  communeName: z.string(),
  today: z.string(),
  items: z.array(inboxItem),
  canDecide: z.boolean(),
});
export type RecognitionInbox = z.infer<typeof inbox>;

export const recognitionInbox = endpoint({
  method: 'GET',
  path: '/api/communes/:id/recognitions',
  summary: "The commune's inbox of reported elections with the recognition due date (working days)",
  tags,
  access: 'read',
  params: idParams,
  response: inbox,
  errors: [],
});

export const recognitionDecision = z.enum(['recognise', 'rerun', 'reply']);
export type RecognitionDecision = z.infer<typeof recognitionDecision>;

export const decideRecognition = endpoint({
  method: 'POST',
  path: '/api/elections/:id/recognition',
  summary:
    'Decide on a reported election: recognise the person elected, order a re-election, or reply in writing',
  tags,
  access: 'write',
  params: idParams,
  body: z.object({
    decision: recognitionDecision,
    on: civilDate,
    signerName: note,
    termMonths: z.number().int().min(1).max(120).nullable().optional(),
    rerunDate: civilDate.nullable().optional(),
    rerunTime: z.string().max(5).nullable().optional(),
    rerunVenue: note,
    reasons: reasonLines.optional(),
    override,
  }),
  response: z.object({
    decisionId: z.string(),
    kind: recognitionDecision,
    due: z.string().nullable(),
    late: z.boolean(),
    document: documentInfo.nullable(),
    termId: z.string().nullable(),
    electionState: z.string(),
  }),
  errors: [
    ...decisionFailures,
    'no-one-elected',
    'rerun-exhausted',
    'rerun-too-late',
    'count-result-mismatch',
  ],
});
export type DecisionInput = z.infer<typeof decideRecognition.body>;
