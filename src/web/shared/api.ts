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
export type { CommuneView, HamletDetail } from '../../contract/territory';

export type { ProfileSummary } from '../../contract/rules';
/** Pages of other features still name these; they are the people contract's. */
export type { HouseholdPage, ResidentItem } from '../../contract/people';

export type { OversightNational, OversightProvince } from '../../contract/oversight';
