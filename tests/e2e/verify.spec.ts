import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { qrOfPdfPage } from '../../src/documents/test-support';
import { approveCountingTeam, chooseWitnesses } from './count-witnesses';

const PASSWORD = 'baucoso2024';
const PAPERS = 10;
const WARD = '24820';

async function login(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
  return page;
}

async function enterLane(page: Page, countId: string, batchId: string, lane: 1 | 2) {
  await page.goto(`/kiem-phieu/${countId}/tap/${batchId}/luot/${lane}`);
  await expect(page.getByTestId('lane-count')).toHaveText(`0 / ${PAPERS} phiếu`);
  for (let i = 0; i < PAPERS; i++) await page.keyboard.press(i % 4 === 3 ? '2' : '1');
  await expect(page.getByTestId('lane-count')).toHaveText(`${PAPERS} / ${PAPERS} phiếu`);
  await expect(page.getByTestId('sync')).toHaveText('Đã lưu hết', { timeout: 30_000 });
}

test('a resident scans the QR of an issued count record and sees whether it matches the record', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  // Count a small election through the app (too few papers to elect: a re-run), then issue its
  // count record.
  const officer = await login(browser, 'ubnd.phuong2');
  await officer.getByRole('link', { name: 'Khu phố 1', exact: true }).click();
  await officer.getByRole('link', { name: 'Kiểm phiếu' }).first().click();
  await officer.getByRole('button', { name: 'Chuẩn bị dữ liệu mẫu cho ngày bầu cử' }).click();
  await expect(officer.getByText('2 người ứng cử')).toBeVisible();
  await officer.getByLabel('Số cử tri tham gia bỏ phiếu').fill(String(PAPERS));
  await officer.getByLabel('Số phiếu phát ra').fill(String(PAPERS));
  await officer.getByLabel('Số phiếu thu vào').fill(String(PAPERS));
  await officer.getByRole('button', { name: /Mở kiểm phiếu chức danh này/ }).click();
  await expect(officer).toHaveURL(/\/kiem-phieu\/[0-9a-f-]+$/);
  const countId = officer.url().split('/').pop() as string;
  await officer.getByLabel('Số phiếu của tập').fill(String(PAPERS));
  await officer.getByRole('button', { name: 'Mở tập mới' }).click();
  await expect(officer.getByText(`Tập 1: ${PAPERS} phiếu`)).toBeVisible();
  const view = (await (await officer.request.get(`/api/counts/${countId}`)).json()) as {
    electionId: string;
    batches: { id: string }[];
    candidates: { name: string }[];
  };
  await approveCountingTeam(officer.request, view.electionId);
  const batchId = view.batches[0]!.id;
  const first = await login(browser, 'tobaucu.kp1');
  const second = await login(browser, 'tobaucu2.kp1');
  await Promise.all([enterLane(first, countId, batchId, 1), enterLane(second, countId, batchId, 2)]);
  await first.goto(`/kiem-phieu/${countId}`);
  await first.getByRole('button', { name: 'Khóa tập 1', exact: true }).click();
  await expect(first.getByRole('button', { name: 'Khóa tập 1', exact: true })).toHaveCount(0);
  await chooseWitnesses(
    first,
    view.electionId,
    view.candidates.map((c) => c.name),
  );
  await first.getByRole('button', { name: 'Kết thúc kiểm phiếu' }).click();
  await first.getByRole('button', { name: 'Xác nhận: Kết thúc kiểm phiếu' }).click();
  await expect(first.getByRole('heading', { name: /^Kết quả: / })).toBeVisible();
  await officer.goto(`/kiem-phieu/${countId}`);
  await officer.getByRole('button', { name: 'Ban hành biên bản kiểm phiếu' }).click();
  await expect(officer.getByRole('button', { name: 'Đã ban hành' })).toBeVisible();

  // Download the issued PDF, render it as a phone would see the paper, and decode its QR.
  const docs = (await (await officer.request.get(`/api/communes/${WARD}/documents`)).json()) as {
    id: string;
    form_id: string;
    verification_code: string | null;
  }[];
  const record = docs.find((d) => d.form_id === 'count-record');
  expect(record?.verification_code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const pdf = Buffer.from(await (await officer.request.get(`/api/documents/${record!.id}/pdf`)).body());
  writeFileSync(testInfo.outputPath('count-record-issued.pdf'), pdf);
  const url = qrOfPdfPage(pdf, 1);
  expect(url).toMatch(new RegExp(`^http://localhost:\\d+/kiem-tra/${record!.verification_code}$`));

  // A resident's phone, never signed in, opens the QR's address.
  const phone = await (
    await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })
  ).newPage();
  await phone.goto(url!);
  const answer = phone.getByTestId('verify-answer');
  await expect(answer).toContainText('Văn bản khớp với hồ sơ');
  await expect(phone.getByText(/Biên bản kiểm phiếu/).first()).toBeVisible();
  await expect(phone.getByRole('button', { name: 'Đăng nhập' })).toHaveCount(0);
  await phone.screenshot({ path: testInfo.outputPath('verify-match-390.png'), fullPage: true });

  // Typing the code by hand, lower case and without dashes, reaches the same answer.
  await phone.goto('/kiem-tra');
  await phone.getByLabel('Mã kiểm tra').fill(record!.verification_code!.toLowerCase().replace(/-/g, ''));
  await phone.getByRole('button', { name: 'Kiểm tra' }).click();
  await expect(phone.getByTestId('verify-answer')).toContainText('Văn bản khớp với hồ sơ');

  // Someone with the database file changes the stored document's bytes: the page says so.
  const file = join(process.env['E2E_DATA_DIR']!, 'verify', 'baucoso.sqlite');
  const db = new BetterSqlite3(file);
  db.prepare('update documents set pdf = ? where id = ?').run(
    Buffer.concat([pdf, Buffer.from('\n% sửa')]),
    record!.id,
  );
  db.close();
  await phone.goto(url!);
  await expect(phone.getByTestId('verify-answer')).toContainText('Văn bản KHÔNG khớp với hồ sơ');
  await expect(phone.getByTestId('verify-answer')).toContainText('tệp đã bị sửa');
  await phone.screenshot({ path: testInfo.outputPath('verify-mismatch-390.png'), fullPage: true });
});
