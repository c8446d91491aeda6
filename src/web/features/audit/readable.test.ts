import { describe, expect, it } from 'vitest';
import { actionLabel, readableChanges, valueText } from './readable';

describe('the audit trail as officials read it', () => {
  it('names every action in Vietnamese, and an unknown one by its group, never by its code', () => {
    expect(actionLabel('office.recognition')).toBe('Công nhận người trúng cử');
    expect(actionLabel('election.step')).toBe('Chuyển bước bầu cử');
    expect(actionLabel('count.somethingNew')).toBe('Kiểm phiếu: thao tác khác');
    expect(actionLabel('zzz')).toBe('thao tác khác');
  });

  it('labels fields in Vietnamese, says coded values in words and leaves internal keys out', () => {
    const shown = readableChanges([
      { field: 'termId', before: null, after: '5e80d80d-4e2a-4124-abf4-efe4a15e6fc7' },
      { field: 'pdf_sha256', before: null, after: 'abc' },
      { field: 'from', before: null, after: 'planned' },
      { field: 'to', before: null, after: 'candidatesDrafted' },
      { field: 'on', before: null, after: '2024-02-27' },
      { field: 'eligible', before: null, after: 'true' },
      { field: 'residence', before: 'permanent', after: 'temporary' },
      { field: 'relation', before: null, after: 'head' },
      { field: 'positions', before: null, after: '["head","deputyHead"]' },
      { field: 'mystery', before: null, after: '{"a":1}' },
    ]);
    expect(shown).toEqual([
      { label: 'Từ', before: null, after: 'Đã lên kế hoạch' },
      { label: 'Thành', before: null, after: 'Đã dự kiến người ứng cử' },
      { label: 'Ngày', before: null, after: '27/02/2024' },
      { label: 'Đủ điều kiện', before: null, after: 'Có' },
      { label: 'Cư trú', before: 'Thường trú', after: 'Tạm trú' },
      { label: 'Quan hệ với chủ hộ', before: null, after: 'Chủ hộ' },
      { label: 'Chức danh', before: null, after: 'Trưởng thôn/tổ dân phố, Phó trưởng thôn/tổ dân phố' },
      { label: 'Chi tiết', before: null, after: '(chi tiết trong bản tải về)' },
    ]);
    expect(valueText(null)).toBe('—');
    expect(valueText('Nguyễn Văn An')).toBe('Nguyễn Văn An');
  });
});
