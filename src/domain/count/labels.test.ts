import { describe, expect, it } from 'vitest';
import { kienGiang2024, nd59, quangTri2016, tayNinh2019 } from '../rules';
import { meetingMinutesLabels } from './labels';

describe('the minutes of an election held at a meeting, as each profile names them', () => {
  it('ND59 Điều 3 khoản 5: the community meeting, Mẫu 03 (Kiên Giang follows ND59)', () => {
    for (const p of [nd59, kienGiang2024])
      expect(meetingMinutesLabels(p, 'ap')).toEqual({
        formLabel: 'Mẫu số 03',
        meetingName: 'cuộc họp cộng đồng dân cư',
        community: true,
      });
  });

  it('Tây Ninh Điều 7 and Quảng Trị Điều 7: the hội nghị of the hamlet, with no prescribed form', () => {
    expect(meetingMinutesLabels(tayNinh2019, 'ap')).toEqual({
      formLabel: null,
      meetingName: 'hội nghị ấp',
      community: false,
    });
    expect(meetingMinutesLabels(quangTri2016, 'khu-pho').meetingName).toBe('hội nghị khu phố');
    expect(meetingMinutesLabels(quangTri2016, 'not-a-kind').meetingName).toBe('hội nghị thôn');
  });
});
