import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { repoRoot } from './support/e2e-env';

// The published "save my results" page in a real browser, served as a store would publish it, with
// the store's allow list in results-config.js. Every case must render something a shopper can read.
const pageDir = path.join(repoRoot, 'resources/results-page');
const CONFIG = "globalThis.SkinResultsConfig = { allowedHosts: ['shop.example'] };";
let server: Server;
let base = '';

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const name = new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/skin\//, '') || 'index.html';
    const types: Record<string, string> = { html: 'text/html', js: 'text/javascript', css: 'text/css' };
    if (!['index.html', 'results.js', 'results.css', 'results-config.js'].includes(name)) {
      res.writeHead(404).end();
      return;
    }
    const body = name === 'results-config.js' ? CONFIG : readFileSync(path.join(pageDir, name));
    res.writeHead(200, { 'content-type': types[name.split('.').pop() ?? ''] ?? 'text/plain' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/skin/`;
});
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const fragment = (payload: unknown) => `#r=${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
const payload = {
  v: 1,
  l: 'en',
  d: '2025-03-14',
  t: 'dry',
  s: 0,
  tn: null,
  m: [['redness', 40]],
  c: ['redness'],
  cu: 'USD',
  p: [
    ['serum', 'Lumen', 'Calm Serum', 3450, 'https://shop.example/p/1'],
    ['toner', 'Lumen', 'Mist', 1200, 'https://evil.example/phish'],
  ],
  k: 'https://evil.example/cart',
};

async function open(page: Page, hash: string): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${base}index.html${hash}`);
  return errors;
}

test('links only to the store’s allow-listed hosts', async ({ page }) => {
  const errors = await open(page, fragment(payload));
  await expect(page.getByRole('heading', { name: 'Your skin results' })).toBeVisible();
  const links = page.getByRole('link');
  await expect(links).toHaveCount(1);
  await expect(links.first()).toHaveAttribute('href', 'https://shop.example/p/1');
  await expect(page.getByText('Lumen Mist')).toBeVisible();
  expect(errors).toEqual([]);
});

test('survives a fragment full of prototype keys and renders what it can', async ({ page }) => {
  const hostile = {
    ...payload,
    l: 'constructor',
    t: '__proto__',
    m: [['constructor', 5]],
    c: ['constructor', 'acne'],
  };
  const errors = await open(page, fragment(hostile));
  await expect(page.getByRole('heading', { name: 'Your skin results' })).toBeVisible();
  await expect(page.getByText('Blemishes')).toBeVisible();
  await expect(page.locator('body')).not.toContainText('native code');
  expect(errors).toEqual([]);
});

test('says a damaged link is damaged, in words, instead of showing a blank page', async ({ page }) => {
  const errors = await open(page, '#r=eyJ2IjoxLCJwIjpb');
  await expect(page.getByText('This link is damaged and cannot be shown.')).toBeVisible();
  await open(page, '');
  await expect(page.getByText('There are no results in this link.')).toBeVisible();
  expect(errors).toEqual([]);
});
