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

// Territory answers other features' pages still read from here.
export type { CommuneView, HamletDetail, HouseholdPage } from '../../contract/territory';

export type { ProfileSummary } from '../../contract/rules';

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
  /** version: sent back with an edit (optimistic concurrency). */
  resident: ResidentItem & { hamletId: string; version: number };
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

export type { OversightNational, OversightProvince } from '../../contract/oversight';
