/**
 * Oversight: the dashboards of a commune, a province and the country, the reports to download or
 * issue, progress against a plan's deadline, and search within the caller's scope.
 */
import { MIME, endpoint, fileAnswer } from './endpoint';
import { documentInfo } from './office';
import { id, idParams, z } from './zod';

const tags = ['oversight'] as const;
const codeParams = z.object({ code: id });

/** Counts per election state ('none' for hamlets without a plan), keyed by state. */
const byState = z.record(z.string(), z.number().int());

export const tally = z.object({
  hamlets: z.number().int(),
  byState,
  lateHamlets: z.number().int(),
  lateItems: z.number().int(),
  reruns: z.number().int(),
  interimHeads: z.number().int(),
  done: z.number().int(),
  counted: z.number().int(),
  registered: z.number().int(),
  voted: z.number().int(),
  elected: z.number().int(),
  outcomeRerun: z.number().int(),
  outcomeInterim: z.number().int(),
  /** Counted hamlets whose stored result differs from the one recomputed from the papers. */
  suspect: z.number().int(),
});
export type OversightTally = z.infer<typeof tally>;

export const hamletStatus = z.object({
  hamletId: z.string(),
  hamletName: z.string(),
  hamletKind: z.string(),
  headTitle: z.string(),
  communeId: z.string(),
  electionId: z.string().nullable(),
  termLabel: z.string().nullable(),
  electionDate: z.string().nullable(),
  round: z.number().int(),
  state: z.string().nullable(),
  stateLabel: z.string(),
  roundId: z.string().nullable(),
  finalDeadline: z.string().nullable(),
  nextDeadline: z
    .object({
      step: z.string(),
      title: z.string(),
      due: z.string(),
      citation: z.string(),
      passed: z.boolean(),
    })
    .nullable(),
  overdueTasks: z.number().int(),
  late: z.boolean(),
  rerun: z.boolean(),
  interim: z.boolean(),
  done: z.boolean(),
  doneOn: z.string().nullable(),
  result: z
    .object({
      registered: z.number().int(),
      voted: z.number().int(),
      outcome: z.enum(['elected', 'rerun', 'interim']).nullable(),
      elected: z.object({ name: z.string(), votes: z.number().int() }).nullable(),
      /** The stored result differs from the papers: the figures shown are the recomputed ones. */
      suspect: z.boolean(),
    })
    .nullable(),
  office: z.object({ name: z.string(), basis: z.string(), termEnd: z.string().nullable() }).nullable(),
});
export type OversightHamlet = z.infer<typeof hamletStatus>;

const series = z.array(z.object({ date: z.string(), done: z.number().int() }));
const place = z.object({ code: z.string(), name: z.string() });

export const communeDashboard = z.object({
  province: place,
  commune: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  today: z.string(),
  finalDeadline: z.string().nullable(),
  hamlets: z.array(hamletStatus),
  overdueCommuneTasks: z.number().int(),
  totals: tally,
  stateLabels: z.record(z.string(), z.string()),
  series,
  /** Whether the caller may issue the commune's summary report. */
  canManage: z.boolean(),
});
export type OversightCommune = z.infer<typeof communeDashboard>;

export const getCommune = endpoint({
  method: 'GET',
  path: '/api/communes/:id/oversight',
  summary: 'Commune dashboard: every hamlet with state, deadline, lateness, result',
  tags,
  access: 'read',
  params: idParams,
  response: communeDashboard,
  errors: [],
});

export const nationalRollup = z.object({
  today: z.string(),
  provinces: z.array(tally.extend({ code: z.string(), name: z.string(), communes: z.number().int() })),
  totals: tally.extend({ communes: z.number().int() }),
  stateLabels: z.record(z.string(), z.string()),
});
export type OversightNational = z.infer<typeof nationalRollup>;

export const getNational = endpoint({
  method: 'GET',
  path: '/api/oversight/national',
  summary: 'National roll-up: every province with hamlets per state, late items and results (administrators)',
  tags,
  access: 'read',
  response: nationalRollup,
  errors: [],
});

export const provinceDashboard = z.object({
  province: place,
  today: z.string(),
  communes: z.array(
    tally.extend({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      finalDeadline: z.string().nullable(),
    }),
  ),
  totals: tally,
  stateLabels: z.record(z.string(), z.string()),
  finalDeadline: z.string().nullable(),
  series,
  /** Turnout (per cent, whole) of every counted hamlet, for the distribution chart. */
  turnouts: z.array(z.number()),
});
export type OversightProvince = z.infer<typeof provinceDashboard>;

