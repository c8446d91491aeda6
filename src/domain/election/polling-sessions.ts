/**
 * The polling sessions a commune fixes where its profile lets it choose them (Tây Ninh Điều 16 k3f:
 * "sáng (bắt đầu từ 7 giờ 30’), chiều (bắt đầu từ 13 giờ 30’) và kết thúc cuộc bầu cử trước 19 giờ
 * 00’ cùng ngày"). Times are HH:MM, Vietnam time; strings of that shape compare in time order.
 */

export interface PollingSession {
  readonly start: string;
  readonly end: string;
}

export interface PollingHoursRule {
  readonly sessionStarts: readonly string[];
  readonly end: string;
  readonly earliestStart: string | null;
  readonly latestEnd: string | null;
}

/** Whether the profile leaves the sessions to the commune: it lists session starts and no earliest start. */
export function communeChoosesSessions(h: PollingHoursRule | null): h is PollingHoursRule {
  return h !== null && h.earliestStart === null;
}

/** Why these sessions break the rule (a Vietnamese sentence without the citation), or null. */
export function sessionsProblem(h: PollingHoursRule, sessions: readonly PollingSession[]): string | null {
  const starts = [...h.sessionStarts].sort();
  if (sessions.length === 0) return 'Hãy ghi ít nhất một buổi bỏ phiếu.';
  if (sessions.length > starts.length)
    return `Quy định chỉ có ${starts.length} buổi bỏ phiếu (${starts.map((s) => `từ ${s}`).join(', ')}).`;
  const latest = h.latestEnd ?? h.end;
  let previousEnd = '00:00';
  for (const [i, s] of sessions.entries()) {
    if (s.end <= s.start) return `Buổi bỏ phiếu ${s.start}–${s.end}: giờ kết thúc phải sau giờ bắt đầu.`;
    if (s.start < previousEnd)
      return 'Các buổi bỏ phiếu không được chồng lên nhau và phải theo thứ tự trong ngày.';
    // The i-th session the commune fixes starts no earlier than a session of the rule that comes at
    // least i-th: a commune that keeps only the afternoon session starts it from 13:30.
    const allowed = starts.slice(i).find((start) => s.start >= start);
    if (!allowed)
      return `Buổi bỏ phiếu bắt đầu lúc ${s.start} sớm hơn giờ quy định (${starts.map((x) => `từ ${x}`).join(', ')}).`;
    if (s.end > latest)
      return `Cuộc bầu cử phải kết thúc trước ${latest} cùng ngày (buổi ${s.start}–${s.end}).`;
    previousEnd = s.end;
  }
  return null;
}

/** The session a time falls in, or null (before, between or after the sessions). */
export function sessionAt(sessions: readonly PollingSession[], time: string): PollingSession | null {
  return sessions.find((s) => time >= s.start && time <= s.end) ?? null;
}

/** "buổi 07:30–11:30 và buổi 13:30–17:00". */
export function describeChosenSessions(sessions: readonly PollingSession[]): string {
  return sessions.map((s) => `buổi ${s.start}–${s.end}`).join(' và ');
}

/** The sessions recorded on an election (JSON [{start, end}]), or none. */
export function parseSessions(json: string | null): PollingSession[] {
  if (!json) return [];
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v)
      ? v.filter(
          (x): x is PollingSession =>
            typeof (x as PollingSession)?.start === 'string' &&
            typeof (x as PollingSession)?.end === 'string',
        )
      : [];
  } catch {
    return [];
  }
}
