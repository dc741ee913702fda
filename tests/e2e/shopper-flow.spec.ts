import { test, expect, snap, expectAccessible } from './support/preview-host-fixture';

test.describe('shopper flow with the fake camera', () => {
  test('attract → consent → questionnaire → capture → analysis → results → routine → cart @layout', async ({
    page,
    host,
  }, info) => {
    const suffix = info.project.name;
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: 'Discover your skin' })).toBeVisible();
    // The token moved from the address bar into session storage.
    expect(page.url()).not.toContain('token=');
    await expectAccessible(page);
    await snap(page, `01-attract-${suffix}`);

    await page.getByRole('button', { name: 'Tap to start' }).click();
    await expect(page.getByRole('heading', { name: 'Before we start' })).toBeVisible();
    await expect(page.getByText('never leaves the machine')).toBeVisible();
    await expectAccessible(page);
    await snap(page, `02-consent-${suffix}`);

    await page.getByRole('button', { name: "I agree, let's start" }).click();
    await expect(page.getByText('Question 1 of 3')).toBeVisible();
    await expectAccessible(page);
    await snap(page, `03-questionnaire-${suffix}`);
    await page.getByRole('radio', { name: 'Oily on forehead and nose only' }).click();
    await page.getByRole('radio', { name: 'Sometimes' }).click();
    await page.getByRole('radio', { name: 'A more even tone' }).click();

    await expect(page.getByRole('heading', { name: 'Look into the camera' })).toBeVisible();
    // Checked at once: a well-placed face auto-captures after about 1 s of passing checks and a
    // 3-second countdown, so the screen does not wait for the test.
    await expectAccessible(page);
    await snap(page, `04-capture-${suffix}`);

    // Auto-capture (every guidance check passed) → Analyzing (real stages) → Results, with no touch.
    await expect(page.getByRole('heading', { name: 'Your skin profile' })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('skin-type')).not.toBeEmpty();
    await expect(page.getByTestId('monk')).toHaveText(/^([1-9]|10)$/);
    // The demo kiosk's camera has no colour-chart calibration: the tone says it is approximate.
    await expect(page.getByTestId('approximate-colour')).toHaveText(
      'Approximate colour — ask staff to calibrate',
    );
    await expect(page.locator('polygon[data-zone]').first()).toBeAttached();
    await expectAccessible(page);
    await snap(page, `05-results-${suffix}`);

    // Shade match from the measured skin colour: three candidates with their ΔE00, lighter/darker.
    await page.getByRole('button', { name: 'Find my shade' }).click();
    await expect(page.getByRole('heading', { name: 'Find your shade' })).toBeVisible();
    const shades = page.locator('li.shade');
    await expect(shades).toHaveCount(3);
    await expect(shades.first()).toContainText('ΔE00');
    const firstShade = await shades.first().locator('h2').textContent();
    await page.getByRole('button', { name: 'Darker' }).click();
    await expect(shades.first().locator('h2')).not.toHaveText(firstShade ?? '');
    await expectAccessible(page);
    await snap(page, `05b-shade-${suffix}`);
    await page.getByRole('button', { name: 'See my routine' }).click();
    await expect(page.getByRole('heading', { name: 'Your routine' })).toBeVisible();
    await page.getByRole('button', { name: 'Back' }).click();

    await page.getByRole('button', { name: 'See my routine' }).click();
    await expect(page.getByRole('heading', { name: 'Your routine' })).toBeVisible();
    await expect(page.locator('article.product').first()).toBeVisible();
    await expect(page.getByText(/Protect \(SPF\)/)).toBeVisible();
    await expectAccessible(page);
    await snap(page, `06-routine-${suffix}`);

    // Search the whole catalog with the on-screen keyboard, as you type.
    await page.getByRole('button', { name: 'Search products' }).click();
    for (const key of 'serum') await page.getByRole('button', { name: key, exact: true }).click();
    await expect(page.getByRole('textbox')).toHaveValue('serum');
    await expect(page.locator('article.product').first()).toContainText(/serum/i);
    await expectAccessible(page);
    await snap(page, `06b-search-${suffix}`);
    await page.getByRole('button', { name: 'Back' }).click();

    await page.getByRole('button', { name: 'Add routine to cart' }).click();
    await expect(page.getByRole('heading', { name: 'Your cart' })).toBeVisible();
    await expect(page.getByTestId('cart-total')).toHaveText(/\d/);
    await expectAccessible(page);
    await snap(page, `07-cart-${suffix}`);

    await page.getByRole('button', { name: 'Start over' }).click();
    await expect(page.getByRole('heading', { name: 'Discover your skin' })).toBeVisible();
  });

  test('language switch shows Spanish everywhere', async ({ page, host }) => {
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Español' }).click();
    await expect(page.getByRole('heading', { name: 'Descubre tu piel' })).toBeVisible();
    await page.getByRole('button', { name: 'Toca para empezar' }).click();
    await expect(page.getByRole('heading', { name: 'Antes de empezar' })).toBeVisible();
    await page.getByRole('button', { name: 'No, gracias' }).click();
    // Declining ends the session and restores the kiosk's default language for the next shopper.
    await expect(page.getByRole('heading', { name: 'Discover your skin' })).toBeVisible();
  });
});
