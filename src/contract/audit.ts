/**
 * The audit trail as people read it: the events of one election, hamlet or commune, newest first,
 * with who, when and a readable before/after; its export; and the hash chain's verification.
 */
import { MIME, endpoint, fileAnswer } from './endpoint';
import { id, z } from './zod';

const tags = ['audit'] as const;

export const trailScopeKind = z.enum(['election', 'hamlet', 'commune']);
export type TrailScopeKind = z.infer<typeof trailScopeKind>;

const scopeParams = z.object({ kind: trailScopeKind, id });

export const trailChange = z.object({
  field: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type TrailChange = z.infer<typeof trailChange>;

export const trailEvent = z.object({
  seq: z.number().int(),
  id: z.string(),
  at: z.string(),
  /** DD/MM/YYYY HH:MM:SS in Vietnam (UTC+7). */
  atVietnam: z.string(),
  /** The user's display name; null for the system (demo load, command line). */
  user: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  changes: z.array(trailChange),
});
export type TrailEvent = z.infer<typeof trailEvent>;

export const trailPage = z.object({
  title: z.string(),
  events: z.array(trailEvent),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TrailPage = z.infer<typeof trailPage>;

export const trailQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
  /** Keep the actions that start with this text (e.g. "count." or "resident.edit"). */
  action: z.string().max(60).optional(),
});

export const listTrail = endpoint({
  method: 'GET',
  path: '/api/audit/:kind/:id',
  summary: 'The audit trail of an election, hamlet or commune, newest first, one page',
  tags,
  access: 'read',
  params: scopeParams,
  query: trailQuery,
  response: trailPage,
  errors: [],
});

export const exportTrail = endpoint({
  method: 'GET',
  path: '/api/audit/:kind/:id/export',
  summary: 'The whole audit trail of a scope as CSV or XLSX (formula cells neutralised)',
  tags,
  access: 'read',
  params: scopeParams,
  query: z.object({ format: z.enum(['csv', 'xlsx']).optional() }),
  response: fileAnswer(MIME.xlsx, MIME.csv),
  errors: [],
});

export const chainCheck = z.object({
  ok: z.boolean(),
  events: z.number().int(),
  firstBadEvent: z.string().nullable(),
});
export type ChainCheck = z.infer<typeof chainCheck>;

const checkpoint = z.object({ seq: z.number().int(), hash: z.string(), at: z.string() });

/** What `audit verify` reports: the chain, the seals over the record, the checkpoint outside. */
export const trailCheck = z.object({
  ok: z.boolean(),
  chain: chainCheck,
  record: z.object({
    ok: z.boolean(),
    rows: z.number().int(),
    seals: z.number().int(),
    moreProblems: z.number().int(),
  }),
  checkpoint: z.object({
    ok: z.boolean(),
    checkpoint: checkpoint.nullable(),
    head: z.number().int(),
    problem: z
      .object({ kind: z.enum(['truncated', 'rewritten']), seq: z.number().int(), message: z.string() })
      .nullable(),
  }),
  problems: z.array(
    z.object({
      kind: z.enum(['chain', 'checkpoint', 'record']),
      problem: z.string(),
      table: z.string().nullable(),
      row: z.string().nullable(),
      seq: z.number().int().nullable(),
      message: z.string(),
    }),
  ),
});
export type TrailCheck = z.infer<typeof trailCheck>;

export const verifyChain = endpoint({
  method: 'GET',
  path: '/api/audit-chain/verify',
  summary:
    'Check the hash chain of every audit event, the seals over every row of the record, and the chain against the checkpoint outside the database',
  tags,
  access: 'read',
  response: trailCheck,
  errors: [],
});
