import { request } from '@playwright/test';
import { test, expect } from './support/preview-host-fixture';

// Static files of the preview host need the per-run token too: the printed address carries it once,
// the page keeps it as an HttpOnly cookie, and everything the page loads afterwards still works.
test('the page, a reload without the token in the address, and product images all load', async ({
  host,
  page,
}) => {
  await page.goto(host.url);
  await expect(page.getByRole('button', { name: 'Tap to start' })).toBeVisible();
  expect(new URL(page.url()).searchParams.get('token')).toBeNull();

  await page.reload();
  await expect(page.getByRole('button', { name: 'Tap to start' })).toBeVisible();

  const origin = new URL(host.url).origin;
  const token = new URL(host.url).searchParams.get('token') ?? '';
  const api = await request.newContext({ extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  const search = await api.post(`${origin}/api/invoke/catalog:search`, {
    data: { query: 'serum', limit: 5 },
  });
  const found = (await search.json()) as { ok: boolean; value: { imageUrl: string | null }[] };
  const image = found.value.map((p) => p.imageUrl).find((url): url is string => !!url);
  expect(image).toBeDefined();
  const status = await page.evaluate(async (url) => (await fetch(url)).status, image ?? '');
  expect(status).toBe(200);

  const stranger = await request.newContext();
  expect((await stranger.get(`${origin}${image ?? ''}`)).status()).toBe(401);
  expect((await stranger.get(`${origin}/`)).status()).toBe(401);
  await Promise.all([api.dispose(), stranger.dispose()]);
});
