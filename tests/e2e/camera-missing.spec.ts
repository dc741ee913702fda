import { chromium } from '@playwright/test';
import { test, expect, snap, expectAccessible } from './support/preview-host-fixture';
import { chromiumPath } from './support/e2e-env';

// A browser with no capture device at all: the kiosk must explain and offer answers-only advice.
test('no camera → clear screen → recommendations from the answers alone', async ({ host }) => {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    const context = await browser.newContext({
      viewport: { width: 1080, height: 1920 },
      permissions: ['camera'],
    });
    const page = await context.newPage();
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Tap to start' }).click();
    await page.getByRole('button', { name: "I agree, let's start" }).click();
    await page.getByRole('button', { name: 'Skip to the scan' }).click();

    await expect(page.getByRole('heading', { name: 'Camera not available' })).toBeVisible();
    await expect(page.getByText('No camera was found on this kiosk.')).toBeVisible();
    await expectAccessible(page);
    await snap(page, '10-camera-missing');

    await page.getByRole('button', { name: 'Use my answers only' }).click();
    await expect(page.getByRole('heading', { name: 'Your skin profile' })).toBeVisible();
    await expect(page.getByText('Based on your answers (no scan).')).toBeVisible();
    await page.getByRole('button', { name: 'See my routine' }).click();
    await expect(page.locator('article.product').first()).toBeVisible();
  } finally {
    await browser.close();
  }
});
