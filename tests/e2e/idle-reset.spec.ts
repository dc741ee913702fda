import type { Page } from '@playwright/test';
import { test, expect, snap, expectAccessible, startHost } from './support/preview-host-fixture';

// A kiosk configured with the shortest idle timings: 15 s idle, then 5 s of "Still there?".
test('an idle session asks "Still there?" and then wipes back to Attract', async ({ page }) => {
  const host = await startHost({ session: { idleTimeoutSec: 15, stillThereSec: 5 } });
  try {
    await run(page, host.url);
  } finally {
    await host.stop();
  }
});

async function run(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Tap to start' }).click();
  await page.getByRole('button', { name: "I agree, let's start" }).click();
  await page.getByRole('radio', { name: 'Oily all over' }).click();
  await expect(page.getByText('Question 2 of 3')).toBeVisible();

  const dialog = page.getByRole('alertdialog', { name: 'Still there?' });
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  await expectAccessible(page);
  await snap(page, '08-still-there');

  // A touch keeps the session alive…
  await dialog.getByRole('button', { name: "I'm still here" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Question 2 of 3')).toBeVisible();

  // …and no touch at all ends it.
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('heading', { name: 'Discover your skin' })).toBeVisible({ timeout: 10_000 });
  await snap(page, '09-idle-reset');

  // The answers were wiped: a new session starts with nothing selected.
  await page.getByRole('button', { name: 'Tap to start' }).click();
  await page.getByRole('button', { name: "I agree, let's start" }).click();
  await expect(page.getByRole('radio', { name: 'Oily all over' })).toHaveAttribute('aria-checked', 'false');
}
