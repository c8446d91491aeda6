import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { call } from './page-api';

// The hamlet register over time, on its own server: merging demo khu phố would break other specs.
const WARD = '24820';
const shots = process.env['E2E_SHOTS'];

async function login(page: Page) {
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill('ubnd.phuong2');
  await page.getByLabel('Mật khẩu').fill('baucoso2024');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
}

async function snap(page: Page, name: string) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

async function pick(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('merge two khu phố with a preview, view the ward as it was, establish a new khu phố', async ({
  page,
}) => {
  await login(page);
  const ward = await call<{ hamlets: { id: string; name: string }[] }>(page, 'GET', `/api/communes/${WARD}`);
  const kp2 = ward.hamlets.find((h) => h.name === 'Khu phố 2')!;
  // Khu phố 2 had an interim head from October 2024: the as-of view shows him on 2024-11-01.
  await call(page, 'POST', `/api/hamlets/${kp2.id}/interim`, {
    reason: 'vacancy',
    name: 'Phạm Văn Hùng',
    on: '2024-10-15',
    profileId: 'nd59-2023',
  });

  await page.goto(`/xa/${WARD}`);
  await page.getByTestId('open-hamlet-history').click();
  await expect(page.getByRole('heading', { name: /Lịch sử thôn, tổ dân phố/ })).toBeVisible();

  // Merge Khu phố 1 and Khu phố 2 into a new Khu phố Trung Tâm: preview first.
  const wizard = page.getByTestId('merge-wizard');
  await wizard.getByTestId('merge-sources').click({ force: true });
  await page.getByRole('option', { name: 'Khu phố 1', exact: true }).click();
  await page.getByRole('option', { name: 'Khu phố 2', exact: true }).click();
  await page.keyboard.press('Escape');
  await wizard.getByTestId('merge-new-name').fill('Khu phố Trung Tâm');
  await wizard.getByTestId('merge-decision-number').fill('125/QĐ-UBND');
  await wizard.getByTestId('merge-preview').click();
  const preview = page.getByTestId('merge-preview-card');
  await expect(preview.getByTestId('merge-households')).toContainText('777 hộ gia đình chuyển đến');
  await expect(preview.getByTestId('merge-election')).toContainText('Khu phố 1: Khu phố trưởng');
  await expect(preview.getByTestId('merge-election')).toContainText('chuyển sang nơi nhận');
  await expect(preview).toContainText('Phạm Văn Hùng');
  await snap(page, 'register-merge-preview');
  await wizard.getByTestId('merge-confirm').click();
  await wizard.getByRole('button', { name: 'Xác nhận: Sáp nhập' }).click();
  await expect(page.getByTestId('register-message')).toContainText('Đã sáp nhập vào Khu phố Trung Tâm');
  await expect(page.getByTestId('change-row').first()).toContainText(
    'Khu phố 1, Khu phố 2 sáp nhập vào Khu phố Trung Tâm',
  );
  await expect(page.getByTestId('change-row').first()).toContainText('125/QĐ-UBND');
  await expect(page.getByTestId('former-hamlet')).toHaveCount(2);
  // The old Khu phố 2's interim decision still downloads, under its old name.
  const former = page.getByTestId('former-hamlet').filter({ hasText: 'Khu phố 2' });
  await expect(former).toContainText('Quyết định cử Khu phố trưởng lâm thời Khu phố 2');
  const pdf = await page.request.get((await former.getByRole('link').first().getAttribute('href'))!);
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).subarray(0, 4).toString()).toBe('%PDF');
  await snap(page, 'register-after-merge');

  // The merged khu phố holds the households, the open election and the history.
  const after = await call<{ hamlets: { id: string; name: string }[] }>(page, 'GET', `/api/communes/${WARD}`);
  const merged = after.hamlets.find((h) => h.name === 'Khu phố Trung Tâm')!;
  expect(after.hamlets.map((h) => h.name)).not.toContain('Khu phố 1');
  await page.goto(`/thon/${merged.id}`);
  await expect(page.getByTestId('households-count')).toHaveText('777');
  await expect(page.getByText('2024-2027').first()).toBeVisible();
  await expect(page.getByTestId('hamlet-history')).toContainText('sáp nhập vào Khu phố Trung Tâm');
  await snap(page, 'register-merged-hamlet');

  // The ward as it was on 2024-11-01: five khu phố, Khu phố 2 with its head of the day.
  await page.goto(`/xa/${WARD}/lich-su-thon`);
  await page.getByTestId('as-of-date').fill('2024-11-01');
  await page.getByTestId('as-of-show').click();
  await expect(page.getByTestId('as-of-summary')).toContainText('01/11/2024: 5 thôn, tổ dân phố; 1759 hộ');
  const kp2Row = page.getByTestId('as-of-row').filter({ hasText: 'Khu phố 2' });
  await expect(kp2Row).toContainText('365');
  await expect(kp2Row).toContainText('Phạm Văn Hùng');
  await expect(kp2Row).toContainText('nay không còn');
  await snap(page, 'register-as-of-2024-11-01');

  // The split form lists the groups of the chosen khu phố with their households.
  await page.getByRole('tab', { name: 'Chia tách' }).click();
  const split = page.getByTestId('split-form');
  await split.getByRole('textbox', { name: 'Nơi chuyển đi' }).click();
  await page.getByRole('option', { name: 'Khu phố 3', exact: true }).click();
  await split.getByTestId('move-groups').click({ force: true });
  await expect(page.getByRole('option', { name: /^Tổ 6 \(\d+ hộ\)$/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await snap(page, 'register-split-form');

  // Establish Khu phố 6 (a resettlement area: fewer households than the minimum are allowed).
  await page.getByRole('tab', { name: 'Thành lập mới' }).click();
  const panel = page.getByTestId('establish-panel');
  await panel.getByTestId('establish-name').fill('Khu phố 6');
  await panel.getByTestId('establish-households').fill('120');
  await pick(page, 'establish-exception', 'Dãn dân, tái định cư');
  await panel.getByTestId('establish-start').click();
  const dossier = page.getByTestId('establish-dossier');
  await expect(dossier).toContainText('Khu phố 6');
  await expect(dossier).toContainText('chưa xác minh');
  const items = ['commune-report', 'policy-approval', 'scheme', 'voter-opinion', 'submission', 'appraisal'];
  for (const [i, key] of items.entries()) {
    const row = dossier.getByTestId(`item-${key}`);
    await row
      .getByRole('textbox')
      .first()
      .fill(`${i + 10}/UBND`);
    await row.getByRole('button', { name: 'Ghi' }).click();
    await expect(row.getByRole('button', { name: 'Ghi' })).toHaveCount(0);
  }
  const decision = dossier.getByTestId('item-decision');
  await decision.getByRole('textbox').first().fill('45/NQ-HĐND');
  await decision.getByRole('button', { name: 'Ghi' }).click();
  await expect(dossier).toContainText('Khu phố 6 đã được thành lập');
  await page.getByTestId('interim-name').fill('Trần Văn Tâm');
  await page.getByTestId('interim-appoint').click();
  await expect(page.getByTestId('establish-interim')).toContainText('Đã cử người đứng đầu lâm thời');
  await snap(page, 'register-establish');
  await expect(page.getByTestId('change-row').first()).toContainText('Thành lập Khu phố 6');

  const office = await call<{
    hamlets: { name: string; current: { holderName: string; basis: string }[] }[];
  }>(page, 'GET', `/api/communes/${WARD}/office-register`);
  const kp6 = office.hamlets.find((h) => h.name === 'Khu phố 6')!;
  expect(kp6.current.map((t) => `${t.holderName}:${t.basis}`)).toEqual(['Trần Văn Tâm:interim']);
});
