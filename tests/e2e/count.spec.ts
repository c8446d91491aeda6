import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { approveCountingTeam, chooseWitnesses } from './count-witnesses';

const PASSWORD = 'baucoso2024';
const PAPERS = 300;
const BATCH = 50;

async function login(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
  return page;
}

/**
 * The stack as read by the first entrant, one key per paper: 1 = only the first name left,
 * 2 = only the second, 3 = both kept (too many for one seat), 0 = all struck out, ". 2" = a defect
 * (the second reason of the picker: no commune stamp).
 */
function stack(): string[][] {
  const keys: string[][] = [];
  for (let i = 0; i < PAPERS; i++) {
    if (i % 75 === 74) keys.push(['.', '2']);
    else if (i % 50 === 49) keys.push(['3']);
    else if (i % 30 === 29) keys.push(['0']);
    else keys.push([i % 5 === 4 ? '2' : '1']);
  }
  return keys;
}

/** Three planted differences in the second entrant's reading (paper index → keys typed). */
const PLANTED = new Map<number, string[]>([
  [16, ['2']],
  [120, ['0']],
  [251, ['2']],
]);

async function enterLane(page: Page, countId: string, batchIds: string[], lane: 1 | 2, keys: string[][]) {
  let pressed = 0;
  for (const [b, batchId] of batchIds.entries()) {
    await page.goto(`/kiem-phieu/${countId}/tap/${batchId}/luot/${lane}`);
    await expect(page.getByTestId('lane-count')).toHaveText(`0 / ${BATCH} phiếu`);
    for (let i = b * BATCH; i < (b + 1) * BATCH; i++) {
      const paper = lane === 2 && PLANTED.has(i) ? (PLANTED.get(i) as string[]) : (keys[i] as string[]);
      for (const k of paper) {
        await page.keyboard.press(k === '.' ? 'Period' : k);
        pressed++;
      }
    }
    await expect(page.getByTestId('lane-count')).toHaveText(`${BATCH} / ${BATCH} phiếu`);
    await expect(page.getByTestId('sync')).toHaveText('Đã lưu hết', { timeout: 30_000 });
  }
  return pressed;
}

