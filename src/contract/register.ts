/**
 * The hamlet register over time: a commune's changes and former hamlets, the commune as it was on a
 * day, merges, splits, attachments, renames, dissolutions, and the dossiers of new hamlets.
 */
import { HAMLET_CHANGE_KINDS } from '../domain/territory/history';
import { endpoint, fileAnswer, fileUpload, MIME } from './endpoint';
import { civilDate, count, id, idParams, text, z } from './zod';

const tags = ['hamlet register'];

const ids = z.array(id).max(5000);
const note = text(500).nullish();

/**
 * The decision every change is recorded with. The service checks the dates against each other and
 * today (a message naming the field), so the dates here are only bounded.
 */
export const decisionInput = z.object({
  decisionNumber: text(100).nullish(),
  decisionDate: text(10).nullish(),
  issuingBody: note,
  effectiveOn: text(10),
  note,
});

export const changeKind = z.enum(HAMLET_CHANGE_KINDS);
const hamletRef = z.object({ id: z.string(), name: z.string() });

export const changeView = z.object({
  id: z.string(),
  kind: changeKind,
  kindLabel: z.string(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  issuingBody: z.string().nullable(),
  effectiveOn: z.string(),
  from: z.array(hamletRef),
  to: hamletRef.nullable(),
  summary: z.string(),
  data: z.record(z.string(), z.unknown()),
  note: z.string().nullable(),
  recordedAt: z.string(),
});
export type ChangeView = z.infer<typeof changeView>;

export const formerHamlet = z.object({
  id: z.string(),
  name: z.string(),
  kindLabel: z.string(),
  endedOn: z.string(),
  names: z.array(z.object({ name: z.string(), from: z.string().nullable() })),
  documents: z.array(z.object({ id: z.string(), title: z.string(), reference: z.string() })),
});
export type FormerHamlet = z.infer<typeof formerHamlet>;

export const historyView = z.object({
  communeId: z.string(),
  communeName: z.string(),
  today: z.string(),
  changes: z.array(changeView),
  former: z.array(formerHamlet),
  hamlets: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), kindLabel: z.string() })),
  canManage: z.boolean(),
});
export type HistoryView = z.infer<typeof historyView>;

export const hamletAsOf = z.object({
  id: z.string(),
  name: z.string(),
  kindLabel: z.string(),
  since: z.string().nullable(),
  /** The name today, or null when it no longer exists. */
  nameToday: z.string().nullable(),
  households: count,
  groups: z.array(z.string()),
  heads: z.array(
    z.object({
      holderName: z.string(),
      positionTitle: z.string(),
      basis: z.string(),
      startOn: z.string(),
      endedOn: z.string().nullable(),
    }),
  ),
});

export const asOfView = z.object({
  on: z.string(),
  communeName: z.string(),
  hamlets: z.array(hamletAsOf),
  households: count,
});
export type AsOfView = z.infer<typeof asOfView>;

export const mergeInput = decisionInput.extend({
  sourceIds: ids,
  /** An existing hamlet that survives, or the name and kind of a new one. */
  targetId: id.nullish(),
  newName: note,
  newKind: note,
  /** When two merged hamlets have an open election for the same position: the one kept. */
  keepElectionIds: ids.optional(),
});
export type MergeInput = z.infer<typeof mergeInput>;

export const electionPlan = z.object({
  id: z.string(),
  hamletId: z.string(),
  hamletName: z.string(),
  position: z.string(),
  positionTitle: z.string(),
  termLabel: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  /** move: goes to the surviving hamlet; stay: already there; stop: stays with its old hamlet. */
  action: z.enum(['move', 'stay', 'stop']),
  /** draftReset: its draft roll must be built again. */
  roll: z.enum(['none', 'draftReset', 'posted']),
});

