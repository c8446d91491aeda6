import { expect } from '@playwright/test';
import type { APIRequestContext, Page } from '@playwright/test';

/**
 * The community meeting's agenda through the secret ballot and a counting team of three (ND59
 * Điều 3 khoản 5 điểm i), recorded through the API: a paper count at the meeting closes only once
 * the meeting approved its counting team. The meeting's own pages are tested in meeting.spec.ts.
 */
export async function approveCountingTeam(api: APIRequestContext, electionId: string): Promise<void> {
  const meeting = (await (await api.get(`/api/elections/${electionId}/meeting`)).json()) as {
    registered: number;
  };
  const present = Math.ceil((meeting.registered * 3) / 4);
  const hands = { votesFor: present, against: 0, abstained: 0 };
  for (const data of [
    { step: 'opening', present },
    { step: 'secretary', name: 'Lê Thị Thu', ...hands },
    { step: 'votingForm', method: 'secret', ...hands },
    { step: 'countingTeam', members: ['Đỗ Văn Thắng', 'Phan Thị Ngọc Ánh', 'Vũ Minh Tâm'], ...hands },
  ]) {
    const r = await api.post(`/api/elections/${electionId}/meeting/votes`, { data });
    expect(r.ok(), await r.text()).toBe(true);
  }
}

/**
 * Chooses the count's two witnesses on the count page, as the team does: a roll number searched,
 * the voter tapped, skipping the candidates; then recorded.
 */
export async function chooseWitnesses(
  page: Page,
  electionId: string,
  candidates: readonly string[],
  touch = false,
): Promise<string[]> {
  const box = page.getByTestId('count-witnesses');
  const names: string[] = [];
  // The team counts: its members do not witness (nor do the candidates).
  const busy = new Set([...candidates, ...(await teamNames(page.request, electionId))]);
  for (let n = 1; names.length < 2; n++) {
    const found = (await (
      await page.request.get(`/api/elections/${electionId}/polling/voters?q=${n}`)
    ).json()) as { fullName: string }[];
    const name = found[0]?.fullName;
    if (!name || busy.has(name)) continue;
    await box.getByLabel('Tìm cử tri (số thứ tự hoặc họ tên)').fill(String(n));
    const button = box.getByRole('button', { name: `${n}. ${name}`, exact: true });
    await (touch ? button.tap() : button.click());
    names.push(name);
  }
  const save = box.getByRole('button', { name: 'Ghi người chứng kiến' });
  await (touch ? save.tap() : save.click());
  await expect(box.getByRole('listitem')).toHaveCount(2);
  return names;
}

/** The names on the election team, who count and so do not witness. */
export async function teamNames(api: APIRequestContext, electionId: string): Promise<string[]> {
  const team = (await (await api.get(`/api/elections/${electionId}/team`)).json()) as {
    members: { fullName: string }[];
  };
  return team.members.map((m) => m.fullName);
}
