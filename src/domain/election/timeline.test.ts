import { describe, expect, it } from 'vitest';
import { nd59 } from '../rules/nd59-2023';
import { quangTri2016 } from '../rules/quang-tri-2016';
import { tayNinh2019 } from '../rules/tay-ninh-2019';
import { createWorkCalendar } from '../calendar/working-days';
import { buildTimeline } from './timeline';
import {
  interimTermEnd,
  newElectionAfterInterimDeadline,
  recognitionDue,
  rerunDeadline,
  resultReportDue,
  termEnd,
} from './deadlines';

const due = (t: ReturnType<typeof buildTimeline>, id: string) => t.steps.find((s) => s.id === id)?.due;

describe('timeline', () => {
  it('QĐ 01/2016 Điều 15 k1: D-20, D-18, D-15, D-12, D-10, D-7, D-5, 24 hours before', () => {
    const t = buildTimeline(quangTri2016, '2024-11-17');
    expect(t.warnings).toEqual([]);
    expect(due(t, 'announce')).toBe('2024-10-28');
    expect(due(t, 'draft-candidates')).toBe('2024-10-30');
    expect(due(t, 'voter-conference')).toBe('2024-11-02');
    expect(due(t, 'official-candidates')).toBe('2024-11-05');
    expect(due(t, 'form-team')).toBe('2024-11-07');
    expect(due(t, 'notify-decisions')).toBe('2024-11-10');
    expect(due(t, 'post-candidates')).toBe('2024-11-12');
    expect(due(t, 'post-voters')).toBe('2024-11-12');
    expect(due(t, 'amend-lists')).toBe('2024-11-16');
    expect(t.steps.map((s) => s.due)).toEqual([...t.steps.map((s) => s.due)].sort());
  });

  it('QĐ 01/2016 Điều 14 k1: a Saturday election day is warned about', () => {
    const t = buildTimeline(quangTri2016, '2024-11-16');
    expect(t.warnings).toHaveLength(1);
    expect(t.warnings[0]?.code).toBe('weekday-not-allowed');
    expect(t.warnings[0]?.message).toContain('Thứ Bảy');
    expect(t.warnings[0]?.message).toContain('Điều 14');
  });

  it('Quy trình TN Điều 16 3f: Saturday or Sunday; Điều 15: D-8, D-6, D-5, D-2; Điều 16 3e: D+3', () => {
    const t = buildTimeline(tayNinh2019, '2024-11-16');
    expect(t.warnings).toEqual([]);
    expect(due(t, 'post-candidates')).toBe('2024-11-08');
    expect(due(t, 'candidate-complaints')).toBe('2024-11-10');
    expect(due(t, 'post-voters')).toBe('2024-11-11');
    expect(due(t, 'voter-complaints')).toBe('2024-11-14');
    expect(due(t, 'report-result')).toBe('2024-11-19');
    expect(buildTimeline(tayNinh2019, '2024-11-18').warnings[0]?.code).toBe('weekday-not-allowed');
  });

  it('ND59 Điều 6 k1: D-20, D-15, D-10, D-7 and no weekday rule', () => {
    const t = buildTimeline(nd59, '2024-11-20');
    expect(t.warnings).toEqual([]);
    expect(due(t, 'announce')).toBe('2024-10-31');
    expect(due(t, 'official-candidates')).toBe('2024-11-05');
    expect(due(t, 'form-team')).toBe('2024-11-10');
    expect(due(t, 'notify-decisions')).toBe('2024-11-13');
    expect(t.steps.every((s) => s.citation.source.length > 0)).toBe(true);
  });

  it('warns about steps already overdue when today is given', () => {
    const t = buildTimeline(nd59, '2024-11-20', { today: '2024-11-06' });
    expect(t.warnings.filter((w) => w.code === 'due-passed').map((w) => w.stepId)).toEqual([
      'announce',
      'draft-candidates',
      'official-candidates',
    ]);
  });
});

describe('deadlines after election day', () => {
  it('ND59 Điều 8: 05 working days from receipt, counted from the next day (Fri 13/02/2026 -> Fri 27/02/2026 across Tết)', () => {
    expect(recognitionDue(nd59, '2026-02-13')).toBe('2026-02-27');
    expect(recognitionDue(nd59, '2024-11-18')).toBe('2024-11-25');
  });

  it('QĐ 01/2016 Điều 16: received on a Saturday, the count starts on Monday', () => {
    expect(recognitionDue(quangTri2016, '2024-11-16')).toBe('2024-11-22');
  });

  it('uses the calendar it is given (24/11 switched on)', () => {
    const cal = createWorkCalendar({ cultureDay: true });
    expect(recognitionDue(nd59, '2026-11-20', cal)).toBe('2026-11-30');
    expect(recognitionDue(nd59, '2026-11-20')).toBe('2026-11-27');
  });

  it('QĐ 01/2016 Điều 15 k3: re-run within 15 days, new election within 6 months of the interim', () => {
    expect(rerunDeadline(quangTri2016, '2024-11-17')).toBe('2024-12-02');
    expect(newElectionAfterInterimDeadline(quangTri2016, '2024-12-10')).toBe('2025-06-10');
    expect(interimTermEnd(quangTri2016, '2024-08-31')).toBe('2025-02-28');
    expect(interimTermEnd(tayNinh2019, '2024-08-31')).toBeNull();
  });

  it('Quy trình TN Điều 16 3e: result within 3 days; QĐ 01/2016 Điều 4 k4a: 30-month term', () => {
    expect(resultReportDue(tayNinh2019, '2024-11-16')).toBe('2024-11-19');
    expect(termEnd(quangTri2016, '2024-11-25')).toBe('2027-05-24');
  });
});
