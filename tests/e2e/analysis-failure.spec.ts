import { decodeWire, encodeWire } from '../../electron/shared/wire-codec';
import { test, expect } from './support/preview-host-fixture';
import { launchWithCamera, writeBlankY4m } from './support/blank-camera';
import { messages, screen } from './support/screens';

interface InvokeMessage {
  kind: string;
  channel?: string;
  payload?: { frame?: { data: Uint8Array } };
}

for (const locale of ['en', 'es'] as const) {
  // A camera that sees no face: guidance says so, and the photo cannot be taken.
  test(`a camera without a face keeps Take unavailable and says why, in ${locale} @layout`, async ({
    host,
  }, info) => {
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
      await expect(page.getByRole('button', { name: t['capture.take'] })).toBeDisabled();
      await screen(page, info, '04c-capture-no-face', locale);
    } finally {
      await browser.close();
    }
  });

  // The face was there for the guidance, but the frame that reached the analysis is black (the
  // camera glitched at the shutter): the analysis fails for real, and the screen says so with a
  // failure title, the reason and both ways out (retake, answers only).
  test(`an analysis that fails ends in a clear failure, in ${locale} @layout`, async ({
    page,
    host,
  }, info) => {
    const t = messages(locale);
    await page.routeWebSocket(/\/api\/ws/, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((message) => {
        if (typeof message === 'string') return server.send(message);
        const msg = decodeWire(new Uint8Array(message)) as InvokeMessage;
        if (msg.kind !== 'invoke' || msg.channel !== 'analysis:analyze' || !msg.payload?.frame)
          return server.send(message);
        msg.payload.frame.data.fill(0);
        server.send(Buffer.from(encodeWire(msg)));
      });
    });
    await page.goto(host.url);
    if (locale === 'es') await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('button', { name: t['attract.start'] }).click();
    await page.getByRole('button', { name: t['consent.accept'] }).click();
    await page.getByRole('button', { name: t['questionnaire.skipAll'] }).click();

    const failed = page.getByRole('heading', { name: t['analyzing.failedTitle'] });
    await expect(failed).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('heading', { name: t['analyzing.title'] })).toHaveCount(0);
    await expect(page.getByRole('alert')).toContainText(t['errors.NO_FACE']!);
    await screen(page, info, '04d-analysis-failed', locale);

    await page.getByRole('button', { name: t['camera.useAnswers'] }).click();
    await expect(page.getByTestId('answers-only')).toBeVisible();
  });
}