export const getProvince = endpoint({
  method: 'GET',
  path: '/api/provinces/:code/oversight',
  summary:
    'Province dashboard: every commune with hamlets per state, late items, re-elections, interim heads',
  tags,
  access: 'read',
  params: codeParams,
  query: z.object({ all: z.enum(['0', '1']).optional() }),
  response: provinceDashboard,
  errors: [],
});

export const communeResultsXlsx = endpoint({
  method: 'GET',
  path: '/api/communes/:id/oversight/results.xlsx',
  summary: 'Commune results, one row per hamlet with totals (XLSX)',
  tags,
  access: 'read',
  params: idParams,
  response: fileAnswer(MIME.xlsx),
  errors: [],
});

export const communeSummaryPdf = endpoint({
  method: 'GET',
  path: '/api/communes/:id/oversight/summary.pdf',
  summary: "Commune's summary report as an unnumbered draft (PDF)",
  tags,
  access: 'read',
  params: idParams,
  response: fileAnswer(MIME.pdf),
  errors: [],
});

export const issueSummary = endpoint({
  method: 'POST',
  path: '/api/communes/:id/oversight/summary',
  summary: "Issue the commune's summary report (numbered, stored with its hash)",
  tags,
  access: 'write',
  params: idParams,
  body: z.object({ date: z.string().max(10).optional() }).optional(),
  response: documentInfo,
  status: 201,
  errors: ['conflict', 'integrity'],
});

export const provinceAggregateXlsx = endpoint({
  method: 'GET',
  path: '/api/provinces/:code/oversight/aggregate.xlsx',
  summary: 'Province aggregate, one row per commune with totals (XLSX)',
  tags,
  access: 'read',
  params: codeParams,
  response: fileAnswer(MIME.xlsx),
  errors: [],
});

export const provinceAggregatePdf = endpoint({
  method: 'GET',
  path: '/api/provinces/:code/oversight/aggregate.pdf',
  summary: 'Province aggregate report (PDF)',
  tags,
  access: 'read',
  params: codeParams,
  response: fileAnswer(MIME.pdf),
  errors: [],
});

const missingItem = z.object({
  hamletId: z.string(),
  hamlet: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  electionDate: z.string().nullable(),
  nextDeadline: z.string().nullable(),
  late: z.boolean(),
  overdueTasks: z.number().int(),
  /** What is missing, in words. */
  missing: z.string(),
});

export const progressReport = z.object({
  unit: z.object({ code: z.string(), name: z.string(), kind: z.enum(['province', 'commune']) }),
  today: z.string(),
  deadline: z.string().nullable(),
  deadlinePassed: z.boolean(),
  children: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      kind: z.enum(['commune', 'hamlet']),
      byState,
      hamlets: z.number().int(),
      done: z.number().int(),
      lateItems: z.number().int(),
      lateHamlets: z.number().int(),
      late: z.array(missingItem),
      missing: z.array(missingItem),
    }),
  ),
  totals: z.object({
    hamlets: z.number().int(),
    done: z.number().int(),
    lateItems: z.number().int(),
    lateHamlets: z.number().int(),
    missing: z.number().int(),
  }),
});
export type ProgressReport = z.infer<typeof progressReport>;

export const getProgress = endpoint({
  method: 'GET',
  path: '/api/units/:code/progress',
  summary:
    'Progress against a plan deadline: counts by state, late items and what is missing, per child unit',
  tags,
  access: 'read',
  params: codeParams,
  query: z.object({ deadline: z.string().max(10).optional() }),
  response: progressReport,
  errors: [],
});

export const searchResults = z.object({
  query: z.string(),
  hits: z.array(
    z.object({
      kind: z.enum(['commune', 'hamlet', 'person', 'document']),
      id: z.string(),
      title: z.string(),
      detail: z.string(),
      /** The page of the web app that shows it. */
      path: z.string(),
    }),
  ),
});
export type SearchResults = z.infer<typeof searchResults>;

export const search = endpoint({
  method: 'GET',
  path: '/api/search',
  summary: 'Search hamlets, people (without diacritics) and documents by number, within the caller’s scope',
  tags,
  access: 'read',
  query: z.object({ q: z.string().max(100) }),
  response: searchResults,
  errors: [],
});

export const loadDemoProvince = endpoint({
  method: 'POST',
  path: '/api/demo/province',
  summary: 'Load the demo province (four more communes of Lâm Đồng); administrator only',
  tags,
  access: 'admin',
  response: z.object({
    provinceCode: z.string(),
    communes: z.array(
      z.object({ code: z.string(), name: z.string(), hamlets: z.number().int(), created: z.boolean() }),
    ),
  }),
  errors: [],
});
