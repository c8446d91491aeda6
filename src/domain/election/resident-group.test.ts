import { describe, expect, it } from 'vitest';
import { kienGiang2024 } from '../rules/kien-giang-2024';
import { nd59 } from '../rules/nd59-2023';
import {
  electionPlace,
  groupInText,
  groupPositions,
  groupTermLabel,
  isGroupPosition,
  titleBeforePlace,
} from './resident-group';

describe('residents’ self-managed groups (Kế hoạch 65/KH-UBND Vĩnh Thuận mục II.1.6)', () => {
  it('mục II.1.6: Kiên Giang elects the Tổ trưởng, Tổ phó and Thư ký of each group; the national rules none', () => {
    expect(groupPositions(kienGiang2024)).toEqual(['groupLeader', 'groupDeputy', 'groupSecretary']);
    expect(isGroupPosition(kienGiang2024, 'head')).toBe(false);
    expect(groupPositions(nd59)).toEqual([]);
    expect(groupTermLabel(nd59, '2024-09-15')).toBeNull();
  });

  it('tên Kế hoạch: the groups serve 2024-2026 beside the heads’ 2024-2029', () => {
    expect(groupTermLabel(kienGiang2024, '2024-09-15')).toBe('2024-2026');
    const thirty = {
      ...kienGiang2024,
      residentGroup: { ...kienGiang2024.residentGroup, value: { positions: [], termMonths: 30 } },
    } as typeof kienGiang2024;
    expect(groupTermLabel(thirty, '2024-09-15')).toBe('2024-2027');
  });

  it('names the group as documents do, with its hamlet', () => {
    expect(groupInText('Tổ 3')).toBe('Tổ nhân dân tự quản số 3');
    expect(groupInText('tổ số 12')).toBe('Tổ nhân dân tự quản số 12');
    expect(groupInText('7')).toBe('Tổ nhân dân tự quản số 7');
    expect(groupInText('Tổ nhân dân tự quản số 2')).toBe('Tổ nhân dân tự quản số 2');
    expect(groupInText('Tổ Bờ Kênh')).toBe('Tổ nhân dân tự quản Bờ Kênh');
    expect(electionPlace('Ấp Vĩnh Phước', 'Tổ 3')).toBe('Tổ nhân dân tự quản số 3, ấp Vĩnh Phước');
    expect(electionPlace('Ấp Vĩnh Phước', null)).toBe('Ấp Vĩnh Phước');
    expect(titleBeforePlace('groupLeader', 'Tổ trưởng Tổ nhân dân tự quản', 'Tổ 3')).toBe('Tổ trưởng');
    expect(titleBeforePlace('head', 'Trưởng ấp', null)).toBe('Trưởng ấp');
  });
});
