import { existsSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

/** The SQLite file of this spec's own server (playwright.config.ts gives each server a folder). */
function databaseFile(): string {
  const file = `${process.env['E2E_DATA_DIR']}/roll/baucoso.sqlite`;
  if (!existsSync(file)) throw new Error(`e2e database not found: ${file}`);
  return file;
}

/**
 * The roll is posted by the election team, so the lifecycle wants the team formed first; forming it
 * (nominations, meetings, team) is covered by preparation.spec.ts, so here the demo election is put
 * at that step directly.
 */
function formTeam(electionId: string) {
  const db = new Database(databaseFile());
  try {
    db.prepare("update elections set state = 'teamFormed' where id = ?").run(electionId);
  } finally {
    db.close();
  }
}

async function login(page: Page) {
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill('ubnd.phuong2');
  await page.getByLabel('Mật khẩu').fill('baucoso2024');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { name: 'Phường 2 Bảo Lộc' })).toBeVisible();
}

test('an officer builds, posts and amends the roll of Khu phố 1, then downloads the roll and the voter cards', async ({
  page,
}, testInfo) => {
  await login(page);
  await page.getByRole('link', { name: 'Khu phố 1', exact: true }).click();
  await page.getByTestId('open-roll').first().click();
  await expect(page.getByRole('heading', { name: 'Danh sách cử tri — Khu phố 1' })).toBeVisible();
  const electionId = page.url().split('/bau-cu/')[1]!.split('/')[0]!;

  // NĐ 59/2023: the electorate is fixed (household representatives); build the draft.
  await expect(page.getByText('Cử tri đại diện hộ gia đình (theo')).toBeVisible();
  await page.getByRole('button', { name: 'Lập danh sách' }).click();
  await expect(page.getByTestId('roll-state')).toHaveText('Dự thảo (chưa niêm yết)');
  const registered = Number((await page.getByTestId('roll-registered').innerText()).replace(/\D/g, ''));
  expect(registered).toBeGreaterThan(300);
  await expect(page.getByTestId('roll-listed').getByRole('cell', { name: /^Tổ 1 \(/ })).toBeVisible();

  // Posting before the team is formed is refused by the lifecycle's order.
  await page.getByRole('button', { name: 'Niêm yết danh sách', exact: true }).click();
  await page.getByRole('button', { name: 'Xác nhận: Niêm yết danh sách' }).click();
  await expect(page.getByTestId('post-message')).toContainText('Không thể chuyển');
  formTeam(electionId);
  // The demo election was in 2024: the posting deadline has passed, so the chair's permission is needed.
  await page.getByRole('button', { name: 'Niêm yết danh sách', exact: true }).click();
  await page.getByRole('button', { name: 'Xác nhận: Niêm yết danh sách' }).click();
  await expect(page.getByTestId('post-message')).toContainText('hạn chót');
  await page.getByLabel('Chủ tịch UBND cấp xã cho phép').fill('Lê Thanh Bình');
  await page.getByLabel('Lý do cho phép').fill('Nhập lại dữ liệu bầu cử năm 2024 để lưu trữ');
  await page.getByRole('button', { name: 'Niêm yết danh sách', exact: true }).click();
  await page.getByRole('button', { name: 'Xác nhận: Niêm yết danh sách' }).click();
  await expect(page.getByTestId('roll-state')).toHaveText('Đã niêm yết');
  await expect(page.getByTestId('roll-snapshots')).toContainText(`Bản 1 (niêm yết`);

  // Amend: remove the first listed person. After the cut-off it is refused, naming the rule.
  await page.getByRole('textbox', { name: 'Người', exact: true }).click();
  await page.getByRole('option').first().click();
  await page.getByLabel('Lý do', { exact: true }).fill('Đã chuyển đi nơi khác');
  await page.getByLabel('Người phê duyệt').fill('Phạm Văn Hùng');
  await page.getByRole('button', { name: 'Ghi sửa đổi' }).click();
  await expect(page.getByTestId('amend-message')).toContainText(
    'Không thể sửa đổi, bổ sung danh sách cử tri',
  );
  await expect(page.getByTestId('amend-message')).toContainText('Nghị định 59');
  await page.getByLabel('Chủ tịch UBND cấp xã cho phép (nếu quá hạn)').fill('Lê Thanh Bình');
  await page.getByLabel('Lý do Chủ tịch cho phép').fill('Người có tên đã chuyển đi trước ngày bầu cử');
  await page.getByRole('button', { name: 'Ghi sửa đổi' }).click();
  await expect(page.getByTestId('amend-message')).toHaveText('Đã ghi sửa đổi.');
  await expect(page.getByTestId('roll-registered')).toHaveText(String(registered - 1));
  await expect(page.getByTestId('roll-snapshots')).toContainText('Bản 2 (sau sửa đổi');
  await page.getByRole('tab', { name: /Sửa đổi, bổ sung/ }).click();
  await expect(page.getByTestId('roll-amendments')).toContainText('Lê Thanh Bình');
  await page.screenshot({ path: testInfo.outputPath('roll-page.png'), fullPage: false });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: testInfo.outputPath('roll-top.png'), fullPage: false });

  // Downloads: the XLSX, the roll for posting and the voter cards.
  const xlsx = await page.request.get(`/api/elections/${electionId}/roll.xlsx`);
  expect(xlsx.ok()).toBe(true);
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');
  await page.getByRole('button', { name: 'In danh sách niêm yết (PDF)' }).click();
  const rollLink = page.getByTestId('download-voter-roll');
  await expect(rollLink).toBeVisible();
  const rollPdf = await page.request.get((await rollLink.getAttribute('href'))!);
  expect((await rollPdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  writeFileSync(testInfo.outputPath('roll.pdf'), await rollPdf.body());
  await page.getByRole('button', { name: 'In thẻ cử tri (PDF)' }).click();
  const cardsLink = page.getByTestId('download-voter-cards');
  await expect(cardsLink).toBeVisible();
  const cardsPdf = await page.request.get((await cardsLink.getAttribute('href'))!);
  expect((await cardsPdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  writeFileSync(testInfo.outputPath('cards.pdf'), await cardsPdf.body());
  await page.screenshot({ path: testInfo.outputPath('roll-downloads.png'), fullPage: false });
});
