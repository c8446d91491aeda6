import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

/**
 * From the polling page with the poll closed and the unused ballots sealed: opens the count of the
 * head with `papers` voters, papers issued and papers in the box, and one batch of every paper.
 * Answers the count's id. Taps (a phone's context has touch).
 */
export async function openCountWithOneBatch(page: Page, papers: number): Promise<string> {
  await page.getByRole('link', { name: 'Sang kiểm phiếu' }).tap();
  await page.getByLabel('Số cử tri tham gia bỏ phiếu').fill(String(papers));
  await page.getByLabel('Số phiếu phát ra').fill(String(papers));
  await page.getByLabel('Số phiếu thu vào').fill(String(papers));
  await page.getByRole('button', { name: /Mở kiểm phiếu chức danh này/ }).tap();
  await expect(page).toHaveURL(/\/kiem-phieu\/[0-9a-f-]+$/);
  const countId = page.url().split('/').pop() as string;
  await page.getByLabel('Số phiếu của tập').fill(String(papers));
  await page.getByRole('button', { name: 'Mở tập mới' }).tap();
  await expect(page.getByText(`Tập 1: ${papers} phiếu`)).toBeVisible();
  return countId;
}
