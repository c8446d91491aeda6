/**
 * The audit events a scenario step wrote, for its report: each event's number, action, entity and
 * author, and for a late step the override recorded with it (who authorised it and why), so a
 * script reading the report can check that a step past its deadline went through only with the
 * chair's recorded permission, and read it from the trail rather than from the scenario file.
 */
import type { Db } from '../../store';

export interface StepEvent {
  readonly seq: number;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string | null;
  readonly by: string | null;
  readonly at: string;
  /** Set on a lifecycle step recorded after its deadline. */
  readonly override: {
    readonly step: string | null;
    readonly due: string | null;
    readonly authorisedBy: string;
    readonly reason: string;
  } | null;
}

/** The sequence number of the trail's last event (0 when empty): a step's events come after it. */
export async function lastEventSeq(db: Db): Promise<number> {
  const row = await db
    .selectFrom('audit_events')
    .select('seq')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? Number(row.seq) : 0;
}

interface StepData {
  readonly to?: string;
  readonly due?: string | null;
  readonly override?: { readonly authorisedBy?: string; readonly reason?: string } | null;
}

/** The events written after `afterSeq`, in order, with the override of each late lifecycle step. */
export async function eventsSince(db: Db, afterSeq: number): Promise<StepEvent[]> {
  const rows = await db
    .selectFrom('audit_events')
    .select(['seq', 'action', 'entity', 'entity_id', 'user_id', 'at', 'data'])
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .execute();
  return rows.map((r) => {
    let data: StepData = {};
    try {
      data = (JSON.parse(r.data) as StepData | null) ?? {};
    } catch {
      data = {};
    }
    const o = data.override;
    return {
      seq: Number(r.seq),
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      by: r.user_id,
      at: r.at,
      override:
        o && o.authorisedBy
          ? {
              step: data.to ?? null,
              due: data.due ?? null,
              authorisedBy: o.authorisedBy,
              reason: o.reason ?? '',
            }
          : null,
    };
  });
}
