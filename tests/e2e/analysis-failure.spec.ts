import { test, expect } from './support/preview-host-fixture';
import { launchWithCamera, writeBlankY4m } from './support/blank-camera';
import { messages, screen } from './support/screens';

// A camera that sees no face: guidance says so, and a photo taken anyway fails with a title and a
// message that say what went wrong, with both ways out (retake, answers only).
for (const locale of ['en', 'es'] as const) {
  test(`a photo without a face ends in a clear failure, in ${locale} @layout`, async ({ host }, info) => {
    const t = messages(locale);
    const browser = await launchWithCamera(writeBlankY4m());
    try {
      const context = await browser.newContext({ viewport: info.project.use.viewport ?? null });
      const page = await context.newPage();
      await page.goto(host.url);
      if (locale === 'es') await page.getByRole('button', { name: 'Español' }).click();
      await page.getByRole('button', { name: t['attract.start'] }).click();
      await page.getByRole('button', { name: t['consent.accept'] }).click();
      await page.getByRole('button', { name: t['questionnaire.skipAll'] }).click();

      await expect(page.getByTestId('capture-hint')).toHaveText(t['hints.no_face']!, { timeout: 30_000 });
      await expect(page.getByTestId('meter-distance')).toHaveAttribute('data-state', 'unknown');
      await screen(page, info, '04c-capture-no-face', locale);

      await page.getByRole('button', { name: t['capture.take'] }).click();
      const failed = page.getByRole('heading', { name: t['analyzing.failedTitle'] });
      await expect(failed).toBeVisible({ timeout: 30_000 });
      await expect(page.getByRole('heading', { name: t['analyzing.title'] })).toHaveCount(0);
      await expect(page.getByRole('alert')).toContainText(t['errors.NO_FACE']!);
      await screen(page, info, '04d-analysis-failed', locale);

      await page.getByRole('button', { name: t['camera.useAnswers'] }).click();
      await expect(page.getByTestId('answers-only')).toBeVisible();
    } finally {
      await browser.close();
    }
  });
}
