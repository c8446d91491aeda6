import type { ServiceContext } from '../../src/services';

/** The demo ward's commune code (Phường 2). */
export const DEMO_COMMUNE = '24820';

/** The value of a Result the test expects to succeed; its Vietnamese message otherwise. */
export function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The election the demo ward is loaded with (Khu phố 1, 17/11/2024). */
export async function demoElection(ctx: ServiceContext): Promise<string> {
  const row = await ctx.store.db
    .selectFrom('elections as e')
    .innerJoin('hamlets as h', 'h.id', 'e.hamlet_id')
    .select('e.id')
    .where('h.commune_id', '=', DEMO_COMMUNE)
    .orderBy('e.created_at')
    .executeTakeFirstOrThrow();
  return row.id;
}
