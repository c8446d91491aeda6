import { expect, test } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';

const PASSWORD = 'baucoso2024';

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

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();

interface Voter {
  rollNumber: number;
  fullName: string;
  voted: boolean;
}

test('polling day: check in by number and by name, double check-in refused, turnout updates, seal unused ballots, open the count', async ({
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const officer = await login(browser, 'ubnd.phuong2');
  await officer.getByRole('link', { name: 'Khu phố 1', exact: true }).click();
  await officer.getByRole('link', { name: 'Kiểm phiếu' }).first().click();
  await expect(officer).toHaveURL(/\/bau-cu\/[0-9a-f-]+\/kiem-phieu$/);
  const electionId = officer.url().split('/').at(-2) as string;
  // Demo data, with polling day moved to today (Vietnam time) so the poll can open now.
  const prepared = await officer.request.post(`/api/elections/${electionId}/polling/demo`, {
    data: { onToday: true },
  });
  expect(prepared.ok()).toBe(true);
  const registered = ((await prepared.json()) as { registered: number }).registered;

  const team = await login(browser, 'tobaucu.kp1');
  await team.goto(`/bau-cu/${electionId}/bo-phieu`);
  const search = team.getByTestId('checkin-search');
  await expect(search).toBeFocused();
  const message = team.getByTestId('checkin-message');

  // By roll number: one key sequence and Enter.
  await search.fill('1');
  await search.press('Enter');
  await expect(message).toContainText('(số 1) đã bỏ phiếu');
  await expect(search).toBeFocused();

  // By name, typed without diacritics.
  const five = (
    (await (await team.request.get(`/api/elections/${electionId}/polling/voters?q=5`)).json()) as Voter[]
  )[0]!;
  await search.fill(fold(five.fullName));
  await search.press('Enter');
  const listed = team.getByRole('row').filter({ hasText: five.fullName }).filter({ hasText: /^5/ });
  if (await listed.count()) await listed.getByRole('button', { name: 'Ghi nhận bỏ phiếu' }).click();
  await expect(message).toContainText(`${five.fullName} (số 5) đã bỏ phiếu`);
  await team.screenshot({ path: testInfo.outputPath('checkin.png'), fullPage: true });

  // The same person again is refused.
  await search.fill('1');
  await search.press('Enter');
  await expect(message).toContainText('mỗi cử tri chỉ bỏ phiếu một lần');
  const one = (
    (await (await team.request.get(`/api/elections/${electionId}/polling/voters?q=1`)).json()) as Voter[]
  )[0]!;
  expect(one.voted).toBe(true);

  // The room's screen refreshes itself.
  await officer.goto(`/bau-cu/${electionId}/bo-phieu/ty-le`);
  await expect(officer.getByTestId('turnout-count')).toHaveText(`2 / ${registered}`);
  await search.fill('3');
  await search.press('Enter');
  await expect(message).toContainText('(số 3) đã bỏ phiếu');
  await expect(officer.getByTestId('turnout-count')).toHaveText(`3 / ${registered}`, { timeout: 15_000 });
  await officer.screenshot({ path: testInfo.outputPath('turnout.png'), fullPage: true });

  // Ballots received, the poll closed, the unused ballots counted and sealed.
  const head = team.getByTestId('ballots-head');
  await head.getByLabel('Số lượng').fill('420');
  await head.getByRole('button', { name: 'Ghi số phiếu nhận' }).click();
  await expect(head.getByTestId('ballots-received')).toHaveText('420');
  await expect(head.getByTestId('ballots-issued')).toHaveText('3');
  await team.getByRole('button', { name: 'Kết thúc bỏ phiếu' }).click();
  await expect(team.getByRole('alertdialog')).toContainText('không ghi nhận thêm cử tri');
  // The question as a team member sees it on a phone at the polling table.
  const desk = team.viewportSize();
  await team.setViewportSize({ width: 390, height: 844 });
  await team.getByRole('alertdialog').scrollIntoViewIfNeeded();
  await team.screenshot({ path: testInfo.outputPath('close-confirm-phone.png') });
  if (desk) await team.setViewportSize(desk);
  await team.getByRole('button', { name: 'Xác nhận: Kết thúc bỏ phiếu' }).click();
  await expect(team.getByTestId('poll-status')).toHaveText('Đã kết thúc');
  await head.getByLabel('Hai cử tri chứng kiến (mỗi dòng một người)').fill('Ngô Văn Bình\nĐỗ Thị Lan');
  await head.getByLabel('Số phiếu không sử dụng đếm được').fill('416');
  await head.getByRole('button', { name: 'Niêm phong phiếu không sử dụng', exact: true }).click();
  await head.getByRole('button', { name: 'Xác nhận: Niêm phong phiếu không sử dụng' }).click();
  await expect(head.getByRole('alert')).toContainText('đếm lại');
  await head.getByLabel('Số phiếu không sử dụng đếm được').fill('417');
  await head.getByRole('button', { name: 'Niêm phong phiếu không sử dụng', exact: true }).click();
  await head.getByRole('button', { name: 'Xác nhận: Niêm phong phiếu không sử dụng' }).click();
  await expect(head.getByText(/Đã niêm phong lúc/)).toBeVisible();
  await team.screenshot({ path: testInfo.outputPath('ballots.png'), fullPage: true });

  // The commune issues the sealing record through the registry.
  await officer.goto(`/bau-cu/${electionId}/bo-phieu`);
  await officer
    .getByTestId('ballots-head')
    .getByRole('button', { name: 'Ban hành biên bản niêm phong' })
    .click();
  await expect(
    officer.getByTestId('ballots-head').getByText('Đã ban hành biên bản niêm phong'),
  ).toBeVisible();

  // Then the box is opened: the count opens with the totals of the check-ins and the seal.
  await team.goto(`/bau-cu/${electionId}/kiem-phieu`);
  await team.getByLabel('Số cử tri tham gia bỏ phiếu').fill('3');
  await team.getByLabel('Số phiếu phát ra').fill('3');
  await team.getByLabel('Số phiếu thu vào').fill('3');
  await team.getByRole('button', { name: /Mở kiểm phiếu chức danh này/ }).click();
  await expect(team).toHaveURL(/\/kiem-phieu\/[0-9a-f-]+$/);
});

test('the commune officer prints the polling-day pack of the ward from the documents page', async ({
  browser,
}, testInfo) => {
  const page = await login(browser, 'ubnd.phuong2');
  await page.getByRole('link', { name: 'Văn bản, biểu mẫu' }).first().click();
  await expect(page.getByTestId('commune-pack')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('documents-pack.png') });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('commune-pack').click(),
  ]);
  const { readFileSync } = await import('node:fs');
  const pdf = readFileSync(await download.path()).toString('latin1');
  expect(pdf.startsWith('%PDF-')).toBe(true);
  // Roll, cards, a ballot per voter plus spares, rules and the blank record: well over a hundred pages.
  const pages = Number(/\/Type \/Pages[\s\S]*?\/Count (\d+)/.exec(pdf)?.[1] ?? 0);
  expect(pages).toBeGreaterThan(100);
});
