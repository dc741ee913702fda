import type { Page, TestInfo } from '@playwright/test';
import { test, expect, startHost } from './support/preview-host-fixture';
import { messages, screen, type Locale } from './support/screens';

// A kiosk configured with the shortest idle timings: 15 s idle, then 5 s of "Still there?".
for (const locale of ['en', 'es'] as const) {
  test(`an idle session asks "Still there?" and then wipes back to Attract, in ${locale} @layout`, async ({
    page,
  }, info) => {
    const host = await startHost({ session: { idleTimeoutSec: 15, stillThereSec: 5 } });
    try {
      await run(page, host.url, locale, info);
    } finally {
      await host.stop();
    }
  });
}

async function run(page: Page, url: string, locale: Locale, info: TestInfo): Promise<void> {
  const t = messages(locale);
  await page.goto(url);
  if (locale === 'es') await page.getByRole('button', { name: 'Español' }).click();
  await page.getByRole('button', { name: t['attract.start'] }).click();
  await page.getByRole('button', { name: t['consent.accept'] }).click();
  await page.getByRole('radio', { name: t['questionnaire.middayFeel.oily_all_over'] }).click();
  const second = t['questionnaire.progress']!.replace('{n}', '2').replace('{total}', '3');
  await expect(page.getByText(second)).toBeVisible();

  const dialog = page.getByRole('alertdialog', { name: t['idle.title'] });
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  await screen(page, info, '08-still-there', locale);

  // A touch keeps the session alive…
  await dialog.getByRole('button', { name: t['idle.continue'] }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(second)).toBeVisible();

  // …and no touch at all ends it, back in the kiosk's default language.
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('heading', { name: messages('en')['attract.title'] })).toBeVisible({
    timeout: 10_000,
  });

  // The answers were wiped: a new session starts with nothing selected.
  await page.getByRole('button', { name: messages('en')['attract.start'] }).click();
  await page.getByRole('button', { name: messages('en')['consent.accept'] }).click();
  await expect(
    page.getByRole('radio', { name: messages('en')['questionnaire.middayFeel.oily_all_over'] }),
  ).toHaveAttribute('aria-checked', 'false');
}