test('two team members count 300 papers with double entry, resolve three differences, close and print', async ({
  browser,
}, testInfo) => {
  test.setTimeout(300_000);
  const officer = await login(browser, 'ubnd.phuong2');
  await officer.getByRole('link', { name: 'Khu phố 1', exact: true }).click();
  await officer.getByRole('link', { name: 'Kiểm phiếu' }).first().click();
  await officer.getByRole('button', { name: 'Chuẩn bị dữ liệu mẫu cho ngày bầu cử' }).click();
  await expect(officer.getByText('2 người ứng cử')).toBeVisible();
  await officer.getByLabel('Số cử tri tham gia bỏ phiếu').fill(String(PAPERS));
  await officer.getByLabel('Số phiếu phát ra').fill('310');
  await officer.getByLabel('Số phiếu thu vào').fill(String(PAPERS));
  await officer.getByRole('button', { name: /Mở kiểm phiếu chức danh này/ }).click();
  await expect(officer).toHaveURL(/\/kiem-phieu\/[0-9a-f-]+$/);
  const countId = officer.url().split('/').pop() as string;
  for (let b = 0; b < PAPERS / BATCH; b++) {
    await officer.getByLabel('Số phiếu của tập').fill(String(BATCH));
    await officer.getByRole('button', { name: 'Mở tập mới' }).click();
    await expect(officer.getByText(`Tập ${b + 1}: ${BATCH} phiếu`)).toBeVisible();
  }
  const view = (await (await officer.request.get(`/api/counts/${countId}`)).json()) as {
    electionId: string;
    batches: { id: string }[];
    candidates: { name: string }[];
  };
  await approveCountingTeam(officer.request, view.electionId);
  const batchIds = view.batches.map((b) => b.id);
  expect(batchIds).toHaveLength(6);

  const keys = stack();
  const first = await login(browser, 'tobaucu.kp1');
  const second = await login(browser, 'tobaucu2.kp1');
  const [pressed1, pressed2] = await Promise.all([
    enterLane(first, countId, batchIds, 1, keys),
    enterLane(second, countId, batchIds, 2, keys),
  ]);
  await first.screenshot({ path: testInfo.outputPath('entry.png'), fullPage: true });
  const perPaper = pressed1 / PAPERS;
  testInfo.annotations.push({ type: 'keystrokes per paper', description: perPaper.toFixed(3) });
  process.stdout.write(
    `keystrokes per paper: lane 1 ${perPaper.toFixed(3)}, lane 2 ${(pressed2 / PAPERS).toFixed(3)}\n`,
  );
  expect(perPaper).toBeLessThanOrEqual(1.2);

  // The first team member sees the three differences with both entries.
  await first.goto(`/kiem-phieu/${countId}`);
  const diffRows = first.locator('table[aria-label^="Khác biệt"] tbody tr');
  await expect(diffRows).toHaveCount(3);
  await expect(first.getByText('Phiếu số').first()).toBeVisible();
  // A count that does not add up cannot be closed, and says why.
  await first.getByRole('button', { name: 'Kết thúc kiểm phiếu' }).click();
  await first.getByRole('button', { name: 'Xác nhận: Kết thúc kiểm phiếu' }).click();
  await expect(first.getByRole('alert').filter({ hasText: 'Chưa kết thúc được kiểm phiếu' })).toContainText(
    'chưa khóa',
  );
  await first.screenshot({ path: testInfo.outputPath('differences.png'), fullPage: true });
  // The team re-reads each paper: the first entry was right.
  for (let i = 0; i < 3; i++) {
    await first
      .getByRole('button', { name: /^Lượt nhập 1:/ })
      .first()
      .click();
    await expect(first.getByText('Đã thống nhất:')).toHaveCount(i + 1);
  }
  for (let b = 1; b <= 6; b++) {
    await first.getByRole('button', { name: `Khóa tập ${b}`, exact: true }).click();
    await expect(first.getByRole('button', { name: `Khóa tập ${b}`, exact: true })).toHaveCount(0);
  }
  // ND59 Mẫu 02: without its two witnesses the count does not close; the refusal names the rule.
  await first.getByRole('button', { name: 'Kết thúc kiểm phiếu' }).click();
  await first.getByRole('button', { name: 'Xác nhận: Kết thúc kiểm phiếu' }).click();
  await expect(first.getByRole('alert').filter({ hasText: 'Chưa kết thúc được kiểm phiếu' })).toContainText(
    'chứng kiến việc kiểm phiếu',
  );
  const witnesses = await chooseWitnesses(
    first,
    view.electionId,
    view.candidates.map((c) => c.name),
  );
  await first.screenshot({ path: testInfo.outputPath('witnesses.png'), fullPage: true });
  await first.getByRole('button', { name: 'Kết thúc kiểm phiếu' }).click();
  await first.getByRole('button', { name: 'Xác nhận: Kết thúc kiểm phiếu' }).click();
  await expect(first.getByRole('heading', { name: /Kết quả: Trúng cử/ })).toBeVisible();
  await expect(first.getByTestId('papers-entered')).toHaveText(String(PAPERS));
  await first.screenshot({ path: testInfo.outputPath('result.png'), fullPage: true });

  const [download] = await Promise.all([
    first.waitForEvent('download'),
    first.getByRole('link', { name: 'In biên bản kiểm phiếu (PDF)' }).click(),
  ]);
  const pdf = readFileSync(await download.path());
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  // Named in Vietnamese, folded to ASCII, by the server's Content-Disposition.
  expect(download.suggestedFilename()).toBe('bien-ban-kiem-phieu-khu-pho-1.pdf');
  await download.saveAs(testInfo.outputPath('count-record.pdf'));
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', testInfo.outputPath('count-record.pdf'), '-'])
    .toString('utf8')
    .normalize('NFC')
    .replace(/\s+/g, ' ');
  expect(text).toContain('Ban kiểm phiếu gồm: 1. Đỗ Văn Thắng - Trưởng ban');
  for (const w of witnesses) expect(text).toContain(w);

  // The commune issues the record through the document registry.
  await officer.goto(`/kiem-phieu/${countId}`);
  await officer.getByRole('button', { name: 'Ban hành biên bản kiểm phiếu' }).click();
  await expect(officer.getByRole('button', { name: 'Đã ban hành' })).toBeVisible();
});
