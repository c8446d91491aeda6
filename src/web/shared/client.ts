/**
 * The web app's way to the server: a call is typed by its contract endpoint (src/contract/), its
 * answer checked against the endpoint's schema before a page sees it, and a failure carries its
 * code and the server's Vietnamese message.
 */
import type { EndpointDef, FileUpload, Input, Output } from '../../contract/endpoint';
import { pathOf } from '../../contract/endpoint';
import { failureSchema } from '../../contract/errors';
import type { FailureCode } from '../../domain/result';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: FailureCode | 'network' | 'http',
    message: string,
    readonly field?: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }
}

const isUpload = (b: unknown): b is FileUpload =>
  typeof b === 'object' && b !== null && (b as { kind?: unknown }).kind === 'upload';

/** The URL of an endpoint with its parameters and query (also for links to downloads). */
export function urlOf<D extends EndpointDef>(
  d: D,
  input: { readonly params?: unknown; readonly query?: unknown },
): string {
  const path = pathOf(d.path, input.params as Record<string, unknown> | undefined);
  const query = input.query as Record<string, unknown> | undefined;
  if (!query) return path;
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    search.set(k, typeof v === 'string' ? v : JSON.stringify(v));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

async function failureOf(response: Response): Promise<ApiError> {
  const data: unknown = await response.json().catch(() => undefined);
  const parsed = failureSchema.safeParse(data);
  if (parsed.success) {
    const e = parsed.data.error;
    return new ApiError(response.status, e.code, e.message, e.field, e.details);
  }
  return new ApiError(response.status, 'http', `Lỗi máy chủ (${response.status}).`);
}

/**
 * Calls an endpoint and returns its checked answer; throws ApiError on a failure. `headers` go with
 * an upload (an uploaded file's name, X-File-Name).
 */
export async function call<D extends EndpointDef>(
  d: D,
  input: Input<D>,
  headers: Readonly<Record<string, string>> = {},
): Promise<Output<D>> {
  const body: unknown = input.body;
  let init: RequestInit = { method: d.method, credentials: 'same-origin' };
  if (isUpload(d.body)) {
    const bytes = body instanceof Blob ? await body.arrayBuffer() : (body as ArrayBuffer);
    const type = body instanceof Blob && body.type ? body.type : 'application/octet-stream';
    init = { ...init, headers: { ...headers, 'content-type': type }, body: bytes };
  } else if (body !== undefined) {
    init = { ...init, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  }
  let response: Response;
  try {
    response = await fetch(urlOf(d, input), init);
  } catch {
    throw new ApiError(0, 'network', 'Không kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại.');
  }
  if (!response.ok) throw await failureOf(response);
  if (!('_zod' in d.response)) return (await response.blob()) as Output<D>;
  const parsed = d.response.safeParse(await response.json());
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      'http',
      'Máy chủ trả lời dữ liệu không đúng dạng đã thỏa thuận. Hãy tải lại trang; nếu vẫn lỗi, báo quản trị hệ thống.',
    );
  }
  return parsed.data as Output<D>;
}

/** The message to show for any error a call or a page throws. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
