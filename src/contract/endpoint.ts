/**
 * One typed contract between browser and server. An endpoint is plain data: its method and path,
 * who may call it, zod schemas of its path parameters, query, body and answer, and the failure codes
 * it may answer with. The server registers its route from it (validation, OpenAPI, the answer's
 * shape checked on the way out); the web client is typed from it; a service takes its input type
 * from it. Nothing here runs on its own: the folder imports zod and the domain only.
 */
import type { z } from 'zod';
import type { FailureCode } from '../domain/result';

/** Who may call: anyone, any signed-in user (scope checked by the service), writers, the administrator. */
export type Access = 'public' | 'read' | 'write' | 'admin';
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A download (PDF, DOCX, XLSX, CSV, JSON file): bytes with a content type and a file name. */
export interface FileAnswer {
  readonly kind: 'file';
  readonly types: readonly string[];
}
/** An upload sent as the raw request body (a spreadsheet, a Word template, a signed package). */
export interface FileUpload {
  readonly kind: 'upload';
  readonly types: readonly string[];
}

export const fileAnswer = (...types: string[]): FileAnswer => ({ kind: 'file', types });
export const fileUpload = (...types: string[]): FileUpload => ({ kind: 'upload', types });

export const MIME = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  json: 'application/json',
  zip: 'application/zip',
  octet: 'application/octet-stream',
} as const;

export interface EndpointDef {
  readonly method: Method;
  readonly path: `/api/${string}`;
  readonly summary: string;
  readonly tags: readonly string[];
  readonly access: Access;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType | FileUpload;
  /** The answer on success: a JSON schema, or a file. */
  readonly response: z.ZodType | FileAnswer;
  /** 200 unless the call creates something (201). */
  readonly status?: 200 | 201;
  /**
   * The failure codes this endpoint may answer with, besides those every endpoint of its access
   * level can give (see `commonFailures`). In tests, answering an undeclared code fails the request.
   */
  readonly errors: readonly FailureCode[];
}

/** Declares an endpoint; the literal type is kept, so inputs and outputs are inferred from it. */
export const endpoint = <const D extends EndpointDef>(d: D): D => d;

type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;
type InferIn<S> = S extends z.ZodType ? z.input<S> : S extends FileUpload ? Blob | ArrayBuffer : undefined;

/** What the server's handler receives (parsed: defaults applied, strings normalised). */
export interface Parsed<D extends EndpointDef> {
  readonly params: Infer<D['params']>;
  readonly query: Infer<D['query']>;
  readonly body: D['body'] extends FileUpload ? Buffer : Infer<D['body']>;
}

/** What a caller sends, only the parts the endpoint has. */
export type Input<D extends EndpointDef> = (D['params'] extends z.ZodType
  ? { readonly params: z.input<D['params']> }
  : { readonly params?: undefined }) &
  (D['query'] extends z.ZodType ? { readonly query: z.input<D['query']> } : { readonly query?: undefined }) &
  (D['body'] extends z.ZodType | FileUpload
    ? { readonly body: InferIn<D['body']> }
    : { readonly body?: undefined });

/** A value as services build it: arrays and objects may be readonly. */
export type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends Blob | Date
    ? T
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;

/** The answer on success. */
export type Output<D extends EndpointDef> = D['response'] extends z.ZodType ? z.output<D['response']> : Blob;

/** Fills the path's `:name` segments from the parameters. */
export function pathOf(path: string, params: Readonly<Record<string, unknown>> | undefined): string {
  return path.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    const value = params?.[name];
    if (typeof value !== 'string' && typeof value !== 'number')
      throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
}

/** The names of the `:name` segments of a path. */
export const pathParamNames = (path: string): string[] =>
  [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
