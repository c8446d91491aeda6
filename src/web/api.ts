/** The web app's only way to the data: JSON over HTTP to /api, with the session cookie. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const raw = body instanceof ArrayBuffer;
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers:
      body === undefined ? {} : { 'content-type': raw ? 'application/octet-stream' : 'application/json' },
    body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
  });
  const data = (await response.json().catch(() => ({}))) as {
    error?: { code: string; message: string; field?: string };
  };
  if (!response.ok) {
    const e = data.error;
    throw new ApiError(
      response.status,
      e?.code ?? 'http',
      e?.message ?? `Lỗi máy chủ (${response.status}).`,
      e?.field,
    );
  }
  return data as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  /** Sends a file's bytes as the request body. */
  upload: async <T>(path: string, file: File) => request<T>('POST', path, await file.arrayBuffer()),
};

export interface HamletListPreview {
  rows: number;
  toAdd: { row: number; name: string; kind: string; residentGroups: string[] }[];
  existing: { row: number; name: string }[];
  rejected: { row: number; field: string; message: string }[];
  converted: string | null;
}

export interface Me {
  user: { userId: string; username: string; displayName: string; role: string; roleLabel: string };
  home:
    | { kind: 'all'; provinces: { code: string; name: string }[] }
    | { kind: 'province'; provinceCode: string }
    | { kind: 'commune'; communeId: string }
    | { kind: 'hamlet'; hamletId: string; electionId: string };
}

export interface Election {
  id: string;
  position: string;
  termLabel: string;
  profileId: string;
  electionDate: string | null;
  state: string;
  round: number;
}

export interface ResidentGroup {
  id: string;
  name: string;
  households: number;
}

export interface Hamlet {
  id: string;
  name: string;
  kind: string;
  kindLabel: string;
  headTitle: string;
  households: number;
  residentGroups: number;
  groups: ResidentGroup[];
  elections: Election[];
}

export interface Province {
  code: string;
  name: string;
}

export interface Commune {
  id: string;
  code: string;
  name: string;
  provinceCode: string;
}

export interface CommuneView {
  province: Province;
  commune: Commune;
  districtName: string | null;
  hamlets: Hamlet[];
  canManage: boolean;
}

export interface HamletDetail extends Hamlet {
  province: Province;
  commune: Commune;
  residents: number;
  canManage: boolean;
}

export interface ProvinceView {
  province: Province;
  communes: (Commune & { hamlets: number })[];
}

export interface HouseholdPage {
  total: number;
  items: {
    id: string;
    code: string;
    address: string;
    residentGroup: string | null;
    headName: string | null;
    members: number;
  }[];
}

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: string;
  roleLabel: string;
  scopeKind: string;
  scopeId: string | null;
}

export interface ProfileSummary {
  id: string;
  title: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  status: string;
}

export interface RuleRow {
  key: string;
  label: string;
  value: string;
  citation: string;
  confidence: string;
  confidenceLabel: string;
  overrides: number;
  note: string;
}

export interface ProfileTables {
  id: string;
  title: string;
  status: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  sources: { tag: string; title: string; note?: string }[];
  params: RuleRow[];
  timeline: {
    id: string;
    offset: string;
    title: string;
    actor: string;
    document: string;
    citation: string;
    confidence: string;
    confidenceLabel: string;
    note: string;
  }[];
  removal: { kind: string; title: string; params: RuleRow[] }[];
}

export interface ResidentImportPreview {
  fileSha256: string;
  layout: 'residents' | 'households';
  headers: string[];
  columns: (string | null)[];
  fields: { field: string; header: string; required: boolean }[];
  missing: string[];
  rows: number;
  accepted: number;
  rejected: { row: number; field: string; message: string }[];
  converted: string | null;
  toAdd: { line: number; householdCode: string; fullName: string; birthDate: string }[];
  toAddCount: number;
  toChange: {
    line: number;
    id: string;
    householdCode: string;
    fullName: string;
    birthDate: string;
    changes: { field: string; label: string; before: string | null; after: string | null }[];
  }[];
  toChangeCount: number;
  unchanged: number;
  notInFile: number;
  newHouseholds: number;
  newGroups: string[];
  added?: number;
  changed?: number;
}

export interface ResidentItem {
  id: string;
  householdId: string;
  householdCode: string;
  fullName: string;
  sex: string;
  birthDate: string;
  personalId: string | null;
  relation: string;
  residence: string;
  legalCapacity: string;
  status: string;
  residentGroup: string | null;
  address: string;
}

export interface ResidentDetail {
  resident: ResidentItem & { hamletId: string };
  history: {
    id: string;
    kind: string;
    effectiveOn: string | null;
    reason: string | null;
    data: unknown;
    at: string;
    by: string | null;
  }[];
  canManage: boolean;
}

export interface HouseholdDetailView {
  household: { id: string; hamletId: string; code: string; address: string; residentGroup: string | null };
  members: (ResidentItem & { age: number; qualifies: boolean; reasons: string[] })[];
  representative: {
    residentId: string | null;
    source: 'chosen' | 'defaultHead' | 'none';
    reason: string | null;
    nominatedByMembers: boolean;
    verdict: { eligible: boolean; messages: string[] };
    rule: string;
  };
  profileId: string;
  canManage: boolean;
}
