import type { Page } from '@playwright/test';

/** A same-origin call from the page, as the app itself makes it. */
export async function call<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const r = await page.evaluate(
    async ([m, p, b]) => {
      const res = await fetch(p, {
        method: m,
        credentials: 'same-origin',
        headers: b === undefined ? {} : { 'content-type': 'application/json' },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      return { status: res.status, json: (await res.json()) as unknown };
    },
    [method, path, body] as const,
  );
  if (r.status >= 400) throw new Error(`${method} ${path}: ${JSON.stringify(r.json)}`);
  return r.json as T;
}
