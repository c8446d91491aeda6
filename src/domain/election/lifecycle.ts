/**
 * The lifecycle of one hamlet election. Order follows ND59 Điều 6–8 and QĐ 01/2016 Điều 15: the list is
 * fixed before the election team is formed, the roll is posted before polling, and the commune acts on
 * the report by recognising, ordering a re-run, or (after a failed last round) appointing an interim head.
 */
import type { Result } from '../result';
import { err, ok } from '../result';

export const ELECTION_STATES = [
  'planned',
  'candidatesDrafted',
  'listOfficial',
  'teamFormed',
  'rollPosted',
  'polling',
  'counted',
  'reported',
  'recognised',
  'rerunOrdered',
  'interim',
] as const;
export type ElectionState = (typeof ELECTION_STATES)[number];

const TRANSITIONS: Readonly<Record<ElectionState, readonly ElectionState[]>> = {
  planned: ['candidatesDrafted'],
  candidatesDrafted: ['listOfficial'],
  listOfficial: ['teamFormed'],
  teamFormed: ['rollPosted'],
  rollPosted: ['polling'],
  polling: ['counted'],
  counted: ['reported'],
  reported: ['recognised', 'rerunOrdered', 'interim'],
  // A re-run keeps the lists and team, or starts over when the list must change.
  rerunOrdered: ['polling', 'planned'],
  // A new election must follow the interim appointment (QĐ 01/2016 Điều 15 k3: within 6 months).
  interim: ['planned'],
  recognised: [],
};

export const STATE_NAMES_VI: Readonly<Record<ElectionState, string>> = {
  planned: 'Đã lập kế hoạch',
  candidatesDrafted: 'Đã dự kiến danh sách người ứng cử',
  listOfficial: 'Đã có danh sách chính thức',
  teamFormed: 'Đã thành lập Tổ bầu cử',
  rollPosted: 'Đã niêm yết danh sách cử tri',
  polling: 'Đang bỏ phiếu',
  counted: 'Đã kiểm phiếu',
  reported: 'Đã báo cáo kết quả',
  recognised: 'Đã công nhận',
  rerunOrdered: 'Phải bầu cử lại',
  interim: 'Đã cử Trưởng thôn lâm thời',
};

export function nextStates(from: ElectionState): readonly ElectionState[] {
  return TRANSITIONS[from];
}

export function canTransition(from: ElectionState, to: ElectionState): boolean {
  return TRANSITIONS[from].includes(to);
}

export function isTerminal(state: ElectionState): boolean {
  return TRANSITIONS[state].length === 0;
}

export function transition(from: ElectionState, to: ElectionState): Result<ElectionState> {
  if (canTransition(from, to)) return ok(to);
  const allowed = TRANSITIONS[from].map((s) => `"${STATE_NAMES_VI[s]}"`).join(', ') || 'không còn bước nào';
  return err({
    code: 'invalid-transition',
    field: 'state',
    message: `Không thể chuyển từ "${STATE_NAMES_VI[from]}" sang "${STATE_NAMES_VI[to]}"; bước tiếp theo: ${allowed}.`,
  });
}