export const mergePreview = z.object({
  effectiveOn: z.string(),
  target: z.object({
    id: z.string().nullable(),
    name: z.string(),
    kind: z.string(),
    isNew: z.boolean(),
    households: count,
  }),
  sources: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      households: count,
      residents: count,
      groups: z.array(z.object({ id: z.string(), name: z.string(), newName: z.string() })),
      endingTerms: z.array(
        z.object({ id: z.string(), holderName: z.string(), positionTitle: z.string(), startOn: z.string() }),
      ),
    }),
  ),
  elections: z.array(electionPlan),
  totals: z.object({ households: count, residents: count, groups: count, householdsAfter: count }),
  /** Reasons the merge cannot be applied as asked, each saying what to do. */
  problems: z.array(z.string()),
});
export type MergePreview = z.infer<typeof mergePreview>;

const selection = decisionInput.extend({
  sourceId: id,
  householdIds: ids.optional(),
  groupIds: ids.optional(),
});
export const splitInput = selection.extend({ newName: text(500), newKind: text(500) });
export type SplitInput = z.infer<typeof splitInput>;
export const attachInput = selection.extend({ targetId: id });
export type AttachInput = z.infer<typeof attachInput>;
export const renameInput = decisionInput.extend({ hamletId: id, newName: text(500) });
export type RenameInput = z.infer<typeof renameInput>;
export const dissolveInput = decisionInput.extend({ hamletId: id });
export type DissolveInput = z.infer<typeof dissolveInput>;

export const moveOutcome = z.object({
  changeId: z.string(),
  targetId: z.string(),
  households: count,
  groups: count,
  rollsReset: count,
});

export const establishInput = z.object({
  name: text(500),
  kind: text(500),
  area: text(500),
  households: z.number().int(),
  exception: note,
  profileId: note,
});
export type EstablishInput = z.infer<typeof establishInput>;

export const itemInput = z.object({
  key: text(50),
  number: note,
  date: text(10),
  issuingBody: note,
  /** The decision only: the day the hamlet exists from (default: the decision's date). */
  effectiveOn: text(10).nullish(),
});
export type ItemInput = z.infer<typeof itemInput>;

export const establishmentView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  area: z.string(),
  areaLabel: z.string(),
  households: z.number().int(),
  exception: z.string().nullable(),
  profileId: z.string(),
  state: z.string(),
  step: z.enum(['policy', 'dossier', 'appraisal', 'decision', 'decided']),
  stepLabel: z.string(),
  hamletId: z.string().nullable(),
  conditions: z.string(),
  checklist: z.array(
    z.object({
      key: z.string(),
      step: z.enum(['policy', 'dossier', 'appraisal', 'decision']),
      title: z.string(),
      citation: z.string(),
      verified: z.boolean(),
      required: z.boolean(),
      stepLabel: z.string(),
      recorded: z
        .object({
          id: z.string(),
          number: z.string().nullable(),
          date: z.string(),
          issuingBody: z.string().nullable(),
          fileName: z.string().nullable(),
        })
        .nullable(),
    }),
  ),
});
export type EstablishmentView = z.infer<typeof establishmentView>;

export const establishmentsView = z.object({
  dossiers: z.array(establishmentView),
  today: z.string(),
  canManage: z.boolean(),
});
export type EstablishmentsView = z.infer<typeof establishmentsView>;

export const getHistory = endpoint({
  method: 'GET',
  path: '/api/communes/:id/hamlet-history',
  summary: 'Changes to the hamlets of a commune, and its former hamlets',
  tags,
  access: 'read',
  params: idParams,
  response: historyView,
  errors: [],
});

export const getAsOf = endpoint({
  method: 'GET',
  path: '/api/communes/:id/hamlet-history/as-of',
  summary: 'The commune as it was on a day: hamlets, names, heads, households',
  tags,
  access: 'read',
  params: idParams,
  query: z.object({ on: civilDate }),
  response: asOfView,
  errors: [],
});

export const previewMerge = endpoint({
  method: 'POST',
  path: '/api/communes/:id/hamlet-merges/preview',
  summary: 'What a merge would move (nothing is changed)',
  tags,
  access: 'write',
  params: idParams,
  body: mergeInput,
  response: mergePreview,
  errors: ['conflict'],
});

