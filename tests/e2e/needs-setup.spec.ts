import { test, expect, snap, expectAccessible, startHost, E2E_CONFIG } from './support/preview-host-fixture';

test('a kiosk whose config file cannot be used shows the reasons read-only and keeps staff mode closed', async ({
  page,
}) => {
  // The PIN 1234 provisioned in a broken file opens nothing either: the whole file is untrusted.
  const host = await startHost({ ...E2E_CONFIG, updates: { chanel: 'beta' } });
  try {
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: 'This kiosk needs setup' })).toBeVisible();
    await expect(page.getByText('updates.chanel: unknown field')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Open staff mode' })).toHaveCount(0);
    await expectAccessible(page);
    await snap(page, '30-needs-setup');

    const box = await page.getByTestId('staff-corner').boundingBox();
    if (!box) throw new Error('staff corner not laid out');
    await page.mouse.move(box.x + 10, box.y + 10);
    await page.mouse.down();
    await page.waitForTimeout(3300);
    await page.mouse.up();
    await expect(page.getByRole('heading', { name: 'Staff mode' })).toBeVisible();
    await expect(
      page.getByText('Staff mode stays closed until IT installs a valid configuration file.'),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Unlock' })).toHaveCount(0);
    await expectAccessible(page);
    await snap(page, '31-needs-setup-staff-closed');
  } finally {
    await host.stop();
  }
});
