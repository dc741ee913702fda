import { test, expect } from './support/preview-host-fixture';
import { launchWithCamera } from './support/blank-camera';
import { messages, screen } from './support/screens';

// A browser with no capture device at all: the kiosk must explain and offer answers-only advice.
for (const locale of ['en', 'es'] as const) {
  test(`no camera → clear screen → recommendations from the answers alone, in ${locale} @layout`, async ({
    host,
  }, info) => {
    const t = messages(locale);
    const browser = await launchWithCamera(null);
    try {
      const context = await browser.newContext({
        viewport: info.project.use.viewport ?? null,
        permissions: ['camera'],
      });
      const page = await context.newPage();
      await page.goto(host.url);
      if (locale === 'es') await page.getByRole('button', { name: 'Español' }).click();
      await page.getByRole('button', { name: t['attract.start'] }).click();
      await page.getByRole('button', { name: t['consent.accept'] }).click();
      await page.getByRole('button', { name: t['questionnaire.skipAll'] }).click();

      await expect(page.getByRole('heading', { name: t['camera.title'] })).toBeVisible();
      await expect(page.getByText(t['camera.missing']!)).toBeVisible();
      await screen(page, info, '10-camera-missing', locale);

      await page.getByRole('button', { name: t['camera.useAnswers'] }).click();
      await expect(page.getByRole('heading', { name: t['results.title'] })).toBeVisible();
      await expect(page.getByText(t['results.fromAnswers']!)).toBeVisible();
      await page.getByRole('button', { name: t['results.seeRoutine'] }).click();
      await expect(page.locator('article.product').first()).toBeVisible();
    } finally {
      await browser.close();
    }
  });
}
