import type { Page, TestInfo } from '@playwright/test';
import { test, expect, snap, expectAccessible } from './support/preview-host-fixture';
import { messages, screen, type Locale } from './support/screens';

/** Answers-only path to a routine, then the whole routine into the cart and on to the reader. */
async function toReader(page: Page, url: string, locale: Locale = 'en', info?: TestInfo): Promise<void> {
  const t = messages(locale);
  await page.goto(url);
  if (locale === 'es') await page.getByRole('button', { name: 'Español' }).click();
  await page.getByRole('button', { name: t['attract.start'] }).click();
  await page.getByRole('button', { name: t['consent.accept'] }).click();
  await page.getByRole('radio', { name: t['questionnaire.middayFeel.comfortable'] }).click();
  await page.getByRole('radio', { name: t['questionnaire.sensitivity.rarely'] }).click();
  await page.getByRole('radio', { name: t['questionnaire.goal.hydration'] }).click();
  await page.getByRole('button', { name: t['capture.skipScan'] }).click();
  if (info) await screen(page, info, '10b-camera-skipped', locale);
  await page.getByRole('button', { name: t['camera.useAnswers'] }).click();
  await expect(page.getByTestId('answers-only')).toBeVisible();
  // No photo was taken: nothing on the screen may speak of landmarks or colour measurement.
  await expect(page.locator('body')).not.toContainText(/landmark|CIELAB|ΔE|puntos faciales/i);
  if (info) await screen(page, info, '05d-results-answers-only', locale);
  await page.getByRole('button', { name: t['results.seeRoutine'] }).click();
  await expect(page.locator('article.product').first()).toBeVisible();
  await page.getByRole('button', { name: t['routine.addAll'] }).click();
  await expect(page.getByTestId('cart-total')).toHaveText(locale === 'en' ? /\$\d+\.\d\d/ : /\d+,\d\d/);
  await expect(page.getByRole('img', { name: t['cart.phoneQr'] })).toBeVisible();
  await page.getByRole('button', { name: t['cart.payHere'] }).click();
  await expect(page.getByRole('heading', { name: t['payment.phase.waiting_for_card'] })).toBeVisible();
  await expect(page.getByText(t['payment.demo']).first()).toBeVisible();
}

for (const locale of ['en', 'es'] as const) {
  test(`pays with the emulator’s success card and shows the receipt on screen, in ${locale} @layout`, async ({
    page,
    host,
  }, info) => {
    const t = messages(locale);
    await toReader(page, host.url, locale, info);
    // The reader is drawn with an icon from the bundled set (the old emoji had no font on Debian).
    await expect(page.getByTestId('reader-icon').locator('svg').first()).toBeVisible();
    await screen(page, info, '20-payment-waiting', locale);
    await page.getByRole('button', { name: t['payment.demoCard.success'] }).click();
    await expect(page.getByRole('heading', { name: t['thanks.title'] })).toBeVisible({ timeout: 30_000 });
    // The demo reader's receipts live on the kiosk's loopback emulator, which no phone can open:
    // no receipt code is drawn, the receipt is on screen instead.
    await expect(page.getByTestId('receipt-on-screen')).toBeVisible();
    await expect(page.getByTestId('qr-code')).toHaveCount(0);
    await screen(page, info, '21-payment-thank-you', locale);
    await page.getByRole('button', { name: t['thanks.done'] }).click();
    await expect(page.getByRole('heading', { name: messages('en')['attract.title'] })).toBeVisible();
  });
}

test('a declined card says so, and another try on the same order succeeds @layout', async ({
  page,
  host,
}, info) => {
  await toReader(page, host.url);
  await page.getByRole('button', { name: 'Card 0002 (declined)' }).click();
  await expect(page.getByRole('heading', { name: 'Your card was declined' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByText('The bank declined this card.')).toBeVisible();
  await screen(page, info, '22-payment-declined', 'en');

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

async function openStaff(page: Page): Promise<void> {
  const corner = await page.getByTestId('staff-corner').boundingBox();
  if (!corner) throw new Error('staff corner not laid out');
  await page.mouse.move(corner.x + 10, corner.y + 10);
  await page.mouse.down();
  await page.waitForTimeout(3300);
  await page.mouse.up();
  for (const d of '1234') await page.getByRole('button', { name: d, exact: true }).click();
  await page.getByRole('button', { name: 'Unlock' }).click();
}

test('a payment canceled at the kiosk says so, and staff see the order', async ({ page, host }) => {
  await toReader(page, host.url);
  await page.getByRole('button', { name: 'Cancel payment' }).click();
  await expect(page.getByRole('heading', { name: 'Payment canceled' })).toBeVisible({ timeout: 30_000 });
  await snap(page, '23-payment-canceled');
  await expectAccessible(page);

  // Staff mode (which ends the shopper session) lists the canceled order.
  await openStaff(page);
  await page.getByRole('button', { name: 'Payments', exact: true }).click();
  await expect(page.getByRole('cell', { name: 'Canceled' }).first()).toBeVisible();
});

test('staff refund a captured payment only after confirming it', async ({ page, host }) => {
  await toReader(page, host.url);
  await page.getByRole('button', { name: 'Visa 4242 (approved)' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible({ timeout: 30_000 });
  await openStaff(page);
  await page.getByRole('button', { name: 'Payments', exact: true }).click();
  const row = page
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: 'Paid', exact: true }) })
    .first();
  await row.getByRole('button', { name: 'Refund' }).click();
  // One tap only asks; keeping the payment leaves it captured.
  const dialog = page.getByRole('alertdialog', { name: 'Refund this payment?' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await snap(page, '14-staff-refund-confirm');
  await dialog.getByRole('button', { name: 'Keep the payment' }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByRole('cell', { name: 'Paid', exact: true })).toBeVisible();
  await row.getByRole('button', { name: 'Refund' }).click();
  await dialog.getByRole('button', { name: 'Refund', exact: true }).click();
  await expect(page.getByRole('cell', { name: 'Refunded' }).first()).toBeVisible({ timeout: 30_000 });
});
