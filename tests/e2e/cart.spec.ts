import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, snap, expectAccessible, startHost, E2E_CONFIG } from './support/preview-host-fixture';

/**
 * The cart as a shopper lives it: out-of-stock products cannot be added, a catalog change under the
 * shopper marks lines instead of emptying the cart, and a paid cart is closed in main. These tests
 * change the catalog, so they run on a preview host of their own.
 */
let host: Awaited<ReturnType<typeof startHost>>;
test.beforeAll(async () => {
  host = await startHost(E2E_CONFIG);
});
test.afterAll(async () => host.stop());

/** Opens the kiosk's installed catalog, the SQLite file `current.json` names. */
function readCatalog<T>(dataDir: string, use: (db: Database.Database) => T): T {
  const dir = path.join(dataDir, 'catalog');
  const { file } = JSON.parse(readFileSync(path.join(dir, 'current.json'), 'utf8')) as { file: string };
  const db = new Database(path.join(dir, file));
  try {
    return use(db);
  } finally {
    db.close();
  }
}

/** Changes the installed catalog the way a sync would, in one transaction. */
const changeCatalog = (dataDir: string, change: (db: Database.Database) => void): void =>
  readCatalog(dataDir, (db) => db.transaction(() => change(db))());

async function routineInCart(page: Page, total = /^\$\d+\.\d\d$/): Promise<string[]> {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Tap to start' }).click();
  await page.getByRole('button', { name: "I agree, let's start" }).click();
  await page.getByRole('radio', { name: 'Comfortable' }).click();
  await page.getByRole('radio', { name: 'Rarely or never' }).click();
  await page.getByRole('radio', { name: 'More hydration' }).click();
  await page.getByRole('button', { name: 'Skip the scan' }).click();
  await page.getByRole('button', { name: 'Use my answers only' }).click();
  await page.getByRole('button', { name: 'See my routine' }).click();
  await expect(page.locator('article.product').first()).toBeVisible();
  await page.getByRole('button', { name: 'Add routine to cart' }).click();
  await expect(page.getByTestId('cart-total')).toHaveText(total);
  return page
    .locator('section.lines li[data-sku]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-sku') ?? ''));
}

const dollars = (text: string | null) => Math.round(Number((text ?? '').replace(/[^\d.]/g, '')) * 100);

test('an out-of-stock product cannot be added; a cart changed under the shopper keeps its valid lines', async ({
  page,
}) => {
  const skus = await routineInCart(page);
  expect(skus.length).toBeGreaterThanOrEqual(3);
  const [gone, repriced, ...kept] = skus as [string, string, ...string[]];

  // Search finds a product this store does not have: its button says why and adds nothing.
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'Search products' }).click();
  for (const key of 'caffeine') await page.getByRole('button', { name: key, exact: true }).click();
  const card = page.locator('article.product[data-sku="CWR-EYE-128"]');
  await expect(card.getByRole('button', { name: 'Out of stock here' })).toBeDisabled();
  await expect(card.getByRole('button', { name: 'Add to cart' })).toHaveCount(0);
  await expectAccessible(page);
  await snap(page, '24-search-out-of-stock');

  // A sync lands while the shopper browses: one line sells out here, another is repriced.
  changeCatalog(host.dataDir, (db) => {
    const id = (sku: string) =>
      (db.prepare('SELECT id FROM products WHERE sku = ?').get(sku) as { id: number }).id;
    db.prepare(`UPDATE products SET availability = 'out_of_stock' WHERE sku = ?`).run(gone);
    db.prepare(`DELETE FROM store_availability WHERE product_id = ?`).run(id(gone));
    db.prepare('UPDATE products SET price_minor = price_minor + 100 WHERE sku = ?').run(repriced);
  });

  await page.getByRole('button', { name: `Cart (${skus.length})` }).click();
  await expect(page.getByText('Your cart changed since you added these items.')).toBeVisible();
  const row = (sku: string) => page.locator(`section.lines li[data-sku="${sku}"]`);
  await expect(row(gone)).toContainText('Out of stock here — not in your total');
  await expect(row(repriced)).toContainText(/Price changed \(was \$\d+\.\d\d\)/);
  for (const sku of kept) await expect(row(sku)).not.toContainText('changed');
  const lineTotals = await Promise.all(
    [repriced, ...kept].map(async (sku) => dollars(await row(sku).locator('.price').textContent())),
  );
  expect(dollars(await page.getByTestId('cart-total').textContent())).toBe(
    lineTotals.reduce((a, b) => a + b),
  );
  await expectAccessible(page);
  await snap(page, '25-cart-changed');

  // Pay takes the lines as now shown; the reader charges exactly the total on screen.
  await page.getByRole('button', { name: 'Pay by card here' }).click();
  await expect(page.getByRole('heading', { name: 'Tap or insert your card on the reader' })).toBeVisible();
  await page.getByRole('button', { name: 'Visa 4242 (approved)' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible({ timeout: 30_000 });
});

