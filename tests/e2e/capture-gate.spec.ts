import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect, snap, expectAccessible } from './support/preview-host-fixture';
import { fakeCameraVideo } from './support/e2e-env';
import { launchWithCamera } from './support/blank-camera';

/** Share of the encoded signal kept: the face stays detectable but its skin luma falls under 30. */
const LIGHT = 0.08;

/**
 * The fake camera's video in near darkness: the face is there but too dark for the guidance
 * (limited-range luma and chroma pulled toward black and neutral). Written to a temporary folder
 * for this test only.
 */
function darkVideo(dir: string): string {
  const bytes = readFileSync(fakeCameraVideo());
  const headerEnd = bytes.indexOf(0x0a) + 1;
  const header = bytes.subarray(0, headerEnd).toString('ascii');
  const width = Number(/ W(\d+)/.exec(header)?.[1]);
  const height = Number(/ H(\d+)/.exec(header)?.[1]);
  const lumaSize = width * height;
  const frameSize = 6 + lumaSize * 1.5;
  const out = Buffer.from(bytes);
  for (let frame = headerEnd; frame + frameSize <= out.length; frame += frameSize) {
    const y0 = frame + 6;
    for (let i = 0; i < lumaSize; i++) out[y0 + i] = Math.round(16 + (out[y0 + i]! - 16) * LIGHT);
    for (let i = lumaSize; i < lumaSize * 1.5; i++)
      out[y0 + i] = Math.round(128 + (out[y0 + i]! - 128) * LIGHT);
  }
  const file = path.join(dir, 'dark-face.y4m');
  writeFileSync(file, out);
  return file;
}

// A face the guidance never calls ready: Take stays disabled with the reason shown, and nothing is
// captured, by the countdown or by a press.
test('Take waits for a ready frame: a face in near darkness is never captured', async ({ host }) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kiosk-e2e-camera-'));
  const browser = await launchWithCamera(darkVideo(dir));
  try {
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    const page = await context.newPage();
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Tap to start' }).click();
    await page.getByRole('button', { name: "I agree, let's start" }).click();
    await page.getByRole('button', { name: 'Skip to the scan' }).click();
    await expect(page.getByRole('heading', { name: 'Look into the camera' })).toBeVisible();

    const take = page.getByRole('button', { name: 'Take photo' });
    await expect(page.getByTestId('capture-hint')).toHaveText("It's too dark — face the light");
    await expect(take).toBeDisabled();
    await expectAccessible(page);
    await snap(page, '11-capture-not-ready');

    // Pressing anyway does nothing; after longer than the hold and the countdown, still no photo.
    await take.click({ force: true });
    await page.waitForTimeout(5_000);
    await expect(page.getByRole('heading', { name: 'Look into the camera' })).toBeVisible();
    await expect(take).toBeDisabled();
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
