/**
 * The interruptions of polling day as the count record and the result report state them: when the
 * poll stopped (Vietnam time), why, whether the ballot box was sealed, and when it resumed.
 */
import { pollingDay as repo } from '../../store';
import type { Db } from '../../store';
import { vnInstant } from '../polling';

/** One line per interruption, in the order they happened; empty when the poll ran without one. */
export function interruptionLines(events: readonly repo.EventRow[]): string[] {
  const lines: string[] = [];
  events.forEach((e, i) => {
    if (e.kind !== 'interruption') return;
    const resume = events.slice(i + 1).find((x) => x.kind === 'resume' || x.kind === 'close');
    const from = vnInstant(new Date(e.at)).time;
    const until =
      resume?.kind === 'resume'
        ? ` đến ${vnInstant(new Date(resume.at)).time}`
        : resume?.kind === 'close'
          ? ` (không tiếp tục, kết thúc lúc ${vnInstant(new Date(resume.at)).time})`
          : '';
    const box =
      e.box_sealed === 1
        ? 'hòm phiếu đã được niêm phong'
        : e.box_sealed === 0
          ? 'hòm phiếu không được niêm phong'
          : 'không ghi việc niêm phong hòm phiếu';
    lines.push(`Tạm dừng bỏ phiếu lúc ${from}${until}. Lý do: ${e.reason ?? 'không ghi'}; ${box}.`);
  });
  return lines;
}

export async function pollInterruptions(db: Db, electionId: string, round: number): Promise<string[]> {
  return interruptionLines(await repo.listEvents(db, electionId, round));
}
