import { describe, expect, it } from 'vitest';
import { tayNinh2019 } from '../rules/tay-ninh-2019';
import { communeChoosesSessions, parseSessions, sessionAt, sessionsProblem } from './polling-sessions';

const hours = tayNinh2019.pollingHours.value!;

describe('Tây Ninh Điều 16 k3f: sessions the commune fixes', () => {
  it('the commune chooses the sessions where the profile gives no earliest start', () => {
    expect(communeChoosesSessions(hours)).toBe(true);
    expect(communeChoosesSessions(null)).toBe(false);
  });
  it('accepts a morning from 07:30, an afternoon from 13:30, or the afternoon alone, ending by 19:00', () => {
    expect(
      sessionsProblem(hours, [
        { start: '07:30', end: '11:30' },
        { start: '13:30', end: '17:00' },
      ]),
    ).toBeNull();
    expect(sessionsProblem(hours, [{ start: '13:30', end: '18:59' }])).toBeNull();
  });
  it('refuses a start before the rule, an afternoon before 13:30, an end after 19:00, three sessions', () => {
    expect(sessionsProblem(hours, [{ start: '07:00', end: '11:00' }])).toMatch(/sớm hơn/);
    expect(
      sessionsProblem(hours, [
        { start: '07:30', end: '09:00' },
        { start: '12:00', end: '17:00' },
      ]),
    ).toMatch(/sớm hơn/);
    expect(sessionsProblem(hours, [{ start: '13:30', end: '19:30' }])).toMatch(/trước 19:00/);
    expect(
      sessionsProblem(hours, [
        { start: '07:30', end: '09:00' },
        { start: '13:30', end: '15:00' },
        { start: '16:00', end: '17:00' },
      ]),
    ).toMatch(/2 buổi/);
  });
  it('finds the session a time falls in and none between them', () => {
    const s = parseSessions('[{"start":"07:30","end":"11:30"},{"start":"13:30","end":"17:00"}]');
    expect(sessionAt(s, '11:30')).toEqual(s[0]);
    expect(sessionAt(s, '12:00')).toBeNull();
    expect(parseSessions('not json')).toEqual([]);
  });
});
