/**
 * The territory as officers work in it: provinces, communes (with the district they had before
 * 2025-07-01, when recorded), hamlets with their residents' groups and elections, and the import of a
 * commune's list of hamlets from a spreadsheet.
 */
import type { FailureCode } from '../domain/result';
import { MIME, endpoint, fileUpload } from './endpoint';
import { id, idParams, z } from './zod';

const tags = ['territory'] as const;

export const province = z.object({ code: z.string(), name: z.string() });
export type Province = z.infer<typeof province>;

export const commune = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  provinceCode: z.string(),
  /** The district it belonged to, for units recorded as they were before 2025-07-01. */
  districtId: z.string().nullable(),
});
export type Commune = z.infer<typeof commune>;

export const election = z.object({
  id: z.string(),
  hamletId: z.string(),
  position: z.string(),
  termLabel: z.string(),
  profileId: z.string(),
  electionDate: z.string().nullable(),
  state: z.string(),
  round: z.number().int(),
  /** The plan (round) it belongs to; null when it was made outside any plan. */
  roundId: z.string().nullable(),
});
export type Election = z.infer<typeof election>;

export const residentGroup = z.object({
  id: z.string(),
  hamletId: z.string(),
  name: z.string(),
  households: z.number().int(),
});
export type ResidentGroup = z.infer<typeof residentGroup>;

export const hamlet = z.object({
  id: z.string(),
  communeId: z.string(),
  name: z.string(),
  kind: z.string(),
  households: z.number().int(),
  residentGroups: z.number().int(),
  kindLabel: z.string(),
  headTitle: z.string(),
  groups: z.array(residentGroup),
  elections: z.array(election),
});
export type Hamlet = z.infer<typeof hamlet>;

export const communeView = z.object({
  province,
  commune,
  districtName: z.string().nullable(),
  hamlets: z.array(hamlet),
  canManage: z.boolean(),
});
export type CommuneView = z.infer<typeof communeView>;

export const hamletDetail = hamlet.extend({
  province,
  commune,
  residents: z.number().int(),
  canManage: z.boolean(),
  /** The actor may start a trial polling day here (the demo ward's officers only). */
  canTryPollingDay: z.boolean(),
});
export type HamletDetail = z.infer<typeof hamletDetail>;

export const provinceView = z.object({
  province,
  communes: z.array(commune.extend({ hamlets: z.number().int() })),
});
export type ProvinceView = z.infer<typeof provinceView>;

export const getProvince = endpoint({
  method: 'GET',
  path: '/api/provinces/:code',
  summary: 'A province with its communes and their hamlet counts',
  tags,
  access: 'read',
  params: z.object({ code: id }),
  response: provinceView,
  errors: [],
});

export const getCommune = endpoint({
  method: 'GET',
  path: '/api/communes/:id',
  summary: "A commune with its hamlets, residents' groups and elections",
  tags,
  access: 'read',
  params: idParams,
  response: communeView,
  errors: [],
});

const name = z.string().max(200);

export const newHamletBody = z.object({
  name,
  // Any text: the service lists the kinds there are when it is not one of them.
  kind: z.string().max(40),
  residentGroups: z.array(name).max(100).optional(),
});
export type NewHamletBody = z.infer<typeof newHamletBody>;

const created = z.object({ id: z.string(), name: z.string() });

export const createHamlet = endpoint({
  method: 'POST',
  path: '/api/communes/:id/hamlets',
  summary: 'Create a hamlet (thôn, ấp, khu phố, tổ dân phố ...) in a commune',
  tags,
  access: 'write',
  params: idParams,
  body: newHamletBody,
  response: created,
  status: 201,
  errors: ['conflict'],
});

/** What reading a spreadsheet can refuse (src/io/tabular.ts). */
export const tabularFailures = [
  'tabular.empty',
  'tabular.tooLarge',
  'tabular.xls',
  'tabular.notTabular',
  'tabular.malformed',
  'tabular.sheetNotFound',
] as const satisfies readonly FailureCode[];

export const hamletListPreview = z.object({
  rows: z.number().int(),
  toAdd: z.array(
    z.object({
      row: z.number().int(),
      name: z.string(),
      kind: z.string(),
      residentGroups: z.array(z.string()),
    }),
  ),
  existing: z.array(z.object({ row: z.number().int(), name: z.string() })),
  rejected: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
  /** The legacy encoding the file was converted from (TCVN3, VNI...), if any. */
  converted: z.string().nullable(),
});
export type HamletListPreview = z.infer<typeof hamletListPreview>;

export const importHamlets = endpoint({
  method: 'POST',
  path: '/api/communes/:id/hamlets/import',
  summary:
    'Import a list of hamlets from an XLSX or CSV file (the raw file as the body); preview unless confirm=true',
  tags,
  access: 'write',
  params: idParams,
  query: z.object({ confirm: z.stringbool().optional() }),
  body: fileUpload(MIME.xlsx, MIME.csv, MIME.octet),
  response: hamletListPreview,
  errors: [...tabularFailures],
});

export const historicalCommuneBody = z.object({
  provinceCode: z.string().max(8),
  /** The district-level parent as it was named, e.g. "Thị xã Bình Long" (abolished 2025-07-01). */
  districtName: z.string().max(200),
  communeName: z.string().max(200),
  /** The old statistics code, when known. */
  communeCode: z.string().max(20).nullable().optional(),
  /** Last day the unit existed (YYYY-MM-DD), at the latest 2025-06-30; the service checks it. */
  validTo: z.string().max(10).optional(),
});

export const recordHistoricalCommune = endpoint({
  method: 'POST',
  path: '/api/historical-communes',
  summary: 'Record a commune as it was before 2025-07-01, under its district (administrator only)',
  tags,
  access: 'admin',
  body: historicalCommuneBody,
  response: z.object({ id: z.string(), districtId: z.string() }),
  status: 201,
  errors: [],
});

export const getHamlet = endpoint({
  method: 'GET',
  path: '/api/hamlets/:id',
  summary: 'A hamlet with its groups, counts and elections',
  tags,
  access: 'read',
  params: idParams,
  response: hamletDetail,
  errors: [],
});

export const createResidentGroup = endpoint({
  method: 'POST',
  path: '/api/hamlets/:id/resident-groups',
  summary: "Create a residents' self-managed group in a hamlet",
  tags,
  access: 'write',
  params: idParams,
  body: z.object({ name }),
  response: created,
  status: 201,
  errors: ['conflict'],
});
