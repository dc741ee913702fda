import type { Page } from '@playwright/test';
import { test, expect, snap, expectAccessible } from './support/preview-host-fixture';

/** Answers-only path to a routine, then the whole routine into the cart and on to the reader. */
async function toReader(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Tap to start' }).click();
  await page.getByRole('button', { name: "I agree, let's start" }).click();
  await page.getByRole('radio', { name: 'Comfortable' }).click();
  await page.getByRole('radio', { name: 'Rarely or never' }).click();
  await page.getByRole('radio', { name: 'More hydration' }).click();
  await page.getByRole('button', { name: 'Skip the scan' }).click();
  await page.getByRole('button', { name: 'Use my answers only' }).click();
  await page.getByRole('button', { name: 'See my routine' }).click();
  await expect(page.locator('article.product').first()).toBeVisible();
  await page.getByRole('button', { name: 'Add routine to cart' }).click();
  await expect(page.getByTestId('cart-total')).toHaveText(/\$\d+\.\d\d/);
  await expect(page.getByRole('img', { name: 'Scan to buy this cart on your phone' })).toBeVisible();
  await page.getByRole('button', { name: 'Pay by card here' }).click();
  await expect(page.getByRole('heading', { name: 'Tap or insert your card on the reader' })).toBeVisible();
  await expect(page.getByText('DEMO — no real charge').first()).toBeVisible();
}

test('pays for a routine with the emulator’s success card and shows the receipt', async ({ page, host }) => {
  await toReader(page, host.url);
  await expectAccessible(page);
  await snap(page, '20-payment-waiting');
  await page.getByRole('button', { name: 'Visa 4242 (approved)' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('img', { name: 'Scan for your receipt' })).toBeVisible();
  await expectAccessible(page);
  await snap(page, '21-payment-thank-you');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('heading', { name: 'Discover your skin' })).toBeVisible();
});

test('a declined card says so, and another try on the same order succeeds', async ({ page, host }) => {
  await toReader(page, host.url);
  await page.getByRole('button', { name: 'Card 0002 (declined)' }).click();
  await expect(page.getByRole('heading', { name: 'Your card was declined' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByText('The bank declined this card.')).toBeVisible();
  await expectAccessible(page);
  await snap(page, '22-payment-declined');

  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { name: 'Tap or insert your card on the reader' })).toBeVisible();
  await page.getByRole('button', { name: 'Card 9995 (insufficient funds)' }).click();
  await expect(page.getByText('The card has insufficient funds. Try another card.')).toBeVisible({
    timeout: 30_000,
  });

  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('button', { name: 'Visa 4242 (approved)' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible({ timeout: 30_000 });
});

test('a payment canceled at the kiosk says so, and staff see the order', async ({ page, host }) => {
  await toReader(page, host.url);
  await page.getByRole('button', { name: 'Cancel payment' }).click();
  await expect(page.getByRole('heading', { name: 'Payment canceled' })).toBeVisible({ timeout: 30_000 });
  await snap(page, '23-payment-canceled');

  // Staff mode (which ends the shopper session) lists the canceled order.
  const corner = await page.getByTestId('staff-corner').boundingBox();
  if (!corner) throw new Error('staff corner not laid out');
  await page.mouse.move(corner.x + 10, corner.y + 10);
  await page.mouse.down();
  await page.waitForTimeout(3300);
  await page.mouse.up();
  for (const d of '1234') await page.getByRole('button', { name: d, exact: true }).click();
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('button', { name: 'Payments', exact: true }).click();
  await expect(page.getByRole('cell', { name: 'Canceled' }).first()).toBeVisible();
});
