import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { artifactsDir, repoRoot } from './e2e-env';
import { DEMO_PIN_HASH } from '../../../electron/adapters/staff/pin-hash-adapter';

/** The demo shop's link settings (what a kiosk without a config file uses), for hosts with a config. */
const DEMO_LINKS = {
  links: {
    allowedHosts: ['shop.example'],
    cart: { kind: 'query', template: 'https://shop.example/cart/add?sku={sku}&qty={qty}' },
    resultsPageUrl: 'https://shop.example/skin-results/',
  },
};

/**
 * The config most E2E hosts run: the demo shop's links, and the PIN 1234 provisioned as the kiosk's
 * own (a kiosk with a config file never accepts the demo PIN, so the file names it).
 */
export const E2E_CONFIG = { ...DEMO_LINKS, staff: { pinHash: DEMO_PIN_HASH } };

export interface PreviewHost {
  url: string;
  dataDir: string;
}

/** Starts `skinkiosk serve` on a free loopback port with its own data folder and optional config. */
export async function startHost(
  config: Record<string, unknown> | null,
): Promise<PreviewHost & { stop(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'skinkiosk-e2e-'));
  if (config) writeFileSync(path.join(dataDir, 'kiosk-config.json'), JSON.stringify(config));
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(repoRoot, 'electron/cli/index.ts'),
      'serve',
      '--port',
      '0',
      '--data-dir',
      dataDir,
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`preview host did not start:\n${stderr}`)), 90_000);
    child.stdout?.on('data', (d: Buffer) => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(d.toString());
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`preview host exited ${code}:\n${stderr}`)));
  });
  return {
    url,
    dataDir,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot of the current screen under tests/artifacts/e2e and attaches it to the report. */
export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file });
  await base.info().attach(name, { path: file, contentType: 'image/png' });
}

/** No serious or critical accessibility violation on the current screen. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

export const test = base.extend<
  { host: PreviewHost },
  { workerHost: PreviewHost & { stop(): Promise<void> } }
>({
  workerHost: [
    // Playwright requires the destructuring form for a fixture's first argument, even when empty.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const host = await startHost(E2E_CONFIG);
      await use(host);
      await host.stop();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  host: async ({ workerHost }, use) => use(workerHost),
});

export { expect };
