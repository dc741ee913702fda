import { test, expect, snap, expectAccessible } from './support/preview-host-fixture';

test('a 3-second press on the corner opens the PIN pad; wrong PINs count down; the right one unlocks', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  const corner = page.getByTestId('staff-corner');
  const box = await corner.boundingBox();
  if (!box) throw new Error('staff corner not laid out');
  await page.mouse.move(box.x + 10, box.y + 10);
  await page.mouse.down();
  await page.waitForTimeout(3300);
  await page.mouse.up();
  await expect(page.getByRole('heading', { name: 'Staff mode' })).toBeVisible();
  await expectAccessible(page);
  await snap(page, '11-staff-pin');

  const enter = async (pin: string) => {
    for (const d of pin) await page.getByRole('button', { name: d, exact: true }).click();
    await page.getByRole('button', { name: 'Unlock' }).click();
  };
  await enter('9999');
  await expect(page.getByText('Wrong PIN. 4 tries left.')).toBeVisible();

  await enter('1234');
  await expect(page.getByRole('navigation', { name: 'Staff sections' })).toBeVisible();
  await expect(page.getByTestId('catalog-version')).not.toBeEmpty();
  await expectAccessible(page);
  await snap(page, '12-staff-catalog');
  for (const section of ['Payments', 'Updates', 'System', 'Logs']) {
    await page.getByRole('button', { name: section, exact: true }).click();
    await expectAccessible(page);
    await snap(page, `13-staff-${section.toLowerCase()}`);
  }
  // Colour calibration from the System section: the fake camera shows a face, not the chart, so
  // the kiosk says so and stores nothing.
  await page.getByRole('button', { name: 'System', exact: true }).click();
  await expect(page.getByTestId('calibration-state')).toHaveText(/No colour calibration for this camera/);
  await page.getByRole('button', { name: 'Start camera' }).click();
  await page.getByRole('button', { name: 'Lock and calibrate' }).click();
  await expect(page.getByRole('alert')).toContainText('The colour chart was not found', { timeout: 20_000 });
  await expect(page.getByTestId('calibration-state')).toHaveText(/No colour calibration for this camera/);
  await page.getByRole('button', { name: 'Exit staff mode' }).click();
  await expect(page.getByRole('heading', { name: 'Discover your skin' })).toBeVisible();
});