/** Calls a channel on the preview host directly, as any page holding the token could. */
async function invoke(page: Page, channel: string, input: unknown) {
  const { origin, searchParams } = new URL(host.url);
  const reply = await page.request.post(`${origin}/api/invoke/${channel}`, {
    headers: { authorization: `Bearer ${searchParams.get('token') ?? ''}` },
    data: input,
  });
  return (await reply.json()) as { ok: boolean; error?: { code: string }; value?: unknown };
}

async function capturedOrders(page: Page): Promise<number> {
  expect(await invoke(page, 'staff:unlock', { pin: '1234' })).toMatchObject({ ok: true });
  const orders = (await invoke(page, 'payment:orders', { limit: 200 })).value as { status: string }[];
  await invoke(page, 'staff:lock', {});
  return orders.filter((o) => o.status === 'captured').length;
}

test('a paid cart is closed: the header shows no cart, and main refuses to take it again', async ({
  page,
}) => {
  const skus = await routineInCart(page);
  const before = await capturedOrders(page);
  await page.getByRole('button', { name: 'Pay by card here' }).click();
  await expect(page.getByRole('heading', { name: 'Tap or insert your card on the reader' })).toBeVisible();
  await page.getByRole('button', { name: 'Visa 4242 (approved)' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: /^Cart \(/ })).toHaveCount(0);
  await snap(page, '26-thank-you-cart-closed');

  // Whatever a renderer still holds, main refuses a second payment in this session.
  const again = await invoke(page, 'payment:start', { items: skus.map((sku) => ({ sku, quantity: 1 })) });
  expect(again).toMatchObject({ ok: false, error: { code: 'CART_CLOSED' } });
  expect(await capturedOrders(page)).toBe(before + 1);

  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('heading', { name: 'Discover your skin' })).toBeVisible();
});

test('a catalog in yen shows whole yen on the routine and in the cart, never hundredths', async ({
  page,
}) => {
  // Last in this file: the whole catalog becomes JPY, its minor units now whole yen.
  changeCatalog(host.dataDir, (db) => void db.prepare(`UPDATE products SET currency = 'JPY'`).run());
  const skus = await routineInCart(page, /^¥[\d,]+$/);
  const yen = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));
  const minor = (sku: string) =>
    readCatalog(
      host.dataDir,
      (db) =>
        (db.prepare('SELECT price_minor FROM products WHERE sku = ?').get(sku) as { price_minor: number })
          .price_minor,
    );
  let total = 0;
  for (const sku of skus) {
    const shown = await page.locator(`section.lines li[data-sku="${sku}"] .price`).textContent();
    expect(shown).toMatch(/^¥[\d,]+$/);
    expect(yen(shown)).toBe(minor(sku));
    total += minor(sku);
  }
  expect(yen(await page.getByTestId('cart-total').textContent())).toBe(total);
  await snap(page, '27-cart-yen');
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.locator('article.product .meta strong').first()).toHaveText(/^¥[\d,]+$/);
});
