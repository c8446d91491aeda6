/**
 * Reads rows for many ids in slices, so that an `IN (...)` list stays well under the engines'
 * bound-parameter limits and the planner's comfort (a province has thousands of hamlets).
 */
export async function inChunks<T>(
  ids: readonly string[],
  read: (part: string[]) => Promise<readonly T[]>,
  size = 500,
): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += size) out.push(...(await read(ids.slice(i, i + size))));
  return out;
}