export const applyMerge = endpoint({
  method: 'POST',
  path: '/api/communes/:id/hamlet-merges',
  summary: 'Merge hamlets into a new or an existing one',
  tags,
  access: 'write',
  params: idParams,
  body: mergeInput,
  response: z.object({ changeId: z.string(), targetId: z.string(), preview: mergePreview }),
  status: 201,
  errors: ['conflict'],
});

export const splitHamlet = endpoint({
  method: 'POST',
  path: '/api/communes/:id/hamlet-splits',
  summary: 'Split chosen households and groups off into a new hamlet',
  tags,
  access: 'write',
  params: idParams,
  body: splitInput,
  response: moveOutcome,
  status: 201,
  errors: ['conflict'],
});

export const attachCluster = endpoint({
  method: 'POST',
  path: '/api/communes/:id/hamlet-attachments',
  summary: 'Attach a residential cluster to an existing hamlet',
  tags,
  access: 'write',
  params: idParams,
  body: attachInput,
  response: moveOutcome,
  status: 201,
  errors: ['conflict'],
});

export const renameHamlet = endpoint({
  method: 'POST',
  path: '/api/communes/:id/hamlet-renames',
  summary: 'Rename a hamlet (the old name stays in the history)',
  tags,
  access: 'write',
  params: idParams,
  body: renameInput,
  response: z.object({ changeId: z.string() }),
  status: 201,
  errors: ['conflict'],
});

export const dissolveHamlet = endpoint({
  method: 'POST',
  path: '/api/communes/:id/hamlet-dissolutions',
  summary: 'Dissolve an empty hamlet',
  tags,
  access: 'write',
  params: idParams,
  body: dissolveInput,
  response: z.object({ changeId: z.string(), endedTerms: count }),
  status: 201,
  errors: ['conflict'],
});

export const listEstablishments = endpoint({
  method: 'GET',
  path: '/api/communes/:id/hamlet-establishments',
  summary: 'Dossiers of hamlets being established, with their checklists',
  tags,
  access: 'read',
  params: idParams,
  response: establishmentsView,
  errors: [],
});

export const startEstablishment = endpoint({
  method: 'POST',
  path: '/api/communes/:id/hamlet-establishments',
  summary: 'Open the dossier of a new hamlet (checked against the profile conditions)',
  tags,
  access: 'write',
  params: idParams,
  body: establishInput,
  response: z.object({ id: z.string() }),
  status: 201,
  errors: ['conflict', 'rule', 'unknown-profile'],
});

export const recordItem = endpoint({
  method: 'POST',
  path: '/api/hamlet-establishments/:id/items',
  summary: 'Record a checklist document; the decision creates the hamlet',
  tags,
  access: 'write',
  params: idParams,
  body: itemInput,
  response: z.object({ itemId: z.string(), hamletId: z.string().nullable() }),
  status: 201,
  errors: ['conflict', 'rule'],
});

export const attachItemFile = endpoint({
  method: 'POST',
  path: '/api/hamlet-establishments/:id/items/:key/file',
  summary: 'Attach the scanned document of a recorded item (raw file as the body)',
  tags,
  access: 'write',
  params: z.object({ id, key: text(50) }),
  query: z.object({ name: text(200).optional(), type: text(100).optional() }),
  body: fileUpload(MIME.pdf, MIME.octet, 'image/jpeg', 'image/png'),
  response: z.object({ sha256: z.string() }),
  errors: [],
});

export const itemFile = endpoint({
  method: 'GET',
  path: '/api/hamlet-establishment-files/:id',
  summary: 'Download the file of a checklist item (hash checked)',
  tags,
  access: 'read',
  params: idParams,
  response: fileAnswer(MIME.pdf, MIME.octet, 'image/jpeg', 'image/png'),
  errors: ['conflict'],
});

/** A hamlet the forms may choose (the commune's living hamlets). */
export type HamletOption = HistoryView['hamlets'][number];
export type ChecklistRow = EstablishmentView['checklist'][number];
