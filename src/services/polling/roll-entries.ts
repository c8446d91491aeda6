/**
 * Read-only adapter over the voter roll's tables (issue 5): the posted snapshot of an election gives
 * the registered voters (the count's denominator) and the entries for attendance. This is the only
 * polling file that knows those tables; when the roll's services land it should call them instead.
 */
import { pollingDay as repo } from '../../store';
import type { Db } from '../../store';

export interface RollEntry {
  readonly rollNumber: number;
  readonly residentId: string;
  readonly fullName: string;
  readonly residentGroup: string | null;
}

export interface PostedRoll {
  readonly rollId: string;
  readonly snapshotId: string;
  readonly number: number;
  readonly postedOn: string;
  readonly registered: number;
  readonly entries: readonly RollEntry[];
}

type Raw = Record<string, unknown>;

function pick(raw: Raw, ...keys: string[]): unknown {
  for (const k of keys) if (raw[k] !== undefined && raw[k] !== null) return raw[k];
  return undefined;
}

function entryOf(raw: Raw): RollEntry | undefined {
  const rollNumber = Number(pick(raw, 'rollNumber', 'roll_number', 'number'));
  const residentId = pick(raw, 'residentId', 'resident_id');
  const fullName = pick(raw, 'fullName', 'full_name', 'name');
  if (!Number.isInteger(rollNumber) || typeof residentId !== 'string' || typeof fullName !== 'string') {
    return undefined;
  }
  const group = pick(raw, 'residentGroup', 'resident_group', 'group');
  return { rollNumber, residentId, fullName, residentGroup: typeof group === 'string' ? group : null };
}

function parseEntries(text: string): RollEntry[] {
  try {
    const parsed: unknown = JSON.parse(text);
    const list = Array.isArray(parsed) ? parsed : ((parsed as Raw)['entries'] as unknown[] | undefined);
    if (!Array.isArray(list)) return [];
    return list.flatMap((r) => {
      const e = r && typeof r === 'object' ? entryOf(r as Raw) : undefined;
      return e ? [e] : [];
    });
  } catch {
    return [];
  }
}

/** The latest posted snapshot of the election's roll, or undefined when the roll is not posted. */
export async function postedRoll(db: Db, electionId: string): Promise<PostedRoll | undefined> {
  const row = await repo.latestRollSnapshot(db, electionId);
  if (!row) return undefined;
  return {
    rollId: row.rollId,
    snapshotId: row.snapshotId,
    number: row.number,
    postedOn: row.posted_on,
    registered: row.registered,
    entries: parseEntries(row.entries),
  };
}
