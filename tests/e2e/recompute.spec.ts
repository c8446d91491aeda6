import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { approveCountingTeam, teamNames } from './count-witnesses';

/** The SQLite file of this spec's own server (playwright.config.ts gives each server a folder). */
function databaseFile(): string {
  const file = `${process.env['E2E_DATA_DIR']}/recompute/baucoso.sqlite`;
  if (!existsSync(file)) throw new Error(`e2e database not found: ${file}`);
  return file;
}

/** What someone holding the database file could do: make the loser elected in the stored closure. */
function electTheLoser(countId: string, loser: { id: string; name: string }) {
  const db = new Database(databaseFile());
  try {
    const row = db.prepare('select result from count_closures where count_id = ?').get(countId) as {
      result: string;
    };
    const stored = JSON.parse(row.result) as { candidates: { id: string; votes: number }[] };
    const forged = {
      ...stored,
      elected: [loser.id],
      candidates: stored.candidates.map((c) => ({ ...c, votes: c.id === loser.id ? 230 : 20 })),
      conclusion: `${loser.name} (230 phiếu) trúng cử Khu phố trưởng khu phố 1.`,
    };
    db.prepare('update count_closures set result = ? where count_id = ?').run(
      JSON.stringify(forged),
      countId,
    );
  } finally {
    db.close();
  }
}

test('a stored result edited in the database file: the count page shows the red alarm with the papers’ figures', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill('ubnd.phuong2');
  await page.getByLabel('Mật khẩu').fill('baucoso2024');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
  await page.getByRole('link', { name: 'Khu phố 1', exact: true }).click();
  await page.getByRole('link', { name: 'Kiểm phiếu' }).first().click();
  await page.getByRole('button', { name: 'Chuẩn bị dữ liệu mẫu cho ngày bầu cử' }).click();
  await expect(page.getByText('2 người ứng cử')).toBeVisible();
  const electionId = /\/bau-cu\/([0-9a-f-]+)\//.exec(page.url())?.[1] ?? '';
  // The count itself is the count spec's subject: here it is entered through the API.
  const api = page.request;
  const opened = await api.post(`/api/elections/${electionId}/counts`, {
    data: { position: 'head', voted: 250, issued: 250, received: 250, doubleEntry: false },
  });
  expect(opened.status()).toBe(201);
  const countId = ((await opened.json()) as { id: string }).id;
  const view = (await (await api.get(`/api/counts/${countId}`)).json()) as {
    candidates: { id: string; name: string }[];
  };
  const [first, second] = view.candidates as [{ id: string; name: string }, { id: string; name: string }];
  const [a, b] = [first.id, second.id];
  const batch = (await (
    await api.post(`/api/counts/${countId}/batches`, { data: { size: 250 } })
  ).json()) as {
    id: string;
  };
  for (let i = 0; i < 250; i += 50) {
    const papers = Array.from({ length: 50 }, (_, j) => ({
      batchId: batch.id,
      lane: 1,
      kept: [i + j < 230 ? a : b],
      defect: null,
      key: crypto.randomUUID(),
    }));
    expect((await api.post(`/api/counts/${countId}/papers/bulk`, { data: { papers } })).ok()).toBe(true);
  }
  expect((await api.post(`/api/counts/${countId}/batches/${batch.id}/close`, { data: {} })).ok()).toBe(true);
  // The meeting's counting team and the two witnesses, through the API (count.spec.ts picks them on the page).
  await approveCountingTeam(api, electionId);
  const roll = (await (await api.get(`/api/elections/${electionId}/polling/voters?q=Nguyễn`)).json()) as {
    residentId: string;
    fullName: string;
  }[];
  const busy = new Set([...view.candidates.map((c) => c.name), ...(await teamNames(api, electionId))]);
  const witnessIds = roll
    .filter((v) => !busy.has(v.fullName))
    .slice(0, 2)
    .map((v) => v.residentId);
  const witnessed = await api.post(`/api/elections/${electionId}/polling/witnesses`, {
    data: { position: 'head', witnessIds },
  });
  expect(witnessed.status(), await witnessed.text()).toBe(201);
  expect((await api.post(`/api/counts/${countId}/close`, { data: {} })).ok()).toBe(true);

  await page.goto(`/kiem-phieu/${countId}`);
  await expect(page.getByRole('heading', { name: /Kết quả: Trúng cử/ })).toBeVisible();
  await expect(page.getByTestId('result-mismatch')).toHaveCount(0);

  electTheLoser(countId, second);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  const alarm = page.getByTestId('result-mismatch');
  await expect(alarm).toBeVisible();
  await expect(alarm).toContainText('kết quả đã lưu khác với các phiếu đã ghi');
  await expect(alarm.getByRole('row', { name: /Người trúng cử/ })).toBeVisible();
  await expect(alarm.getByRole('row', { name: /Người trúng cử/ })).toContainText(first.name);
  // The page's own result is still the papers': the first candidate, 230 votes.
  await expect(page.getByText(`${first.name} (230 phiếu`, { exact: false }).last()).toBeVisible();
  await alarm.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('mismatch-phone.png'), fullPage: true });
});
