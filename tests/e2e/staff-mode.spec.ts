import type { Page } from '@playwright/test';
import { test, expect } from './support/preview-host-fixture';
import { messages, screen, type Locale } from './support/screens';

async function holdCorner(page: Page): Promise<void> {
  const box = await page.getByTestId('staff-corner').boundingBox();
  if (!box) throw new Error('staff corner not laid out');
  await page.mouse.move(box.x + 10, box.y + 10);
  await page.mouse.down();
  await page.waitForTimeout(3300);
  await page.mouse.up();
}

for (const locale of ['en', 'es'] as const satisfies Locale[]) {
  test(`a 3-second press opens the PIN pad; wrong PINs count down; every section reads in ${locale} @layout`, async ({
    page,
    host,
  }, info) => {
    const t = messages(locale);
    await page.goto(host.url);
    if (locale === 'es') await page.getByRole('button', { name: 'Español' }).click();
    await holdCorner(page);
    await expect(page.getByRole('heading', { name: t['staff.title'] })).toBeVisible();
    await screen(page, info, '11-staff-pin', locale);

    const enter = async (pin: string) => {
      for (const d of pin) await page.getByRole('button', { name: d, exact: true }).click();
      await page.getByRole('button', { name: t['staff.unlock'] }).click();
    };
    await enter('9999');
    await expect(page.getByText(t['staff.wrongPin']!.replace('{left}', '4'))).toBeVisible();

    await enter('1234');
    await expect(page.getByRole('navigation', { name: t['staff.sections'] })).toBeVisible();
    await expect(page.getByTestId('catalog-version')).not.toBeEmpty();
    await screen(page, info, '12-staff-catalog', locale);
    for (const section of ['payments', 'updates', 'system', 'logs']) {
      await page.getByRole('button', { name: t[`staff.section.${section}`], exact: true }).click();
      if (section === 'updates') {
        // The update phase is a sentence, never a raw message key.
        await expect(page.getByText(t['staff.updates.state.disabled']!, { exact: true })).toBeVisible();
      }
      // No message key shows through untranslated anywhere on a staff screen.
      await expect(page.locator('main')).not.toContainText(/\bstaff\.[a-z]+\.[a-zA-Z.]+/);
      await screen(page, info, `13-staff-${section}`, locale);
    }
    // Colour calibration from the System section: the fake camera shows a face, not the chart, so
    // the kiosk says so and stores nothing.
    await page.getByRole('button', { name: t['staff.section.system'], exact: true }).click();
    const missing = t['staff.system.calibration.missing']!;
    await expect(page.getByTestId('calibration-state')).toHaveText(missing);
    await page.getByRole('button', { name: t['staff.calibration.start'] }).click();
    await page.getByRole('button', { name: t['staff.calibration.capture'] }).click();
    await expect(page.getByRole('alert')).toContainText(t['errors.CHART_NOT_FOUND']!, { timeout: 20_000 });
    await expect(page.getByTestId('calibration-state')).toHaveText(missing);
    await page.getByRole('button', { name: t['staff.exit'] }).click();
    await expect(page.getByRole('heading', { name: messages('en')['attract.title'] })).toBeVisible();
  });
}
