/** The rule profiles as officials audit them: every value with its citation and confidence. */
import { confidenceSchema } from '../domain/rules/schema';
import { endpoint } from './endpoint';
import { z } from './zod';

const profileStatus = z.enum(['current', 'legacy']);

export const profileSummary = z.object({
  id: z.string(),
  title: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  status: profileStatus,
});

export type ProfileSummary = z.infer<typeof profileSummary>;

const paramRow = z.object({
  key: z.string(),
  label: z.string(),
  value: z.string(),
  citation: z.string(),
  confidence: confidenceSchema,
  confidenceLabel: z.string(),
  overrides: z.number().int(),
  note: z.string(),
});

const stepRow = z.object({
  id: z.string(),
  offset: z.string(),
  title: z.string(),
  actor: z.string(),
  document: z.string(),
  citation: z.string(),
  confidence: confidenceSchema,
  confidenceLabel: z.string(),
  note: z.string(),
});

export const profileTables = z.object({
  id: z.string(),
  title: z.string(),
  status: profileStatus,
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  sources: z.array(z.object({ tag: z.string(), title: z.string(), note: z.string().optional() })),
  params: z.array(paramRow),
  timeline: z.array(stepRow),
  removal: z.array(z.object({ kind: z.string(), title: z.string(), params: z.array(paramRow) })),
});
export type ProfileTables = z.infer<typeof profileTables>;

export const listProfiles = endpoint({
  method: 'GET',
  path: '/api/rules/profiles',
  summary: 'The rule profiles shipped (national law and provinces)',
  tags: ['rules'],
  access: 'read',
  response: z.array(profileSummary),
  errors: [],
});

export const getProfile = endpoint({
  method: 'GET',
  path: '/api/rules/profiles/:id',
  summary: 'Every parameter, deadline and removal rule of a profile, with citation and confidence',
  tags: ['rules'],
  access: 'read',
  params: z.object({ id: z.string().max(64) }),
  response: profileTables,
  errors: [],
});
