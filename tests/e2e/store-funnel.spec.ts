import { E2E_CONFIG, expect, expectAccessible, snap, startHost, test } from './support/preview-host-fixture';

/**
 * The store funnel end to end: two shoppers walk through the real screens (one scans, builds a cart
 * and sees the cart QR code; one declines consent) and staff see exactly those counts on the System
 * screen. A host of its own, so other tests' shoppers do not count.
 */
test("staff see today's funnel counted from real sessions, counts only", async ({ page }) => {
  const host = await startHost(E2E_CONFIG);
  try {
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Tap to start' }).click();
    await page.getByRole('button', { name: "I agree, let's start" }).click();
    await page.getByRole('radio', { name: 'Oily on forehead and nose only' }).click();
    await page.getByRole('radio', { name: 'Sometimes' }).click();
    await page.getByRole('radio', { name: 'A more even tone' }).click();
    await expect(page.getByRole('heading', { name: 'Your skin profile' })).toBeVisible({ timeout: 60_000 });
    await page.getByRole('button', { name: 'See my routine' }).click();
    await expect(page.locator('article.product').first()).toBeVisible();
    await page.getByRole('button', { name: 'Add routine to cart' }).click();
    await expect(page.getByTestId('cart-total')).toHaveText(/\d/);
    await expect(page.locator('figure.qr img')).toBeVisible();
    await page.getByRole('button', { name: 'Start over' }).click();

    await page.getByRole('button', { name: 'Tap to start' }).click();
    await page.getByRole('button', { name: 'No thanks' }).click();
    await expect(page.getByRole('heading', { name: 'Discover your skin' })).toBeVisible();

    const corner = page.getByTestId('staff-corner');
    const box = await corner.boundingBox();
    if (!box) throw new Error('staff corner not laid out');
    await page.mouse.move(box.x + 10, box.y + 10);
    await page.mouse.down();
    await page.waitForTimeout(3300);
    await page.mouse.up();
    for (const d of '1234') await page.getByRole('button', { name: d, exact: true }).click();
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('button', { name: 'System', exact: true }).click();

    const card = page.getByTestId('funnel-card');
    await expect(card.getByRole('heading', { name: "Today's shoppers" })).toBeVisible();
    const count = (step: string) => card.locator(`tr[data-step="${step}"] td`).first();
    await expect(count('attract')).toHaveText('2');
    await expect(count('consent')).toHaveText('1');
    await expect(count('scan_completed')).toHaveText('1');
    await expect(count('routine_shown')).toHaveText('1');
    await expect(count('added_to_cart')).toHaveText('1');
    await expect(count('qr_shown')).toHaveText('1');
    await expect(count('paid')).toHaveText('0');
    await expect(card.locator('tr[data-step="consent"]')).toContainText('50 %');
    await expect(card.locator('[data-decline="consent"]')).toHaveText('1');
    await expect(card.locator('[data-decline="walked_away"]')).toHaveText('0');
    await expect(page.getByTestId('metrics-push')).toHaveText(/Off/);
    await expectAccessible(page);
    await snap(page, '14-staff-funnel');
  } finally {
    await host.stop();
  }
});
