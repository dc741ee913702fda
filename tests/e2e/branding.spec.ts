import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { test, expect, startHost, snap } from './support/preview-host-fixture';
import { expectSoundLayout } from './support/layout-guard';

// A store's own look from the config: name, accent colour, logo and Attract animation.
test('a branded kiosk shows the store’s logo, accent and Attract animation', async ({ page }) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'skinkiosk-brand-'));
  const logo = path.join(dir, 'logo.svg');
  writeFileSync(
    logo,
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 60"><rect width="200" height="60" rx="12" fill="#1d4e89"/><text x="100" y="40" font-size="28" text-anchor="middle" fill="#fff" font-family="sans-serif">GLOW</text></svg>',
  );
  const attract = path.join(dir, 'attract.png');
  await sharp({ create: { width: 800, height: 800, channels: 3, background: '#ffcc00' } })
    .png()
    .toFile(attract);
  const host = await startHost({
    branding: { storeName: 'Glow & Co', accentColor: '#ffcc00', logoFile: logo, attractMediaFile: attract },
  });
  try {
    await page.goto(host.url);
    await expect(page.getByRole('img', { name: 'Glow & Co' })).toBeVisible();
    await expect(page.getByTestId('attract-media')).toBeVisible();
    await expect(page.getByTestId('attract-scene')).toHaveCount(0);
    // A light accent gets dark text, so the main button still reads.
    const start = page.getByRole('button', { name: 'Tap to start' });
    await expect(start).toHaveCSS('background-color', 'rgb(255, 204, 0)');
    await expect(start).toHaveCSS('color', 'rgb(31, 26, 23)');
    await expectSoundLayout(page);
    await snap(page, '30-attract-branded');
  } finally {
    await host.stop();
  }
});

test('Attract stands still for shoppers who ask for reduced motion', async ({ browser, host }) => {
  const context = await browser.newContext({
    reducedMotion: 'reduce',
    viewport: { width: 1080, height: 1920 },
  });
  const page = await context.newPage();
  await page.goto(host.url);
  const orbit = page.getByTestId('attract-scene').locator('.orbit');
  await expect(orbit).toBeAttached();
  const moving = async () =>
    page.evaluate(
      () =>
        document.getAnimations().filter((a) => {
          const timing = a.effect?.getComputedTiming();
          return timing?.iterations === Infinity || Number(timing?.duration) > 10;
        }).length,
    );
  expect(await moving()).toBe(0);
  await context.close();
  const normal = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
  const animated = await normal.newPage();
  await animated.goto(host.url);
  await expect(animated.getByTestId('attract-scene')).toBeVisible();
  expect(
    await animated.evaluate(
      () =>
        document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations === Infinity).length,
    ),
  ).toBeGreaterThan(0);
  await normal.close();
});
